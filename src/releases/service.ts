import { appendAudit, auditActor } from '../audit/log';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { sanitizeDoc } from '../shared/sanitize-doc';
import { fieldSchemas } from '../shared/release-fields-schema';
import type { DocJSON } from '../shared/editor-schema';
import type { ReleaseFields, ReleaseKind } from '../shared/release-kinds';
import { formatTime } from '../time/zones';
import { readOffice } from '../workspace/settings';
import { addEvent, findDocument, findVersion, insertDocument, listVersions, setStatus, writeNewVersion, type DocumentRecord } from './repo';
import { readTemplates } from './templates';
import { canEdit, documentView, person, type DocumentView, type PersonRef } from './views';

export const MAX_BODY_BYTES = 5 * 1024 * 1024;


export function loadDocument(core: Core, id: number): DocumentRecord {
  const doc = findDocument(core.ws.db, id);
  if (!doc) throw new AppError('NOT_FOUND', 'releases.notFound');
  return doc;
}

/** Fields are parsed against the document's own kind, which only the core knows for sure. */
export function parseFields(kind: ReleaseKind, raw: unknown): ReleaseFields {
  const parsed = fieldSchemas[kind].safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `fields.${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('VALIDATION', 'validation.invalid', { issues }, { issues: parsed.error.issues.map((i) => ({ path: ['fields', ...i.path.map(String)], message: i.message })) });
  }
  return parsed.data as ReleaseFields;
}

function checkSize(body: DocJSON): void {
  if (JSON.stringify(body).length > MAX_BODY_BYTES) throw new AppError('VALIDATION', 'releases.tooLarge', { max: '5 MB' });
}

export function announce(core: Core, doc: DocumentRecord): void {
  core.events.publish({ type: 'release.changed', id: doc.id, status: doc.status, version: doc.version });
  core.events.publish({ type: 'tasks.changed' });
}

/** A new draft from the kind's template, owned by the writer who asked. */
export function createDocument(core: Core, actor: Actor, kind: ReleaseKind): DocumentView {
  requirePermission(actor.user.role, 'releases.write');
  const db = core.ws.db;
  const template = readTemplates(db, readOffice(db))[kind];
  const now = core.now().toISOString();
  const id = db.transaction(() => {
    const newId = insertDocument(db, kind, template, actor.user.id, now);
    addEvent(db, { documentId: newId, at: now, actorId: actor.user.id, action: 'created', to: 'draft', version: 1 });
    appendAudit(db, auditActor(actor), 'release.created', String(newId), { kind }, core.now());
    return newId;
  })();
  const doc = loadDocument(core, id);
  announce(core, doc);
  return documentView(core, actor, doc);
}

export function getDocument(core: Core, actor: Actor, id: number): DocumentView {
  requirePermission(actor.user.role, 'releases.read');
  return documentView(core, actor, loadDocument(core, id));
}

export interface SaveInput {
  id: number;
  baseVersion: number;
  title: string;
  fields: unknown;
  body: unknown;
  note?: string | undefined;
  /** Set only after the user has seen a conflict and chosen to save over the newer version. */
  overwrite?: boolean | undefined;
}

/**
 * Saves the text as a new version. A save based on an older version than the current one is a
 * conflict, never a silent overwrite. Saving an approved text sends it back to review; a published
 * one can change only as a noted correction, which also goes back to review.
 */
export function saveDocument(core: Core, actor: Actor, input: SaveInput): DocumentView {
  requirePermission(actor.user.role, 'releases.write');
  const db = core.ws.db;
  const body = sanitizeDoc(input.body);
  checkSize(body);
  const now = core.now();
  const at = now.toISOString();
  const doc = db.transaction(() => {
    const cur = loadDocument(core, input.id);
    if (!canEdit(actor, cur)) throw new AppError('FORBIDDEN', 'releases.cannotEdit', { status: cur.status });
    if (cur.version !== input.baseVersion && !input.overwrite) {
      const by = person(db, cur.versionAuthorId);
      const zone = readOffice(db)?.timeZone ?? 'WIB';
      throw new AppError('CONFLICT', 'releases.conflict', { name: by.displayName, time: formatTime(cur.updatedAt, zone), version: cur.version }, {
        currentVersion: cur.version,
        savedBy: by.displayName,
      });
    }
    const note = (input.note ?? '').trim();
    if (cur.status === 'published' && !note) throw new AppError('VALIDATION', 'releases.correctionNote');
    const fields = parseFields(cur.kind, input.fields);
    const version = writeNewVersion(db, cur, { title: input.title, fields, body }, actor.user.id, at, input.overwrite ? `${note} (menimpa v${cur.version})`.trim() : note);
    addEvent(db, { documentId: cur.id, at, actorId: actor.user.id, action: 'saved', version, note });
    if (cur.status === 'approved' || cur.status === 'published') {
      const correction = cur.status === 'published';
      setStatus(db, cur.id, 'in_review', at, correction ? { is_correction: 1, correction_note: note } : {});
      addEvent(db, { documentId: cur.id, at, actorId: actor.user.id, action: correction ? 'correction_started' : 'reopened', from: cur.status, to: 'in_review', version, note });
      appendAudit(db, auditActor(actor), correction ? 'release.correction_started' : 'release.reopened', String(cur.id), { version, note }, now);
    }
    db.prepare('DELETE FROM autosaves WHERE document_id = ? AND user_id = ?').run(cur.id, actor.user.id);
    return loadDocument(core, cur.id);
  })();
  announce(core, doc);
  return documentView(core, actor, doc);
}

/** Keeps what is being typed, per user, so that a crash or a closed window loses nothing. */
export function autosaveDocument(core: Core, actor: Actor, input: Omit<SaveInput, 'note' | 'overwrite'>): { savedAt: string } {
  requirePermission(actor.user.role, 'releases.write');
  const db = core.ws.db;
  const doc = loadDocument(core, input.id);
  if (!canEdit(actor, doc)) throw new AppError('FORBIDDEN', 'releases.cannotEdit', { status: doc.status });
  const body = sanitizeDoc(input.body);
  checkSize(body);
  const fields = parseFields(doc.kind, input.fields);
  const savedAt = core.now().toISOString();
  db.prepare(
    `INSERT INTO autosaves (document_id, user_id, base_version, title, fields, body, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(document_id, user_id) DO UPDATE SET base_version = excluded.base_version, title = excluded.title,
       fields = excluded.fields, body = excluded.body, saved_at = excluded.saved_at`,
  ).run(doc.id, actor.user.id, input.baseVersion, input.title, JSON.stringify(fields), JSON.stringify(body), savedAt);
  return { savedAt };
}

export function discardAutosave(core: Core, actor: Actor, id: number): void {
  core.ws.db.prepare('DELETE FROM autosaves WHERE document_id = ? AND user_id = ?').run(id, actor.user.id);
}

export interface VersionSummary {
  version: number;
  title: string;
  wordCount: number;
  author: PersonRef;
  note: string;
  createdAt: string;
}

export function documentVersions(core: Core, actor: Actor, id: number): VersionSummary[] {
  requirePermission(actor.user.role, 'releases.read');
  loadDocument(core, id);
  return listVersions(core.ws.db, id).map(({ authorId, ...v }) => ({ ...v, author: person(core.ws.db, authorId) }));
}

export function documentVersion(core: Core, actor: Actor, id: number, version: number) {
  requirePermission(actor.user.role, 'releases.read');
  const v = findVersion(core.ws.db, id, version);
  if (!v) throw new AppError('NOT_FOUND', 'releases.versionNotFound', { version });
  const { authorId, ...rest } = v;
  return { ...rest, author: person(core.ws.db, authorId) };
}

/** Restoring an old version writes it again as the newest one; history is never rewritten. */
export function restoreVersion(core: Core, actor: Actor, id: number, version: number, baseVersion: number, note = ''): DocumentView {
  const old = findVersion(core.ws.db, id, version);
  if (!old) throw new AppError('NOT_FOUND', 'releases.versionNotFound', { version });
  const label = `Dipulihkan dari versi ${version}${note ? `: ${note}` : ''}`;
  const view = saveDocument(core, actor, { id, baseVersion, title: old.title, fields: old.fields, body: old.body, note: label });
  appendAudit(core.ws.db, auditActor(actor), 'release.version_restored', String(id), { from: version, to: view.version }, core.now());
  return view;
}

