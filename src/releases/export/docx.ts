import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { runsText, type Block, type Run } from '../../shared/doc-model';
import { fit, imageSize } from './image-size';
import { contactLine, type ReleaseLayout } from './layout';

type ImageLoader = (src: string) => { bytes: Buffer; mime: string } | undefined;

const FONT = 'Arial';

function runs(list: Run[], extra: { italics?: boolean } = {}): ParagraphChild[] {
  return list.map((r) => {
    if (r.br) return new TextRun({ text: '', break: 1, font: FONT });
    const text = new TextRun({ text: r.text, bold: r.bold ?? false, italics: (r.italic ?? false) || (extra.italics ?? false), font: FONT, ...(r.href ? { style: 'Hyperlink' } : {}) });
    return r.href ? new ExternalHyperlink({ link: r.href, children: [text] }) : text;
  });
}

function imageParagraphs(b: Extract<Block, { type: 'image' }>, load: ImageLoader): Paragraph[] {
  const img = load(b.src);
  const size = img && imageSize(img.bytes);
  const type = img?.mime === 'image/png' ? 'png' : img?.mime === 'image/jpeg' ? 'jpg' : img?.mime === 'image/gif' ? 'gif' : undefined;
  const out: Paragraph[] = [];
  if (img && size && type) {
    const box = fit(size, 600, 500);
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type, data: img.bytes, transformation: box, altText: { name: b.alt, description: b.alt, title: b.alt } })] }));
  } else {
    out.push(new Paragraph({ children: [new TextRun({ text: `[Gambar: ${b.alt}]`, italics: true, font: FONT })] }));
  }
  if (b.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: b.caption, italics: true, size: 18, font: FONT })] }));
  return out;
}

function blocks(list: Block[], load: ImageLoader, lead: { index: number; dateline: string; closingIndex?: number; closing?: string }, quote = false): Paragraph[] {
  const out: Paragraph[] = [];
  list.forEach((b, i) => {
    if (b.type === 'paragraph') {
      const children = runs(b.runs, { italics: quote });
      if (i === lead.index) children.unshift(new TextRun({ text: `${lead.dateline} `, bold: true, font: FONT }));
      if (i === lead.closingIndex) children.push(new TextRun({ text: ` ${lead.closing}`, font: FONT }));
      out.push(new Paragraph({ children, alignment: AlignmentType.JUSTIFIED, spacing: { after: 160 }, ...(quote ? { indent: { left: 567 } } : {}) }));
    } else if (b.type === 'heading') {
      out.push(new Paragraph({ heading: b.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: runs(b.runs) }));
    } else if (b.type === 'quote') {
      out.push(...blocks(b.blocks, load, { index: -1, dateline: '' }, true));
    } else if (b.type === 'list') {
      b.items.forEach((item, n) => {
        const text = item.map((x) => (x.type === 'paragraph' ? runsText(x.runs) : '')).join(' ');
        out.push(new Paragraph({ indent: { left: 567, hanging: 283 }, children: [new TextRun({ text: `${b.ordered ? `${n + 1}.` : '•'}\t${text}`, font: FONT })] }));
      });
    } else {
      out.push(...imageParagraphs(b, load));
    }
  });
  return out;
}

/** A Word file laid out like a real release: header lines, headline, dateline lead, body, contact. */
export async function toDocx(l: ReleaseLayout, load: ImageLoader): Promise<Buffer> {
  const leadIndex = l.blocks.findIndex((b) => b.type === 'paragraph' && runsText(b.runs).trim() !== '');
  const p = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
    new Paragraph({ alignment: opts.align ?? AlignmentType.LEFT, children: [new TextRun({ text, bold: opts.bold ?? false, italics: opts.italics ?? false, size: opts.size ?? 22, font: FONT })] });
  const children: Paragraph[] = [
    p(l.officeName.toUpperCase(), { bold: true, size: 20 }),
    p(l.kindLabel, { bold: true, size: 28 }),
  ];
  if (l.number) children.push(p(`Nomor: ${l.number}`, { size: 20 }));
  if (l.releaseLine) children.push(p(l.releaseLine, { bold: true, size: 20 }));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 240 }, children: [new TextRun({ text: l.headline, bold: true, size: 32, font: FONT })] }));
  if (l.correctionNote) children.push(p(`Ralat: ${l.correctionNote}`, { italics: true }));
  for (const f of l.facts) {
    children.push(new Paragraph({ children: [new TextRun({ text: `${f.label}: `, bold: true, font: FONT }), ...(f.href ? [new ExternalHyperlink({ link: f.href, children: [new TextRun({ text: f.value, style: 'Hyperlink', font: FONT })] })] : [new TextRun({ text: f.value, font: FONT })])] }));
  }
  // As in the sample, the writer's initials close the last paragraph: "… kata Tri Gunawan. (y)".
  const last = l.blocks.length - 1;
  const closeInBody = !l.sources.length && l.blocks[last]?.type === 'paragraph';
  children.push(...blocks(l.blocks, load, { index: leadIndex, dateline: l.dateline, ...(closeInBody ? { closingIndex: last, closing: l.closing } : {}) }));
  if (l.sources.length) {
    children.push(p('Sumber:', { bold: true }));
    for (const s of l.sources) children.push(new Paragraph({ children: [new TextRun({ text: '• ', font: FONT }), new ExternalHyperlink({ link: s.url, children: [new TextRun({ text: s.title || s.url, style: 'Hyperlink', font: FONT })] })] }));
  }
  if (!closeInBody) children.push(p(l.closing));
  if (l.boilerplate) children.push(p(l.boilerplate, { italics: true, size: 20 }));
  if (l.contact) children.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: 'Narahubung: ', bold: true, font: FONT }), new TextRun({ text: contactLine(l.contact), font: FONT })] }));
  const doc = new Document({ creator: 'Beranda Humas', title: l.headline, description: l.kindLabel, sections: [{ properties: {}, children }] });
  return Packer.toBuffer(doc);
}
