/**
 * The watchlist language offices type: words, "exact phrases", AND (implied between terms), OR,
 * NOT and parentheses — `purbalingga AND (hoaks OR pungli) NOT "hari jadi"`. It is parsed here
 * and rebuilt as an FTS5 query, so nothing typed can reach FTS5 syntax unquoted.
 */
export type QueryProblem = 'quotes' | 'missingClose' | 'unexpectedClose' | 'expectedWord' | 'notFirst' | 'unexpected';

export class QueryError extends Error {
  constructor(
    readonly problem: QueryProblem,
    readonly op = '',
  ) {
    super(op ? `${problem} ${op}` : problem);
  }
}

type Token = { t: 'word' | 'phrase'; v: string } | { t: 'and' | 'or' | 'not' | 'open' | 'close' };

function tokenize(q: string): Token[] {
  const out: Token[] = [];
  if ((q.match(/"/g)?.length ?? 0) % 2) throw new QueryError('quotes');
  const re = /\s*(?:"([^"]*)"|(\()|(\))|([^\s()"]+))/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(q))) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu);
      if (words?.length) out.push({ t: 'phrase', v: words.join(' ') });
    } else if (m[2]) out.push({ t: 'open' });
    else if (m[3]) out.push({ t: 'close' });
    else {
      const w = m[4]!;
      if (w === 'AND' || w === 'DAN') out.push({ t: 'and' });
      else if (w === 'OR' || w === 'ATAU') out.push({ t: 'or' });
      else if (w === 'NOT' || w === 'BUKAN') out.push({ t: 'not' });
      else for (const part of w.match(/[\p{L}\p{N}]+/gu) ?? []) out.push({ t: 'word', v: part });
    }
  }
  return out;
}

/** Recursive descent: or := and (OR and)*; and := unary ((AND)? unary)*; unary := NOT? atom. */
export function toFtsQuery(query: string): string {
  const tokens = tokenize(query);
  let i = 0;
  const peek = () => tokens[i];
  function atom(): string {
    const tok = tokens[i++];
    if (!tok) throw new QueryError('expectedWord');
    if (tok.t === 'word' || tok.t === 'phrase') return `"${tok.v}"`;
    if (tok.t === 'open') {
      const inner = or();
      if (tokens[i++]?.t !== 'close') throw new QueryError('missingClose');
      return `(${inner})`;
    }
    throw new QueryError('unexpected', tok.t.toUpperCase());
  }
  function and(): string {
    const parts: { not: boolean; text: string }[] = [];
    for (;;) {
      const tok = peek();
      if (!tok || tok.t === 'or' || tok.t === 'close') break;
      if (tok.t === 'and') {
        i++;
        continue;
      }
      const not = tok.t === 'not';
      if (not) i++;
      parts.push({ not, text: atom() });
    }
    if (!parts.length) throw new QueryError('expectedWord');
    if (parts[0]!.not) throw new QueryError('notFirst');
    return parts.reduce((acc, p, k) => (k === 0 ? p.text : `${acc} ${p.not ? 'NOT' : 'AND'} ${p.text}`), '');
  }
  function or(): string {
    const parts = [and()];
    while (peek()?.t === 'or') {
      i++;
      parts.push(and());
    }
    // Only compound parts need parentheses to keep their AND/NOT together.
    return parts.length > 1 ? parts.map((p) => (/ (AND|NOT) /.test(p) ? `(${p})` : p)).join(' OR ') : parts[0]!;
  }
  const result = or();
  if (i < tokens.length) throw new QueryError('unexpectedClose');
  return result;
}
