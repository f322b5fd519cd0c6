import { multipart } from '../http';
import { ChannelError, httpFailure, joinUrl, type Adapter, type AdapterContext, type SocialVariant } from './types';
import { socialText } from './text';

function bearer(ctx: AdapterContext) {
  return { Authorization: `Bearer ${ctx.secret.accessToken ?? ''}` };
}

function fail(ctx: AdapterContext, res: Awaited<ReturnType<AdapterContext['http']>>) {
  const message = `Mastodon: ${res.json<{ error?: string }>()?.error ?? `HTTP ${res.status}`}`;
  // 422 "token revoked" style errors come as 401; a suspended account as 403.
  if (res.status === 403) return new ChannelError('auth', message);
  return httpFailure(res, message, ctx.now());
}

async function upload(ctx: AdapterContext, sha: string): Promise<string> {
  const m = ctx.media(sha);
  const form = multipart({ description: m.alt }, { field: 'file', name: m.name, mime: m.mime, bytes: m.bytes });
  const res = await ctx.http({ method: 'POST', url: joinUrl(ctx.channel.baseUrl, '/api/v2/media'), headers: { ...bearer(ctx), 'Content-Type': form.contentType }, body: form.body });
  if (res.status !== 200 && res.status !== 202) throw fail(ctx, res);
  const media = res.json<{ id: string; url: string | null }>()!;
  // 202: still processing; the status can only use it once it has a URL.
  for (let i = 0; media.url === null && i < 30; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const check = await ctx.http({ method: 'GET', url: joinUrl(ctx.channel.baseUrl, `/api/v1/media/${media.id}`), headers: bearer(ctx) });
    if (check.status === 200) media.url = check.json<{ url: string | null }>()?.url ?? null;
  }
  return media.id;
}

/** Mastodon: statuses with an Idempotency-Key, so a retry after a lost answer never posts twice. */
export const mastodon: Adapter = {
  idempotent: true,

  async test(ctx) {
    const res = await ctx.http({ method: 'GET', url: joinUrl(ctx.channel.baseUrl, '/api/v1/accounts/verify_credentials'), headers: bearer(ctx) });
    if (res.status !== 200) throw fail(ctx, res);
    const instance = await ctx.http({ method: 'GET', url: joinUrl(ctx.channel.baseUrl, '/api/v2/instance') });
    const max = instance.json<{ configuration?: { statuses?: { max_characters?: number } } }>()?.configuration?.statuses?.max_characters;
    if (max) ctx.channel.settings.maxCharacters = max;
    return { account: `@${res.json<{ acct: string }>()!.acct}`, tokenExpiresAt: null };
  },

  async send(ctx, job) {
    const v = job.variant as SocialVariant;
    const mediaIds = (job.progress.mediaIds as string[] | undefined) ?? [];
    for (const sha of v.images.slice(mediaIds.length)) {
      mediaIds.push(await upload(ctx, sha));
      ctx.saveProgress({ ...job.progress, mediaIds });
    }
    const res = await ctx.http({
      method: 'POST',
      url: joinUrl(ctx.channel.baseUrl, '/api/v1/statuses'),
      headers: { ...bearer(ctx), 'Content-Type': 'application/json', 'Idempotency-Key': job.marker },
      body: JSON.stringify({ status: socialText(ctx, v), media_ids: mediaIds, visibility: 'public', language: 'id' }),
    });
    if (res.status !== 200) throw fail(ctx, res);
    const status = res.json<{ id: string; url: string }>()!;
    return { remoteId: status.id, url: status.url };
  },
};
