import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { appendAudit, auditActor } from '../audit/log';
import { requirePermission } from '../auth/roles';
import type { Actor, Core } from '../core';
import { AppError } from '../errors';
import { attachmentFile, storeEvidenceFile } from '../storage/attachments';
import { addCaseEvent } from './repo';
import { announceCase, loadCase } from './service';

export function addFileEvidence(core: Core, actor: Actor, caseId: number, fileName: string, bytes: Uint8Array) {
  requirePermission(actor.user.role, 'cases.write');
  const c = loadCase(core, caseId);
  const at = core.now().toISOString();
  const info = storeEvidenceFile(core.ws, bytes, fileName, actor.user.id, at);
  const db = core.ws.db;
  db.transaction(() => {
    db.prepare("INSERT INTO case_evidence (case_id, kind, name, sha256, size, mime, added_by, added_at) VALUES (?, 'file', ?, ?, ?, ?, ?, ?)").run(
      c.id, fileName.slice(0, 255), info.sha256, info.size, info.mime, actor.user.id, at,
    );
    addCaseEvent(db, { caseId: c.id, at, actorId: actor.user.id, action: 'evidence_added', details: { name: fileName, sha256: info.sha256, size: info.size } });
    appendAudit(db, auditActor(actor), 'case.evidence_added', String(c.id), { name: fileName, sha256: info.sha256 }, core.now());
  })();
  announceCase(core, c);
  return info;
}

export function addUrlEvidence(core: Core, actor: Actor, caseId: number, url: string, name: string) {
  requirePermission(actor.user.role, 'cases.write');
  const c = loadCase(core, caseId);
  const at = core.now().toISOString();
  const db = core.ws.db;
  db.transaction(() => {
    db.prepare("INSERT INTO case_evidence (case_id, kind, name, url, added_by, added_at) VALUES (?, 'url', ?, ?, ?, ?)").run(c.id, (name || url).slice(0, 255), url, actor.user.id, at);
    addCaseEvent(db, { caseId: c.id, at, actorId: actor.user.id, action: 'evidence_added', details: { url } });
  })();
  announceCase(core, c);
}

/**
 * A ZIP to hand to the police or a platform's takedown desk: the files, and a manifest with each
 * one's SHA-256, size, who added it and when. Every file is hashed again first: a file changed on
 * disk since it was stored stops the export rather than travel under a wrong hash.
 */
export async function exportEvidence(core: Core, actor: Actor, caseId: number): Promise<{ fileName: string; base64: string }> {
  requirePermission(actor.user.role, 'cases.read');
  const c = loadCase(core, caseId);
  const rows = core.ws.db
    .prepare('SELECT e.*, u.display_name FROM case_evidence e JOIN users u ON u.id = e.added_by WHERE e.case_id = ? ORDER BY e.id')
    .all(caseId) as { id: number; kind: string; name: string; url: string | null; sha256: string | null; size: number | null; mime: string | null; added_at: string; display_name: string }[];
  const zip = new JSZip();
  const items: Record<string, unknown>[] = [];
  rows.forEach((e, i) => {
    const base = { addedBy: e.display_name, addedAt: e.added_at };
    if (e.kind === 'url') {
      items.push({ kind: 'url', url: e.url, name: e.name, ...base });
      return;
    }
    const bytes = fs.readFileSync(attachmentFile(core.ws, e.sha256!));
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== e.sha256) throw new AppError('CONFLICT', 'cases.evidenceTampered', { name: e.name });
    const file = `bukti/${String(i + 1).padStart(2, '0')}-${e.name.replace(/[^\w.-]+/g, '_')}`;
    zip.file(file, bytes);
    items.push({ kind: 'file', file, name: e.name, sha256: e.sha256, size: e.size, mime: e.mime, ...base });
  });
  const manifest = {
    case: { id: c.id, kind: c.kind, title: c.title, status: c.status, verdict: c.verdict, sourceUrls: c.sourceUrls, firstSeenAt: c.firstSeenAt, createdAt: c.createdAt },
    exportedAt: core.now().toISOString(),
    exportedBy: actor.user.displayName,
    office: core.ws.db.prepare("SELECT value FROM settings WHERE key = 'office'").pluck().get() ? JSON.parse(core.ws.db.prepare("SELECT value FROM settings WHERE key = 'office'").pluck().get() as string) : null,
    items,
  };
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  appendAudit(core.ws.db, auditActor(actor), 'case.evidence_exported', String(c.id), { files: items.length }, core.now());
  return { fileName: `bukti-kasus-${c.id}.zip`, base64: bytes.toString('base64') };
}
