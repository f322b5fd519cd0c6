import { createHash } from 'node:crypto';
import Parser from 'rss-parser';
import { repairXml } from './decode';

export interface ParsedItem {
  /** Stable per feed: guid, else link, else title and content. */
  key: string;
  title: string;
  link: string | null;
  /** Untrusted HTML, to be sanitized before it is stored or shown. */
  html: string;
  summary: string;
  author: string;
  publishedAt: string | null;
}

export interface ParsedFeed {
  title: string;
  link: string | null;
  /** The feed's own <ttl>, in minutes. */
  ttlMinutes: number | null;
  items: ParsedItem[];
  /** True when the XML needed repair to be read. */
  repaired: boolean;
}

export class FeedFormatError extends Error {}

const parser = new Parser({ timeout: 0, customFields: { item: [['content:encoded', 'contentEncoded'], ['dc:creator', 'creator']] } });

export function itemKey(guid: string | undefined, link: string | undefined, title: string, content: string): string {
  const basis = guid?.trim() ? `g:${guid.trim()}` : link?.trim() ? `l:${link.trim()}` : `t:${title.trim()}\n${content.trim()}`;
  return createHash('sha256').update(basis).digest('hex');
}

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function fromJsonFeed(text: string): ParsedFeed {
  let data: { version?: string; title?: string; home_page_url?: string; items?: Record<string, unknown>[] };
  try {
    data = JSON.parse(text) as typeof data;
  } catch (e) {
    throw new FeedFormatError(`JSON: ${(e as Error).message}`);
  }
  if (!String(data.version ?? '').startsWith('https://jsonfeed.org/version/')) throw new FeedFormatError('not a JSON Feed');
  return {
    title: String(data.title ?? ''),
    link: typeof data.home_page_url === 'string' ? data.home_page_url : null,
    ttlMinutes: null,
    repaired: false,
    items: (data.items ?? []).map((i) => {
      const title = String(i.title ?? '');
      const html = String(i.content_html ?? (i.content_text ? String(i.content_text).replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;')) : ''));
      const link = typeof i.url === 'string' ? i.url : null;
      const authors = (i.authors ?? (i.author ? [i.author] : [])) as { name?: string }[];
      return {
        key: itemKey(typeof i.id === 'string' || typeof i.id === 'number' ? String(i.id) : undefined, link ?? undefined, title, html),
        title,
        link,
        html,
        summary: String(i.summary ?? ''),
        author: authors.map((a) => a.name ?? '').filter(Boolean).join(', '),
        publishedAt: isoOrNull(i.date_published) ?? isoOrNull(i.date_modified),
      };
    }),
  };
}

async function fromXml(text: string): Promise<ParsedFeed> {
  let repaired = false;
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(text);
  } catch {
    try {
      feed = await parser.parseString(repairXml(text));
      repaired = true;
    } catch (e) {
      throw new FeedFormatError((e as Error).message.split('\n')[0] ?? 'XML');
    }
  }
  const ttl = Number((feed as { ttl?: string }).ttl);
  return {
    title: feed.title ?? '',
    link: feed.link ?? null,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    repaired,
    items: (feed.items ?? []).map((i) => {
      const raw = i as typeof i & { contentEncoded?: string; creator?: string; id?: string };
      const html = raw.contentEncoded ?? i.content ?? i.summary ?? '';
      const title = i.title ?? '';
      return {
        key: itemKey(i.guid ?? raw.id, i.link, title, html),
        title,
        link: i.link ?? null,
        html,
        summary: i.contentSnippet ?? '',
        author: raw.creator ?? (i as { author?: string }).author ?? '',
        publishedAt: isoOrNull(i.isoDate) ?? isoOrNull(i.pubDate),
      };
    }),
  };
}

/** RSS 0.9x/1.0/2.0, Atom or JSON Feed, from text already decoded. */
export async function parseFeed(text: string): Promise<ParsedFeed> {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return fromJsonFeed(trimmed);
  if (/^(<!doctype html|<html)/i.test(trimmed)) throw new FeedFormatError('html');
  return fromXml(text);
}

/** Feeds a web page announces with <link rel="alternate">, as absolute URLs. */
export function discoverFeeds(html: string, pageUrl: string): { url: string; title: string; type: string }[] {
  const out: { url: string; title: string; type: string }[] = [];
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(1).find((x) => x !== undefined) ?? '';
    const type = attr('type').toLowerCase();
    if (!/\balternate\b/i.test(attr('rel')) || !/(rss|atom|feed\+json)/.test(type)) continue;
    try {
      out.push({ url: new URL(attr('href'), pageUrl).href, title: attr('title'), type });
    } catch {
      // A broken href: skip it.
    }
  }
  return out;
}
