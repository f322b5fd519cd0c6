export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** Folds a word as FTS5's unicode61 tokenizer (remove_diacritics) does: lower case, no accents. */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export function queryTerms(q: string): string[] {
  return (q.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map(fold);
}

const TOKEN = /[\p{L}\p{N}]+/gu;

function isHit(word: string, terms: string[]): boolean {
  const w = fold(word);
  return terms.some((t) => w.startsWith(t));
}

/** Marks every word that starts with a query term, as the search itself matches them. */
export function highlight(text: string, terms: string[]): string {
  if (!terms.length) return text;
  return text.replace(TOKEN, (w) => (isHit(w, terms) ? `${MARK_START}${w}${MARK_END}` : w));
}

/**
 * About `words` words around the first match, marked. Built here rather than by FTS5's snippet(),
 * which rereads the whole index entry of every term for each row: for a common word that is
 * milliseconds per row.
 */
export function snippet(text: string, terms: string[], words = 24): string {
  const tokens = [...text.matchAll(TOKEN)];
  if (!tokens.length) return '';
  const first = Math.max(0, tokens.findIndex((m) => isHit(m[0], terms)));
  const from = Math.max(0, first - Math.floor(words / 3));
  const to = Math.min(tokens.length, from + words);
  const start = tokens[from]!.index;
  const endToken = tokens[to - 1]!;
  const end = endToken.index + endToken[0].length;
  const body = highlight(text.slice(start, end).replace(/\s+/g, ' '), terms);
  return `${from > 0 ? '…' : ''}${body}${to < tokens.length ? '…' : ''}`;
}
