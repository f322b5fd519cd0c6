import zlib from 'node:zlib';

/**
 * Pulls the visible text out of a PDF written by pdfkit: inflate each content stream, then decode
 * the hex strings of its TJ/Tj operators (WinAnsi, which is Latin-1 for the text we write).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = zlib.inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ|<([0-9a-fA-F]+)>\s*Tj/gs)) {
      const parts = op[1] !== undefined ? [...op[1].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]!) : [op[2]!];
      out.push(parts.map((h) => Buffer.from(h, 'hex').toString('latin1')).join(''));
    }
  }
  return out.join(' ').replace(/\s+/g, ' ');
}
