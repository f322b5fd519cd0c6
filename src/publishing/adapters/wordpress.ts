import { decodeHTML } from 'entities';
import type { HttpResponse } from '../http';
import { ChannelError, httpFailure, joinUrl, type Adapter, type AdapterContext, type SendJob, type SendResult, type WebsiteVariant } from './types';

// WordPress REST API with an application password. Routes go through ?rest_route=, which works
// whether or not the site has pretty permalinks.

function route(ctx: AdapterContext, path: string, query: Record<string, string> = {}): string {
  return `${joinUrl(ctx.channel.baseUrl, '/')}?${new URLSearchParams({ rest_route: path, ...query })}`;
}

function auth(ctx: AdapterContext): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${ctx.channel.account}:${ctx.secret.appPassword ?? ''}`).toString('base64')}` };
}

function fail(ctx: AdapterContext, res: HttpResponse): ChannelError {
  const body = res.json<{ code?: string; message?: string }>();
  const message = `WordPress: ${body?.message ? decodeHTML(body.message.replace(/<[^>]+>/g, '')) : `HTTP ${res.status}`}`;
  // A wrong or revoked application password, or a user who may not publish.
  if (body?.code && /incorrect_password|invalid_username|rest_not_logged_in|rest_cannot_create|rest_cannot_publish|application_passwords_disabled/.test(body.code)) return new ChannelError('auth', message);
  return httpFailure(res, message, ctx.now());
}

async function call<T>(ctx: AdapterContext, method: 'GET' | 'POST' | 'DELETE', path: string, opts: { query?: Record<string, string>; json?: unknown; body?: Buffer; headers?: Record<string, string> } = {}): Promise<T> {
  const res = await ctx.http({
    method,
    url: route(ctx, path, opts.query),
    headers: { ...auth(ctx), Accept: 'application/json', ...(opts.json !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(opts.headers ?? {}) },
    ...(opts.json !== undefined ? { body: JSON.stringify(opts.json) } : opts.body ? { body: opts.body } : {}),
  });
  if (res.status < 200 || res.status >= 300) throw fail(ctx, res);
  const value = res.json<T>();
  if (value === undefined) throw new ChannelError('server', `WordPress: jawaban bukan JSON (HTTP ${res.status}).`);
  return value;
}

/** A category or tag by name, created when the site does not have it yet. */
async function termId(ctx: AdapterContext, taxonomy: 'categories' | 'tags', name: string): Promise<number> {
  const found = await call<{ id: number; name: string }[]>(ctx, 'GET', `/wp/v2/${taxonomy}`, { query: { search: name, per_page: '100' } });
  const same = found.find((t) => decodeHTML(t.name).toLowerCase() === name.toLowerCase());
  if (same) return same.id;
  return (await call<{ id: number }>(ctx, 'POST', `/wp/v2/${taxonomy}`, { json: { name } })).id;
}

/**
 * An image in the media library, uploaded once: its slug carries the file's hash, so a retry or a
 * second release with the same photo finds it instead of uploading it again.
 */
export async function uploadMedia(ctx: AdapterContext, sha256: string): Promise<{ id: number; url: string }> {
  const slug = `bh-${sha256.slice(0, 20)}`;
  const existing = await call<{ id: number; source_url: string }[]>(ctx, 'GET', '/wp/v2/media', { query: { slug } });
  if (existing[0]) return { id: existing[0].id, url: existing[0].source_url };
  const media = ctx.media(sha256);
  const ext = media.mime.split('/')[1] ?? 'bin';
  const created = await call<{ id: number; source_url: string }>(ctx, 'POST', '/wp/v2/media', {
    body: media.bytes,
    headers: { 'Content-Type': media.mime, 'Content-Disposition': `attachment; filename="${slug}.${ext}"` },
  });
  await call(ctx, 'POST', `/wp/v2/media/${created.id}`, { json: { slug, alt_text: media.alt, caption: media.caption, title: media.name } });
  return { id: created.id, url: created.source_url };
}

function images(ctx: AdapterContext): string[] {
  const shas: string[] = [];
  ctx.article((sha) => {
    shas.push(sha);
    return '';
  });
  return [...new Set(shas)];
}

/** WordPress wants date_gmt without a zone. */
function gmt(iso: string): string {
  return iso.slice(0, 19);
}

async function content(ctx: AdapterContext, job: SendJob): Promise<{ html: string; featured: number | null }> {
  const uploaded = (job.progress.media ?? {}) as Record<string, { id: number; url: string }>;
  for (const sha of images(ctx)) {
    if (!uploaded[sha]) {
      uploaded[sha] = await uploadMedia(ctx, sha);
      ctx.saveProgress({ ...job.progress, media: uploaded });
    }
  }
  const { html, jsonLd } = ctx.article((sha) => uploaded[sha]?.url ?? '');
  const first = Object.values(uploaded)[0];
  // A clarification's post carries its ClaimReview, for search engines.
  const ld = jsonLd ? `\n<script type="application/ld+json">${jsonLd.replace(/</g, '\\u003c')}</script>` : '';
  return { html: html + ld, featured: first?.id ?? null };
}

function result(post: { id: number; link: string }): SendResult {
  return { remoteId: String(post.id), url: post.link };
}

export const wordpress: Adapter = {
  idempotent: false,

  async test(ctx) {
    const me = await call<{ name: string; capabilities?: Record<string, boolean> }>(ctx, 'GET', '/wp/v2/users/me', { query: { context: 'edit' } });
    if (me.capabilities && !me.capabilities.publish_posts) throw new ChannelError('auth', `WordPress: pengguna "${me.name}" tidak boleh menerbitkan tulisan.`);
    return { account: me.name, tokenExpiresAt: null };
  },

  async send(ctx, job) {
    const v = job.variant as WebsiteVariant;
    if (job.action === 'withdraw') {
      return result(await call(ctx, 'POST', `/wp/v2/posts/${job.remoteId}`, { json: { status: 'draft' } }));
    }
    const { html, featured } = await content(ctx, job);
    if (job.action === 'correct') {
      return result(await call(ctx, 'POST', `/wp/v2/posts/${job.remoteId}`, { json: { title: v.title, content: html, excerpt: v.excerpt } }));
    }
    const categories = [];
    for (const c of v.categories) categories.push(await termId(ctx, 'categories', c));
    const tags = [];
    for (const t of v.tags) tags.push(await termId(ctx, 'tags', t));
    const future = job.scheduledAt && Date.parse(job.scheduledAt) > ctx.now().getTime();
    const post = await call<{ id: number; link: string }>(ctx, 'POST', '/wp/v2/posts', {
      json: {
        title: v.title,
        content: html,
        excerpt: v.excerpt,
        // The slug ends in the publication's unique marker: how a lost answer is found again.
        slug: v.slug,
        status: v.draft ? 'draft' : future ? 'future' : 'publish',
        ...(future ? { date_gmt: gmt(job.scheduledAt!) } : {}),
        categories,
        tags,
        ...(featured ? { featured_media: featured } : {}),
      },
    });
    return result(post);
  },

  async reconcile(ctx, job) {
    if (job.action !== 'publish') return job.remoteId ? { remoteId: job.remoteId, url: null } : null;
    const v = job.variant as WebsiteVariant;
    const found = await call<{ id: number; link: string }[]>(ctx, 'GET', '/wp/v2/posts', { query: { slug: v.slug, status: 'publish,future,draft,pending,private', context: 'edit' } });
    return found[0] ? result(found[0]) : null;
  },
};
