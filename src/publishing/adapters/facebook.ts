import { multipart } from '../http';
import { ChannelError, joinUrl, type Adapter, type AdapterContext, type SocialVariant } from './types';
import { socialText } from './text';

interface GraphError {
  error?: { message?: string; code?: number; error_subcode?: number; type?: string };
}

/** Graph API errors as the outbox reads them: 190 is an expired or revoked token, 4/17/32/613 rate limits. */
export function graphFailure(ctx: AdapterContext, res: Awaited<ReturnType<AdapterContext['http']>>, network: string): ChannelError {
  const e = res.json<GraphError>()?.error;
  const message = `${network}: ${e?.message ?? `HTTP ${res.status}`}`;
  if (e?.code === 190 || e?.code === 102 || res.status === 401) return new ChannelError('auth', message);
  if (e?.code !== undefined && [4, 17, 32, 613, 80001].includes(e.code)) return new ChannelError('retry', message, 15 * 60_000);
  if (res.status === 429) return new ChannelError('retry', message, null);
  if (res.status >= 500) return new ChannelError('server', message);
  return new ChannelError('rejected', message);
}

export async function graph<T>(ctx: AdapterContext, method: 'GET' | 'POST', path: string, params: Record<string, string>, network: string, file?: Parameters<typeof multipart>[1]): Promise<T> {
  const token = ctx.secret.accessToken ?? '';
  let res;
  if (method === 'GET') {
    res = await ctx.http({ method, url: `${joinUrl(ctx.channel.baseUrl, path)}?${new URLSearchParams({ ...params, access_token: token })}` });
  } else if (file) {
    const form = multipart({ ...params, access_token: token }, file);
    res = await ctx.http({ method, url: joinUrl(ctx.channel.baseUrl, path), headers: { 'Content-Type': form.contentType }, body: form.body });
  } else {
    res = await ctx.http({ method, url: joinUrl(ctx.channel.baseUrl, path), headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...params, access_token: token }).toString() });
  }
  if (res.status !== 200) throw graphFailure(ctx, res, network);
  return res.json<T>()!;
}

/** Facebook Page: /{page-id}/feed for text and link, /{page-id}/photos for a photo with its caption. */
export const facebook: Adapter = {
  idempotent: false,

  async test(ctx) {
    const page = await graph<{ name: string }>(ctx, 'GET', `/${ctx.channel.account}`, { fields: 'name' }, 'Facebook');
    return { account: page.name, tokenExpiresAt: null };
  },

  async send(ctx, job) {
    const v = job.variant as SocialVariant;
    const message = socialText(ctx, v);
    if (v.images[0]) {
      const m = ctx.media(v.images[0]);
      const photo = await graph<{ id: string; post_id?: string }>(ctx, 'POST', `/${ctx.channel.account}/photos`, { caption: message }, 'Facebook', { field: 'source', name: m.name, mime: m.mime, bytes: m.bytes });
      const id = photo.post_id ?? photo.id;
      return { remoteId: id, url: `https://www.facebook.com/${id}` };
    }
    const post = await graph<{ id: string }>(ctx, 'POST', `/${ctx.channel.account}/feed`, { message, ...(ctx.websiteUrl ? { link: ctx.websiteUrl } : {}) }, 'Facebook');
    return { remoteId: post.id, url: `https://www.facebook.com/${post.id}` };
  },
};
