import type { DocJSON } from './editor-schema';

/** A run of text with the marks a release may carry. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
  /** A hard line break inside the paragraph. */
  br?: boolean;
}

export type Block =
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'heading'; level: number; runs: Run[] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | { type: 'image'; src: string; alt: string; caption: string };

function runsOf(nodes: DocJSON[] | undefined): Run[] {
  const out: Run[] = [];
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') out.push({ text: '\n', br: true });
    else if (n.type === 'text' && n.text) {
      const run: Run = { text: n.text };
      for (const m of n.marks ?? []) {
        if (m.type === 'bold') run.bold = true;
        if (m.type === 'italic') run.italic = true;
        if (m.type === 'link' && typeof m.attrs?.href === 'string') run.href = m.attrs.href;
      }
      out.push(run);
    }
  }
  return out;
}

/** Turns stored Tiptap JSON into the few blocks every exporter understands. */
export function toBlocks(doc: DocJSON | undefined): Block[] {
  const blocks: Block[] = [];
  for (const n of doc?.content ?? []) {
    switch (n.type) {
      case 'paragraph':
        blocks.push({ type: 'paragraph', runs: runsOf(n.content) });
        break;
      case 'heading':
        blocks.push({ type: 'heading', level: Number(n.attrs?.level ?? 2), runs: runsOf(n.content) });
        break;
      case 'blockquote':
        blocks.push({ type: 'quote', blocks: toBlocks(n) });
        break;
      case 'bulletList':
      case 'orderedList':
        blocks.push({ type: 'list', ordered: n.type === 'orderedList', items: (n.content ?? []).map((li) => toBlocks(li)) });
        break;
      case 'image':
        blocks.push({ type: 'image', src: String(n.attrs?.src ?? ''), alt: String(n.attrs?.alt ?? ''), caption: String(n.attrs?.caption ?? '') });
        break;
      default:
        if (n.content) blocks.push(...toBlocks(n));
    }
  }
  return blocks;
}

export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return runsText(b.runs);
    case 'quote':
      return b.blocks.map(blockText).join('\n');
    case 'list':
      return b.items.map((item) => item.map(blockText).join('\n')).join('\n');
    case 'image':
      return b.caption;
  }
}

/** Plain text, a paragraph a line: what search indexes and what diffs compare. */
export function plainText(doc: DocJSON | undefined): string {
  return toBlocks(doc).map(blockText).filter(Boolean).join('\n');
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

export function walkBlocks(blocks: Block[], visit: (b: Block) => void): void {
  for (const b of blocks) {
    visit(b);
    if (b.type === 'quote') walkBlocks(b.blocks, visit);
    if (b.type === 'list') for (const item of b.items) walkBlocks(item, visit);
  }
}
