import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import type { Workspace } from './workspace';

export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

export interface AttachmentInfo {
  sha256: string;
  size: number;
  mime: string;
  originalName: string;
}

/** The type a file really is, from its first bytes, not from what its name claims. */
export function sniffImage(bytes: Uint8Array): string | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 16));
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a') return 'image/gif';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}

function fileOf(ws: Workspace, sha: string): string {
  return path.join(ws.attachmentsDir, sha.slice(0, 2), sha);
}

/** Content-addressed: the same image stored twice is one file. */
export function storeImage(ws: Workspace, bytes: Uint8Array, originalName: string, userId: number, at: string): AttachmentInfo {
  if (bytes.byteLength > MAX_IMAGE_BYTES) throw new AppError('VALIDATION', 'attachments.tooLarge', { max: '15 MB' });
  const mime = sniffImage(bytes);
  if (!mime) throw new AppError('VALIDATION', 'attachments.badType');
  return storeBytes(ws, bytes, mime, originalName, userId, at);
}

export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

/** Evidence may be any file (screenshots, PDFs, recordings); its type is what its bytes say it is. */
export function storeEvidenceFile(ws: Workspace, bytes: Uint8Array, originalName: string, userId: number, at: string): AttachmentInfo {
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw new AppError('VALIDATION', 'attachments.tooLarge', { max: '25 MB' });
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(8, bytes.byteLength)).toString('latin1');
  const mime = sniffImage(bytes) ?? (head.startsWith('%PDF') ? 'application/pdf' : 'application/octet-stream');
  return storeBytes(ws, bytes, mime, originalName, userId, at);
}

function storeBytes(ws: Workspace, bytes: Uint8Array, mime: string, originalName: string, userId: number, at: string): AttachmentInfo {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = fileOf(ws, sha256);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.partial`, bytes);
    fs.renameSync(`${file}.partial`, file);
  }
  ws.db
    .prepare('INSERT OR IGNORE INTO attachments (sha256, size, mime, original_name, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(sha256, bytes.byteLength, mime, originalName.slice(0, 255), userId, at);
  return { sha256, size: bytes.byteLength, mime, originalName };
}

export function attachmentFile(ws: Workspace, sha256: string): string {
  return fileOf(ws, sha256);
}

export function readAttachment(ws: Workspace, sha256: string): { bytes: Buffer; mime: string } {
  const row = ws.db.prepare('SELECT mime FROM attachments WHERE sha256 = ?').get(sha256) as { mime: string } | undefined;
  const file = fileOf(ws, sha256);
  if (!row || !/^[0-9a-f]{64}$/.test(sha256) || !fs.existsSync(file)) throw new AppError('NOT_FOUND', 'attachments.notFound');
  return { bytes: fs.readFileSync(file), mime: row.mime };
}
