import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import type { ReleaseKind, ReleaseStatus } from '../shared/release-kinds';
import { loadDocument } from './service';
import { person, type PersonRef } from './views';

export interface TimelineEntry {
  kind: 'event' | 'comment';
  id: number;
  at: string;
  actor: PersonRef;
  action: string;
  from: ReleaseStatus | null;
  to: ReleaseStatus | null;
  version: number | null;
  note: string;
  mentions: PersonRef[];
}

/** "@sari" names a user; unknown names are left as text. */
export function parseMentions(core: Core, body: string): number[] {
  // A name ends at the first character a username cannot end with: "@sari." is "sari".
  const names = [...body.matchAll(/(^|[^\w@])@([a-z0-9._-]{3,32})/gi)].map((m) => m[2]!.toLowerCase().replace(/[._-]+$/, ''));
  if (!names.length) return [];
  const rows = core.ws.db
    .prepare(`SELECT id FROM users WHERE active = 1 AND username IN (${names.map(() => '?').join(',')})`)
    .all(...names) as { id: number }[];
  return rows.map((r) => r.id);
}

export function addComment(core: Core, actor: Actor, documentId: number, body: string): TimelineEntry {
  requirePermission(actor.user.role, 'releases.comment');
  const doc = loadDocument(core, documentId);
  const text = body.trim();
  if (!text) throw new AppError('VALIDATION', 'releases.noteRequired');
  const db = core.ws.db;
  const at = core.now().toISOString();
  const mentioned = parseMentions(core, text).filter((id) => id !== actor.user.id);
  const id = db.transaction(() => {
    const commentId = Number(db.prepare('INSERT INTO document_comments (document_id, author_id, body, created_at) VALUES (?, ?, ?, ?)').run(doc.id, actor.user.id, text, at).lastInsertRowid);
    for (const userId of mentioned) db.prepare('INSERT OR IGNORE INTO mentions (comment_id, user_id) VALUES (?, ?)').run(commentId, userId);
    return commentId;
  })();
  core.events.publish({ type: 'tasks.changed' });
  core.events.publish({ type: 'release.changed', id: doc.id, status: doc.status, version: doc.version });
  return { kind: 'comment', id, at, actor: person(db, actor.user.id), action: 'comment', from: null, to: null, version: null, note: text, mentions: mentioned.map((m) => person(db, m)) };
}

/** Status changes, saves and comments of one document, oldest first. */
export function documentTimeline(core: Core, actor: Actor, documentId: number): TimelineEntry[] {
  requirePermission(actor.user.role, 'releases.read');
  loadDocument(core, documentId);
  const db = core.ws.db;
  const events = (db.prepare('SELECT * FROM document_events WHERE document_id = ?').all(documentId) as {
    id: number; at: string; actor_id: number; action: string; from_status: ReleaseStatus | null; to_status: ReleaseStatus | null; version: number | null; note: string;
  }[]).map<TimelineEntry>((e) => ({ kind: 'event', id: e.id, at: e.at, actor: person(db, e.actor_id), action: e.action, from: e.from_status, to: e.to_status, version: e.version, note: e.note, mentions: [] }));
  const comments = (db.prepare('SELECT * FROM document_comments WHERE document_id = ?').all(documentId) as { id: number; at?: string; created_at: string; author_id: number; body: string }[]).map<TimelineEntry>((c) => ({
    kind: 'comment',
    id: c.id,
    at: c.created_at,
    actor: person(db, c.author_id),
    action: 'comment',
    from: null,
    to: null,
    version: null,
    note: c.body,
    mentions: (db.prepare('SELECT user_id FROM mentions WHERE comment_id = ?').all(c.id) as { user_id: number }[]).map((m) => person(db, m.user_id)),
  }));
  return [...events, ...comments].sort((a, b) => (a.at === b.at ? (a.kind === b.kind ? a.id - b.id : a.kind === 'event' ? -1 : 1) : a.at.localeCompare(b.at)));
}

export interface TaskDoc {
  id: number;
  kind: ReleaseKind;
  status: ReleaseStatus;
  title: string;
  author: PersonRef;
  updatedAt: string;
}

export interface MentionTask {
  commentId: number;
  documentId: number;
  documentTitle: string;
  by: PersonRef;
  body: string;
  at: string;
}

export interface MyTasks {
  drafts: TaskDoc[];
  toReview: TaskDoc[];
  changesRequested: TaskDoc[];
  mentions: MentionTask[];
}

/** The home screen's "My tasks": what each person has to do next. */
export function myTasks(core: Core, actor: Actor): MyTasks {
  requirePermission(actor.user.role, 'releases.read');
  const db = core.ws.db;
  const me = actor.user.id;
  const docs = (where: string, ...params: unknown[]) =>
    (db.prepare(`SELECT id, kind, status, title, author_id, updated_at FROM documents WHERE ${where} ORDER BY updated_at DESC LIMIT 50`).all(...params) as {
      id: number; kind: ReleaseKind; status: ReleaseStatus; title: string; author_id: number; updated_at: string;
    }[]).map<TaskDoc>((r) => ({ id: r.id, kind: r.kind, status: r.status, title: r.title, author: person(db, r.author_id), updatedAt: r.updated_at }));
  const reviewer = actor.user.role === 'editor' || actor.user.role === 'admin';
  return {
    drafts: docs("author_id = ? AND status = 'draft'", me),
    toReview: reviewer ? docs("status = 'in_review' AND author_id != ? AND version_author_id != ?", me, me) : [],
    changesRequested: docs("author_id = ? AND status = 'changes_requested'", me),
    mentions: (db
      .prepare(
        `SELECT c.id, c.document_id, d.title, c.author_id, c.body, c.created_at FROM mentions m
         JOIN document_comments c ON c.id = m.comment_id JOIN documents d ON d.id = c.document_id
         WHERE m.user_id = ? AND m.done = 0 ORDER BY c.id DESC LIMIT 50`,
      )
      .all(me) as { id: number; document_id: number; title: string; author_id: number; body: string; created_at: string }[]).map((r) => ({
      commentId: r.id,
      documentId: r.document_id,
      documentTitle: r.title,
      by: person(db, r.author_id),
      body: r.body,
      at: r.created_at,
    })),
  };
}

export function markMentionDone(core: Core, actor: Actor, commentId: number): void {
  core.ws.db.prepare('UPDATE mentions SET done = 1 WHERE comment_id = ? AND user_id = ?').run(commentId, actor.user.id);
  core.events.publish({ type: 'tasks.changed' });
}

