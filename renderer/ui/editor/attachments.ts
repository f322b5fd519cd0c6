import { call, uploadFile } from '../../app/api';

const cache = new Map<string, Promise<string>>();

/** An attachment as a data: URL for display; fetched once per session. */
export function attachmentUrl(src: string): Promise<string> {
  const sha256 = src.replace(/^att:/, '');
  let p = cache.get(sha256);
  if (!p) {
    p = call('attachments.read', { sha256 }).then((a) => `data:${a.mime};base64,${a.base64}`);
    p.catch(() => cache.delete(sha256));
    cache.set(sha256, p);
  }
  return p;
}

export async function uploadImage(file: File): Promise<string> {
  const info = await uploadFile('attachments.upload', '/api/upload/attachment', file);
  return `att:${info.sha256}`;
}
