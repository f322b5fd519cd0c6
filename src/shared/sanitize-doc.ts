import { ATTACHMENT_SRC, isAllowedLink, type DocJSON } from './editor-schema';

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'image']);
const INLINE = new Set(['text', 'hardBreak']);

function cleanMarks(marks: DocJSON['marks']): DocJSON['marks'] {
  const out: NonNullable<DocJSON['marks']> = [];
  for (const m of marks ?? []) {
    if (m.type === 'bold' || m.type === 'italic') out.push({ type: m.type });
    else if (m.type === 'link' && typeof m.attrs?.href === 'string' && isAllowedLink(m.attrs.href)) {
      out.push({ type: 'link', attrs: { href: m.attrs.href.trim(), target: '_blank', rel: 'noopener noreferrer nofollow' } });
    }
  }
  return out.length ? out : undefined;
}

function cleanNode(n: DocJSON): DocJSON | null {
  if (!n || typeof n !== 'object' || typeof n.type !== 'string') return null;
  if (n.type === 'text') {
    if (typeof n.text !== 'string' || n.text === '') return null;
    const marks = cleanMarks(n.marks);
    return marks ? { type: 'text', text: n.text, marks } : { type: 'text', text: n.text };
  }
  if (n.type === 'hardBreak') return { type: 'hardBreak' };
  if (n.type === 'image') {
    const src = String(n.attrs?.src ?? '');
    if (!ATTACHMENT_SRC.test(src)) return null;
    return { type: 'image', attrs: { src, alt: String(n.attrs?.alt ?? '').slice(0, 500), caption: String(n.attrs?.caption ?? '').slice(0, 1000), title: null } };
  }
  if (!BLOCKS.has(n.type)) return null;
  const content = (n.content ?? []).map(cleanNode).filter((c): c is DocJSON => c !== null);
  const out: DocJSON = { type: n.type };
  if (n.type === 'heading') out.attrs = { level: n.attrs?.level === 3 ? 3 : 2 };
  if (n.type === 'orderedList') out.attrs = { start: Number.isInteger(n.attrs?.start) ? n.attrs!.start : 1 };
  const inlineOnly = n.type === 'paragraph' || n.type === 'heading';
  const kept = content.filter((c) => (inlineOnly ? INLINE.has(c.type!) : !INLINE.has(c.type!)));
  if (kept.length) out.content = kept;
  else if (!inlineOnly) return null;
  return out;
}

/**
 * Whatever a client sends is reduced to the release schema: unknown nodes and marks dropped,
 * links kept only for http(s)/mailto, images only from attachments. The core stores nothing else.
 */
export function sanitizeDoc(doc: unknown): DocJSON {
  const d = doc as DocJSON;
  const content = d && d.type === 'doc' ? (d.content ?? []).map(cleanNode).filter((c): c is DocJSON => c !== null) : [];
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}
