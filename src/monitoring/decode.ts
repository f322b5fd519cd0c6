// windows-1252's 0x80–0x9F (the rest is Latin-1). Node 20's TextDecoder decodes this label as
// Latin-1, turning "–" into U+0096; WHATWG maps iso-8859-1, latin1 and ascii here too.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const CP1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1']);

function decodeCp1252(body: Buffer): string {
  let out = '';
  for (let i = 0; i < body.length; i += 8192) {
    const chunk = body.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

/**
 * The text of a feed. Its own say comes first: a byte-order mark, then the XML declaration's
 * encoding; the HTTP header only when the document says nothing (servers often label
 * windows-1252 feeds as UTF-8); UTF-8 otherwise.
 */
export function decodeFeed(body: Buffer, contentType = ''): { text: string; charset: string } {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(body.subarray(3)), charset: 'utf-8' };
  if (body[0] === 0xff && body[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(body.subarray(2)), charset: 'utf-16le' };
  if (body[0] === 0xfe && body[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(body.subarray(2)), charset: 'utf-16be' };
  const head = body.subarray(0, 512).toString('latin1');
  const declared = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  if (CP1252_LABELS.has(declared.toLowerCase())) return { text: decodeCp1252(body), charset: 'windows-1252' };
  for (const label of [declared, 'utf-8']) {
    try {
      return { text: new TextDecoder(label.toLowerCase()).decode(body), charset: label.toLowerCase() };
    } catch {
      // An unknown label: fall back to UTF-8.
    }
  }
  return { text: body.toString('utf8'), charset: 'utf-8' };
}

/**
 * Repairs only what is safe to repair: junk before the first tag, characters XML forbids, and
 * ampersands that start no entity. Anything worse stays an error the user is told about.
 */
export function repairXml(text: string): string {
  const start = text.search(/<(\?xml|rss|feed|rdf:RDF|RDF)\b/i);
  const body = start > 0 ? text.slice(start) : text;
  return (
    body
      // Control characters are exactly what XML 1.0 forbids; matching them is the point.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#\d{1,7}|#x[0-9a-fA-F]{1,6});)/g, '&amp;')
  );
}
