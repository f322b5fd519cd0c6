import { runsText, type Block, type Run } from '../../shared/doc-model';
import { contactLine, type ReleaseLayout } from './layout';

function firstParagraphIndex(blocks: Block[]): number {
  return blocks.findIndex((b) => b.type === 'paragraph' && runsText(b.runs).trim() !== '');
}

/** WhatsApp's own marks: *bold*, _italic_; links written out, since chats show bare URLs. */
function waRuns(runs: Run[]): string {
  return runs
    .map((r) => {
      if (r.br) return '\n';
      let t = r.text;
      const pad = (mark: string) => {
        const m = /^(\s*)(.*?)(\s*)$/s.exec(t)!;
        return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : t;
      };
      if (r.bold) t = pad('*');
      if (r.italic) t = pad('_');
      if (r.href && r.href !== r.text.trim()) t = `${t} (${r.href.replace(/^mailto:/, '')})`;
      return t;
    })
    .join('');
}

function waBlock(b: Block, lead: string): string {
  switch (b.type) {
    case 'paragraph':
      return `${lead}${waRuns(b.runs)}`;
    case 'heading':
      return `*${runsText(b.runs).trim()}*`;
    case 'quote':
      return b.blocks.map((x) => `> ${waBlock(x, '')}`).join('\n');
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '•'} ${item.map((x) => waBlock(x, '')).join(' ')}`).join('\n');
    case 'image':
      return b.caption ? `[Foto: ${b.caption}]` : '';
  }
}

export function toWhatsApp(l: ReleaseLayout): string {
  const lead = firstParagraphIndex(l.blocks);
  const parts: string[] = [];
  parts.push(`*${l.kindLabel}*${l.number ? `\nNomor: ${l.number}` : ''}`);
  if (l.releaseLine) parts.push(l.releaseLine);
  parts.push(`*${l.headline}*`);
  if (l.correctionNote) parts.push(`_Ralat: ${l.correctionNote}_`);
  if (l.facts.length) parts.push(l.facts.map((f) => `${f.label}: ${f.href && f.href !== f.value ? `${f.value} (${f.href})` : f.value}`).join('\n'));
  l.blocks.forEach((b, i) => {
    const text = waBlock(b, i === lead ? `${l.dateline} ` : '');
    if (text.trim()) parts.push(text);
  });
  if (l.sources.length) parts.push(`Sumber:\n${l.sources.map((s) => `- ${s.title ? `${s.title}: ` : ''}${s.url}`).join('\n')}`);
  parts[parts.length - 1] += ` ${l.closing}`;
  if (l.boilerplate) parts.push(`_${l.boilerplate}_`);
  if (l.contact) parts.push(`Narahubung: ${contactLine(l.contact)}`);
  return parts.join('\n\n');
}

function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>#])/g, '\\$1');
}

function mdRuns(runs: Run[]): string {
  return runs
    .map((r) => {
      if (r.br) return '  \n';
      let t = mdEscape(r.text);
      if (r.bold) t = `**${t}**`;
      if (r.italic) t = `*${t}*`;
      if (r.href) t = `[${t}](${r.href.replace(/\)/g, '%29')})`;
      return t;
    })
    .join('');
}

function mdBlock(b: Block, lead: string, image: (src: string) => string): string {
  switch (b.type) {
    case 'paragraph':
      return `${lead}${mdRuns(b.runs)}`;
    case 'heading':
      return `${'#'.repeat(b.level)} ${mdRuns(b.runs)}`;
    case 'quote':
      return b.blocks.map((x) => mdBlock(x, '', image).split('\n').map((line) => `> ${line}`).join('\n')).join('\n>\n');
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${item.map((x) => mdBlock(x, '', image)).join(' ')}`).join('\n');
    case 'image':
      return `![${mdEscape(b.alt)}](${image(b.src)})${b.caption ? `\n*${mdEscape(b.caption)}*` : ''}`;
  }
}

export function toMarkdown(l: ReleaseLayout, image: (src: string) => string): string {
  const lead = firstParagraphIndex(l.blocks);
  const parts: string[] = [];
  parts.push(`**${l.kindLabel}**${l.number ? `  \nNomor: ${mdEscape(l.number)}` : ''}`);
  if (l.releaseLine) parts.push(`**${l.releaseLine}**`);
  parts.push(`# ${mdEscape(l.headline)}`);
  if (l.correctionNote) parts.push(`*Ralat: ${mdEscape(l.correctionNote)}*`);
  if (l.facts.length) parts.push(l.facts.map((f) => `**${f.label}:** ${f.href ? `[${mdEscape(f.value)}](${f.href})` : mdEscape(f.value)}`).join('  \n'));
  l.blocks.forEach((b, i) => {
    const text = mdBlock(b, i === lead ? `**${l.dateline}** ` : '', image);
    if (text.trim()) parts.push(text);
  });
  if (l.sources.length) parts.push(`**Sumber:**\n\n${l.sources.map((s) => `- [${mdEscape(s.title || s.url)}](${s.url})`).join('\n')}`);
  parts[parts.length - 1] += ` ${l.closing}`;
  if (l.boilerplate) parts.push(`*${mdEscape(l.boilerplate)}*`);
  if (l.contact) parts.push(`**Narahubung:** ${mdEscape(contactLine(l.contact))}`);
  return `${parts.join('\n\n')}\n`;
}
