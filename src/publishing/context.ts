import type { Actor, Core } from '../core';
import { findUserById } from '../auth/users';
import { claimReview } from '../cases/clarification';
import { loadDocument } from '../releases/service';
import { findVersion } from '../releases/repo';
import { websiteArticle } from '../releases/export/html';
import { layoutFor } from '../releases/export/index';
import { readAttachment } from '../storage/attachments';
import { longDateId } from '../shared/indonesian-dates';
import type { DocJSON } from '../shared/editor-schema';
import { ChannelError, type AdapterContext, type Media } from './adapters/types';
import { uploadMedia } from './adapters/wordpress';
import type { ChannelRow } from './channels';
import { channelConfig, openSecret } from './channels';
import { send, type HttpRequest } from './http';
import { countRequest, rateKey } from './rate-limits';

export interface JobRef {
  id: number;
  document_id: number;
  version: number;
  action: string;
  after_id: number | null;
  created_by: number;
  progress: string;
}

function imageAttrs(body: DocJSON, sha: string): { alt: string; caption: string } {
  let found = { alt: '', caption: '' };
  const walk = (n: DocJSON) => {
    if (n.type === 'image' && String(n.attrs?.src ?? '') === `att:${sha}`) found = { alt: String(n.attrs?.alt ?? ''), caption: String(n.attrs?.caption ?? '') };
    n.content?.forEach(walk);
  };
  walk(body);
  return found;
}

/** Everything an adapter may use for one channel and (when sending) one publication. */
export async function buildContext(core: Core, row: ChannelRow, job: JobRef | null): Promise<AdapterContext> {
  const db = core.ws.db;
  const secret = await openSecret(core, row).catch((e: unknown) => {
    if (job) throw e;
    return {} as Record<string, string>;
  });
  const doc = job ? loadDocument(core, job.document_id) : null;
  const content = doc && job ? (job.version === doc.version ? doc : (findVersion(db, doc.id, job.version) ?? doc)) : null;
  const progress = job ? (JSON.parse(job.progress) as Record<string, unknown>) : {};
  const ctx: AdapterContext = {
    channel: channelConfig(row),
    secret,
    http: (req: HttpRequest) => {
      countRequest(rateKey(core, row.id), core.now());
      return send(req);
    },
    media(sha) {
      const { bytes, mime } = readAttachment(core.ws, sha);
      const name = (db.prepare('SELECT original_name FROM attachments WHERE sha256 = ?').get(sha) as { original_name: string } | undefined)?.original_name ?? `${sha.slice(0, 12)}`;
      const attrs = content ? imageAttrs(content.body, sha) : { alt: '', caption: '' };
      return { sha256: sha, name, mime, bytes, ...attrs } satisfies Media;
    },
    now: () => core.now(),
    saveProgress(p) {
      Object.assign(progress, p);
      if (job) db.prepare('UPDATE publications SET progress = ? WHERE id = ?').run(JSON.stringify(progress), job.id);
    },
    article(image) {
      if (!doc || !content) return { html: '', jsonLd: null };
      // The website post states its correction itself, dated (below), rather than in the layout.
      const layout = layoutFor(core, doc, content);
      const correction = job?.action === 'correct' && doc.correctionNote ? { date: longDateId(core.now().toISOString().slice(0, 10)), note: doc.correctionNote } : undefined;
      const html = websiteArticle(layout, content.body, (src) => image(src.replace(/^att:/, '')), correction);
      let jsonLd: string | null = null;
      if (doc.kind === 'klarifikasi') {
        const creator = findUserById(db, job!.created_by);
        if (creator) jsonLd = JSON.stringify(claimReview(core, { user: creator, tokenHash: '' } as Actor, doc.id));
      }
      return { html, jsonLd };
    },
    websiteUrl: job?.after_id ? ((db.prepare('SELECT remote_url FROM publications WHERE id = ?').get(job.after_id) as { remote_url: string | null } | undefined)?.remote_url ?? null) : null,
    async publicImageUrl(sha) {
      const wp = db.prepare("SELECT * FROM channels WHERE kind = 'wordpress' AND active = 1 AND sealed_secret IS NOT NULL ORDER BY id LIMIT 1").get() as ChannelRow | undefined;
      if (!wp) throw new ChannelError('rejected', 'Instagram memerlukan gambar di alamat publik: tambahkan saluran WordPress (situs kantor) agar gambar diunggah ke pustaka medianya.');
      const wpCtx = await buildContext(core, wp, job ? { ...job, progress: '{}' } : null);
      return (await uploadMedia({ ...wpCtx, saveProgress: () => {} }, sha)).url;
    },
  };
  return ctx;
}
