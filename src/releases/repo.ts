import type { Db } from '../storage/database';
import { countWords, plainText } from '../shared/doc-model';
import type { DocJSON } from '../shared/editor-schema';
import type { ReleaseFields, ReleaseKind, ReleaseStatus } from '../shared/release-kinds';

export interface DocumentRecord {
  id: number;
  kind: ReleaseKind;
  status: ReleaseStatus;
  number: string | null;
  title: string;
  fields: ReleaseFields;
  body: DocJSON;
  bodyText: string;
  wordCount: number;
  authorId: number;
  version: number;
  versionAuthorId: number;
  isCorrection: boolean;
  correctionNote: string | null;
  publishedUrl: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface DocumentRow {
  id: number;
  kind: ReleaseKind;
  status: ReleaseStatus;
  number: string | null;
  title: string;
  fields: string;
  body: string;
  body_text: string;
  word_count: number;
  author_id: number;
  version: number;
  version_author_id: number;
  is_correction: number;
  correction_note: string | null;
  published_url: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

function fromRow(r: DocumentRow): DocumentRecord {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    number: r.number,
    title: r.title,
    fields: JSON.parse(r.fields) as ReleaseFields,
    body: JSON.parse(r.body) as DocJSON,
    bodyText: r.body_text,
    wordCount: r.word_count,
    authorId: r.author_id,
    version: r.version,
    versionAuthorId: r.version_author_id,
    isCorrection: r.is_correction === 1,
    correctionNote: r.correction_note,
    publishedUrl: r.published_url,
    publishedAt: r.published_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function findDocument(db: Db, id: number): DocumentRecord | undefined {
  const r = db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  return r && fromRow(r);
}

export interface Content {
  title: string;
  fields: ReleaseFields;
  body: DocJSON;
}

function derived(c: Content) {
  const text = plainText(c.body);
  return { title: c.title.trim(), fields: JSON.stringify(c.fields), body: JSON.stringify(c.body), text, words: countWords(text) };
}

/** Inserts a new draft with its first version. */
export function insertDocument(db: Db, kind: ReleaseKind, c: Content, authorId: number, at: string): number {
  const d = derived(c);
  const id = Number(
    db
      .prepare(
        `INSERT INTO documents (kind, status, title, fields, body, body_text, word_count, author_id, version, version_author_id, created_at, updated_at)
         VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      )
      .run(kind, d.title, d.fields, d.body, d.text, d.words, authorId, authorId, at, at).lastInsertRowid,
  );
  insertVersion(db, id, 1, c, authorId, at, '');
  return id;
}

export function insertVersion(db: Db, documentId: number, version: number, c: Content, authorId: number, at: string, note: string): void {
  const d = derived(c);
  db.prepare(
    `INSERT INTO document_versions (document_id, version, title, fields, body, body_text, word_count, author_id, note, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(documentId, version, d.title, d.fields, d.body, d.text, d.words, authorId, note, at);
}

/** Writes new content as the next version; the caller has checked the base version. */
export function writeNewVersion(db: Db, doc: DocumentRecord, c: Content, authorId: number, at: string, note: string): number {
  const d = derived(c);
  const version = doc.version + 1;
  db.prepare(
    `UPDATE documents SET title = ?, fields = ?, body = ?, body_text = ?, word_count = ?, version = ?, version_author_id = ?, updated_at = ?
     WHERE id = ?`,
  ).run(d.title, d.fields, d.body, d.text, d.words, version, authorId, at, doc.id);
  insertVersion(db, doc.id, version, c, authorId, at, note);
  return version;
}

export type StatusExtra = Partial<Record<'number' | 'published_url' | 'published_at' | 'correction_note', string | null>> & { is_correction?: number };

export function setStatus(db: Db, id: number, status: ReleaseStatus, at: string, extra: StatusExtra = {}): void {
  const sets = ['status = @status', 'updated_at = @at', ...Object.keys(extra).map((k) => `${k} = @${k}`)];
  db.prepare(`UPDATE documents SET ${sets.join(', ')} WHERE id = @id`).run({ id, status, at, ...extra });
}

export interface VersionRecord {
  version: number;
  title: string;
  fields: ReleaseFields;
  body: DocJSON;
  bodyText: string;
  wordCount: number;
  authorId: number;
  note: string;
  createdAt: string;
}

export function listVersions(db: Db, documentId: number): Omit<VersionRecord, 'fields' | 'body' | 'bodyText'>[] {
  return (
    db
      .prepare('SELECT version, title, word_count, author_id, note, created_at FROM document_versions WHERE document_id = ? ORDER BY version DESC')
      .all(documentId) as { version: number; title: string; word_count: number; author_id: number; note: string; created_at: string }[]
  ).map((r) => ({ version: r.version, title: r.title, wordCount: r.word_count, authorId: r.author_id, note: r.note, createdAt: r.created_at }));
}

export function findVersion(db: Db, documentId: number, version: number): VersionRecord | undefined {
  const r = db.prepare('SELECT * FROM document_versions WHERE document_id = ? AND version = ?').get(documentId, version) as
    | { version: number; title: string; fields: string; body: string; body_text: string; word_count: number; author_id: number; note: string; created_at: string }
    | undefined;
  if (!r) return undefined;
  return {
    version: r.version,
    title: r.title,
    fields: JSON.parse(r.fields) as ReleaseFields,
    body: JSON.parse(r.body) as DocJSON,
    bodyText: r.body_text,
    wordCount: r.word_count,
    authorId: r.author_id,
    note: r.note,
    createdAt: r.created_at,
  };
}

export function addEvent(
  db: Db,
  e: { documentId: number; at: string; actorId: number; action: string; from?: ReleaseStatus | null; to?: ReleaseStatus | null; version?: number | null; note?: string },
): void {
  db.prepare('INSERT INTO document_events (document_id, at, actor_id, action, from_status, to_status, version, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    e.documentId,
    e.at,
    e.actorId,
    e.action,
    e.from ?? null,
    e.to ?? null,
    e.version ?? null,
    e.note ?? '',
  );
}
