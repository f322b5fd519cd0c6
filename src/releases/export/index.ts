import { requirePermission } from '../../auth/roles';
import type { Actor, Core } from '../../core';
import { AppError } from '../../errors';
import { readAttachment } from '../../storage/attachments';
import { readOffice } from '../../workspace/settings';
import { findVersion, type DocumentRecord } from '../repo';
import { loadDocument } from '../service';
import { person } from '../views';
import { toDocx } from './docx';
import { toHtml } from './html';
import { fileStem, layoutRelease, type ReleaseLayout } from './layout';
import { toPdf } from './pdf';
import { toMarkdown, toWhatsApp } from './text-formats';

export const EXPORT_FORMATS = ['docx', 'pdf', 'html', 'markdown', 'whatsapp'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  fileName: string;
  mime: string;
  /** Text formats as text; DOCX and PDF as base64. */
  encoding: 'utf8' | 'base64';
  data: string;
}

/** A release (or one of its versions) laid out in the office's house style, for every exporter. */
export function layoutFor(core: Core, doc: DocumentRecord, content: Pick<DocumentRecord, 'title' | 'fields' | 'body'>, correctionNote: string | null = null): ReleaseLayout {
  const office = readOffice(core.ws.db);
  if (!office) throw new AppError('UNAVAILABLE', 'workspace.notInitialized');
  return layoutRelease({
    kind: doc.kind,
    number: doc.number,
    title: content.title,
    fields: content.fields,
    body: content.body,
    office,
    authorInitials: person(core.ws.db, doc.authorId).initials,
    correctionNote,
  });
}

/** Exports the current version, or any older one. */
export async function exportDocument(core: Core, actor: Actor, id: number, format: ExportFormat, version?: number): Promise<ExportResult> {
  requirePermission(actor.user.role, 'releases.read');
  const doc = loadDocument(core, id);
  const v = version && version !== doc.version ? findVersion(core.ws.db, id, version) : undefined;
  if (version && version !== doc.version && !v) throw new AppError('NOT_FOUND', 'releases.versionNotFound', { version });
  const content = v ?? doc;
  const layout = layoutFor(core, doc, content, doc.isCorrection ? doc.correctionNote : null);
  const load = (src: string) => {
    try {
      return readAttachment(core.ws, src.replace(/^att:/, ''));
    } catch {
      return undefined;
    }
  };
  const dataUri = (src: string) => {
    const img = load(src);
    return img ? `data:${img.mime};base64,${img.bytes.toString('base64')}` : '';
  };
  const stem = `${fileStem(layout)}${v ? `-v${v.version}` : ''}`;
  switch (format) {
    case 'docx':
      return { fileName: `${stem}.docx`, mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', encoding: 'base64', data: (await toDocx(layout, load)).toString('base64') };
    case 'pdf':
      return { fileName: `${stem}.pdf`, mime: 'application/pdf', encoding: 'base64', data: (await toPdf(layout, load)).toString('base64') };
    case 'html':
      return { fileName: `${stem}.html`, mime: 'text/html', encoding: 'utf8', data: toHtml(layout, content.body, dataUri) };
    case 'markdown':
      return { fileName: `${stem}.md`, mime: 'text/markdown', encoding: 'utf8', data: toMarkdown(layout, dataUri) };
    case 'whatsapp':
      return { fileName: `${stem}.txt`, mime: 'text/plain', encoding: 'utf8', data: toWhatsApp(layout) };
  }
}
