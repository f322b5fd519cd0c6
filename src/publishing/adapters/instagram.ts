import { graph } from './facebook';
import { ChannelError, type Adapter, type SocialVariant } from './types';
import { socialText } from './text';

/**
 * Instagram professional account: a media container from an image at a public URL (the office
 * website's media library), wait until it is ready, then media_publish. The daily publishing
 * limit is checked first.
 */
export const instagram: Adapter = {
  idempotent: false,

  async test(ctx) {
    const me = await graph<{ username: string }>(ctx, 'GET', `/${ctx.channel.account}`, { fields: 'username' }, 'Instagram');
    return { account: `@${me.username}`, tokenExpiresAt: null };
  },

  async send(ctx, job) {
    const v = job.variant as SocialVariant;
    if (!v.images[0]) throw new ChannelError('rejected', 'Instagram: unggahan wajib bergambar.');
    const limit = await graph<{ data: { quota_usage: number; config?: { quota_total: number } }[] }>(ctx, 'GET', `/${ctx.channel.account}/content_publishing_limit`, { fields: 'quota_usage,config' }, 'Instagram');
    const usage = limit.data[0];
    if (usage && usage.quota_usage >= (usage.config?.quota_total ?? 100)) throw new ChannelError('retry', 'Instagram: batas unggahan harian akun sudah tercapai; dicoba lagi nanti.', 60 * 60_000);
    let container = job.progress.container as string | undefined;
    if (!container) {
      const imageUrl = await ctx.publicImageUrl(v.images[0]);
      container = (await graph<{ id: string }>(ctx, 'POST', `/${ctx.channel.account}/media`, { image_url: imageUrl, caption: socialText(ctx, v) }, 'Instagram')).id;
      ctx.saveProgress({ ...job.progress, container });
    }
    for (let i = 0; ; i++) {
      const s = await graph<{ status_code: string }>(ctx, 'GET', `/${container}`, { fields: 'status_code' }, 'Instagram');
      if (s.status_code === 'FINISHED') break;
      if (s.status_code === 'ERROR' || s.status_code === 'EXPIRED') throw new ChannelError('rejected', `Instagram: gambar ditolak (${s.status_code}).`);
      if (i >= 30) throw new ChannelError('retry', 'Instagram: gambar belum siap diproses; dicoba lagi nanti.', 60_000);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const media = await graph<{ id: string }>(ctx, 'POST', `/${ctx.channel.account}/media_publish`, { creation_id: container }, 'Instagram');
    const info = await graph<{ permalink?: string }>(ctx, 'GET', `/${media.id}`, { fields: 'permalink' }, 'Instagram').catch(() => ({ permalink: undefined }));
    return { remoteId: media.id, url: info.permalink ?? null };
  },
};
