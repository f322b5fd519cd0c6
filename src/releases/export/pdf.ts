import PDFDocument from 'pdfkit';
import { runsText, type Block, type Run } from '../../shared/doc-model';
import { fit, imageSize } from './image-size';
import { contactLine, type ReleaseLayout } from './layout';

type ImageLoader = (src: string) => { bytes: Buffer; mime: string } | undefined;

function font(bold?: boolean, italic?: boolean): string {
  return bold && italic ? 'Helvetica-BoldOblique' : bold ? 'Helvetica-Bold' : italic ? 'Helvetica-Oblique' : 'Helvetica';
}

/** Writes runs as one flowing paragraph; the standard PDF fonts cover the Latin text of a release. */
function paragraph(doc: PDFKit.PDFDocument, list: Run[], opts: { prefix?: string; indent?: number; italic?: boolean; size?: number } = {}): void {
  const parts: { text: string; bold?: boolean; italic?: boolean; link?: string }[] = [];
  if (opts.prefix) parts.push({ text: `${opts.prefix} `, bold: true });
  for (const r of list) {
    const part: { text: string; bold?: boolean; italic?: boolean; link?: string } = { text: r.br ? '\n' : r.text };
    if (r.bold) part.bold = true;
    if (r.italic || opts.italic) part.italic = true;
    if (r.href) part.link = r.href;
    parts.push(part);
  }
  if (!parts.length) return;
  doc.fontSize(opts.size ?? 11);
  parts.forEach((part, i) => {
    doc.font(font(part.bold, part.italic)).fillColor(part.link ? '#1d4470' : '#000000');
    const o: PDFKit.Mixins.TextOptions = { continued: i < parts.length - 1, align: 'justify', indent: 0, paragraphGap: 8, lineGap: 2 };
    if (part.link) {
      o.link = part.link;
      o.underline = true;
    } else o.underline = false;
    if (i === 0 && opts.indent) doc.text(part.text, doc.page.margins.left + opts.indent, doc.y, { ...o, width: doc.page.width - doc.page.margins.left - doc.page.margins.right - opts.indent });
    else doc.text(part.text, o);
  });
  doc.fillColor('#000000');
  doc.x = doc.page.margins.left;
}

function blocks(doc: PDFKit.PDFDocument, list: Block[], load: ImageLoader, leadIndex: number, dateline: string, quote = false, closing?: { index: number; text: string }): void {
  list.forEach((b, i) => {
    if (b.type === 'paragraph') {
      const runs = i === closing?.index ? [...b.runs, { text: ` ${closing.text}` }] : b.runs;
      paragraph(doc, runs, { ...(i === leadIndex ? { prefix: dateline } : {}), ...(quote ? { indent: 24, italic: true } : {}) });
    }
    else if (b.type === 'heading') {
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(b.level === 2 ? 13 : 12).text(runsText(b.runs));
      doc.moveDown(0.3);
    } else if (b.type === 'quote') blocks(doc, b.blocks, load, -1, '', true);
    else if (b.type === 'list') {
      b.items.forEach((item, n) => paragraph(doc, [{ text: `${b.ordered ? `${n + 1}.` : '•'} ` }, ...item.flatMap((x) => (x.type === 'paragraph' ? x.runs : []))], { indent: 14 }));
    } else {
      const img = load(b.src);
      const size = img && imageSize(img.bytes);
      if (img && size && (img.mime === 'image/png' || img.mime === 'image/jpeg')) {
        const box = fit(size, doc.page.width - doc.page.margins.left - doc.page.margins.right, 320);
        if (doc.y + box.height > doc.page.height - doc.page.margins.bottom) doc.addPage();
        doc.image(img.bytes, doc.page.margins.left, doc.y, box);
        doc.y += box.height + 4;
      } else {
        doc.font('Helvetica-Oblique').fontSize(10).text(`[Gambar: ${b.alt}]`);
      }
      if (b.caption) doc.font('Helvetica-Oblique').fontSize(9).text(b.caption, { align: 'center' });
      doc.moveDown(0.5);
    }
  });
}

export function toPdf(l: ReleaseLayout, load: ImageLoader): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 56, bottom: 56, left: 64, right: 64 }, info: { Title: l.headline, Creator: 'Beranda Humas' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(9).fillColor('#14304f').text(l.officeName.toUpperCase());
  doc.fontSize(14).text(l.kindLabel);
  doc.fillColor('#000000').font('Helvetica').fontSize(9);
  if (l.number) doc.text(`Nomor: ${l.number}`);
  if (l.releaseLine) doc.font('Helvetica-Bold').text(l.releaseLine);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(17).text(l.headline, { lineGap: 2 });
  doc.moveDown(0.6);
  if (l.correctionNote) paragraph(doc, [{ text: `Ralat: ${l.correctionNote}`, italic: true }]);
  for (const f of l.facts) paragraph(doc, [{ text: `${f.label}: `, bold: true }, { text: f.value, ...(f.href ? { href: f.href } : {}) }]);
  const leadIndex = l.blocks.findIndex((b) => b.type === 'paragraph' && runsText(b.runs).trim() !== '');
  const last = l.blocks.length - 1;
  const closeInBody = !l.sources.length && l.blocks[last]?.type === 'paragraph';
  blocks(doc, l.blocks, load, leadIndex, l.dateline, false, closeInBody ? { index: last, text: l.closing } : undefined);
  if (l.sources.length) {
    paragraph(doc, [{ text: 'Sumber:', bold: true }]);
    for (const s of l.sources) paragraph(doc, [{ text: '• ' }, { text: s.title || s.url, href: s.url }], { indent: 14 });
  }
  if (!closeInBody) paragraph(doc, [{ text: l.closing }]);
  if (l.boilerplate) paragraph(doc, [{ text: l.boilerplate, italic: true }], { size: 10 });
  if (l.contact) paragraph(doc, [{ text: 'Narahubung: ', bold: true }, { text: contactLine(l.contact) }]);
  doc.end();
  return done;
}
