import { person, type PersonRef } from '../auth/people';
import { can } from '../auth/roles';

export { person, type PersonRef };
import type { Actor, Core } from '../core';
import type { DocJSON } from '../shared/editor-schema';
import type { ReleaseFields, ReleaseStatus } from '../shared/release-kinds';
import type { DocumentRecord } from './repo';


export interface Capabilities {
  edit: boolean;
  submit: boolean;
  approve: boolean;
  requestChanges: boolean;
  markPublished: boolean;
  withdraw: boolean;
  comment: boolean;
}

export interface AutosaveView {
  baseVersion: number;
  title: string;
  fields: ReleaseFields;
  body: DocJSON;
  savedAt: string;
}

/** A document as its reader gets it: the record with people instead of ids, and what they may do. */
export type DocumentView = Omit<DocumentRecord, 'authorId' | 'versionAuthorId' | 'bodyText'> & {
  author: PersonRef;
  versionAuthor: PersonRef;
  can: Capabilities;
  /** This user's unsaved text, when it is newer than the saved version. */
  autosave: AutosaveView | null;
};

const EDITABLE: ReleaseStatus[] = ['draft', 'in_review', 'changes_requested', 'approved', 'published'];

export function canEdit(actor: Actor, doc: DocumentRecord): boolean {
  const role = actor.user.role;
  if (!can(role, 'releases.write') || !EDITABLE.includes(doc.status)) return false;
  if (doc.status === 'published') return can(role, 'releases.publish');
  return doc.authorId === actor.user.id || can(role, 'releases.editAny');
}

/** Nobody approves their own text: neither the document's author nor the author of its current version. */
export function isOwnText(actor: Actor, doc: DocumentRecord): boolean {
  return doc.authorId === actor.user.id || doc.versionAuthorId === actor.user.id;
}

export function capabilities(actor: Actor, doc: DocumentRecord): Capabilities {
  const role = actor.user.role;
  const mayWrite = can(role, 'releases.write') && (doc.authorId === actor.user.id || can(role, 'releases.editAny'));
  return {
    edit: canEdit(actor, doc),
    submit: mayWrite && (doc.status === 'draft' || doc.status === 'changes_requested'),
    approve: can(role, 'releases.review') && doc.status === 'in_review' && !isOwnText(actor, doc),
    requestChanges: can(role, 'releases.review') && doc.status === 'in_review',
    markPublished: can(role, 'releases.publish') && doc.status === 'approved',
    withdraw: can(role, 'releases.publish') && doc.status === 'published',
    comment: can(role, 'releases.comment'),
  };
}

export function documentView(core: Core, actor: Actor, doc: DocumentRecord): DocumentView {
  const db = core.ws.db;
  const auto = db.prepare('SELECT * FROM autosaves WHERE document_id = ? AND user_id = ?').get(doc.id, actor.user.id) as
    | { base_version: number; title: string; fields: string; body: string; saved_at: string }
    | undefined;
  return {
    id: doc.id,
    kind: doc.kind,
    status: doc.status,
    number: doc.number,
    title: doc.title,
    fields: doc.fields,
    body: doc.body,
    wordCount: doc.wordCount,
    author: person(db, doc.authorId),
    version: doc.version,
    versionAuthor: person(db, doc.versionAuthorId),
    isCorrection: doc.isCorrection,
    correctionNote: doc.correctionNote,
    publishedUrl: doc.publishedUrl,
    publishedAt: doc.publishedAt,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    can: capabilities(actor, doc),
    autosave: auto
      ? { baseVersion: auto.base_version, title: auto.title, fields: JSON.parse(auto.fields) as ReleaseFields, body: JSON.parse(auto.body) as DocJSON, savedAt: auto.saved_at }
      : null,
  };
}
