import { splitThread } from '../../shared/channel-rules';
import { multipart } from '../http';
import { ChannelError, httpFailure, joinUrl, type Adapter, type AdapterContext, type SocialVariant } from './types';
import { socialText } from './text';

type Res = Awaited<ReturnType<AdapterContext['http']>>;

function bearer(ctx: AdapterContext) {
  return { Authorization: `Bearer ${ctx.secret.accessToken ?? ''}` };
}

function fail(ctx: AdapterContext, res: Res): ChannelError {
  const body = res.json<{ title?: string; detail?: string }>();
  const message = `X: ${body?.detail ?? body?.title ?? `HTTP ${res.status}`}`;
  if (res.status === 429) {
    // X says when the window resets, in epoch seconds.
    const reset = Number(res.headers['x-rate-limit-reset']);
    return new ChannelError('retry', message, Number.isFinite(reset) ? Math.max(0, reset * 1000 - ctx.now().getTime()) : null);
  }
  return httpFailure(res, message, ctx.now());
}

/** X (API v2): one post, or a thread when the text is longer than 280; images on the first. */
export const x: Adapter = {
  idempotent: false,

  async test(ctx) {
    const res = await ctx.http({ method: 'GET', url: joinUrl(ctx.channel.baseUrl, '/2/users/me'), headers: bearer(ctx) });
    if (res.status !== 200) throw fail(ctx, res);
    return { account: `@${res.json<{ data: { username: string } }>()!.data.username}`, tokenExpiresAt: null };
  },

  async send(ctx, job) {
    const v = job.variant as SocialVariant;
    const parts = splitThread(socialText(ctx, v));
    const posted = (job.progress.posted as string[] | undefined) ?? [];
    let mediaIds = (job.progress.mediaIds as string[] | undefined) ?? [];
    if (!posted.length && v.images.length && !mediaIds.length) {
      for (const sha of v.images) {
        const m = ctx.media(sha);
        const form = multipart({ media_category: 'tweet_image' }, { field: 'media', name: m.name, mime: m.mime, bytes: m.bytes });
        const res = await ctx.http({ method: 'POST', url: joinUrl(ctx.channel.baseUrl, '/2/media/upload'), headers: { ...bearer(ctx), 'Content-Type': form.contentType }, body: form.body });
        if (res.status !== 200 && res.status !== 201) throw fail(ctx, res);
        mediaIds = [...mediaIds, res.json<{ data: { id: string } }>()!.data.id];
      }
      ctx.saveProgress({ ...job.progress, mediaIds });
    }
    // A thread resumes after its last posted part, never reposting the ones already out.
    for (let i = posted.length; i < parts.length; i++) {
      const body = {
        text: parts[i],
        ...(i === 0 && mediaIds.length ? { media: { media_ids: mediaIds } } : {}),
        ...(i > 0 ? { reply: { in_reply_to_tweet_id: posted[i - 1] } } : {}),
      };
      const res = await ctx.http({ method: 'POST', url: joinUrl(ctx.channel.baseUrl, '/2/tweets'), headers: { ...bearer(ctx), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status !== 201 && res.status !== 200) throw fail(ctx, res);
      posted.push(res.json<{ data: { id: string } }>()!.data.id);
      ctx.saveProgress({ ...job.progress, mediaIds, posted });
    }
    const handle = String(ctx.channel.settings.handle ?? ctx.channel.account).replace(/^@/, '');
    return { remoteId: posted[0]!, url: `https://x.com/${handle || 'i'}/status/${posted[0]}` };
  },
};
