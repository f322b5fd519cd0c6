import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer } from '../../test/support/feed-server';
import { ATOM, bigFeed, BROKEN_BUT_SAFE, HOPELESS, HTML_PAGE, JSON_FEED, RSS1, RSS2, windows1252Feed } from '../../test/fixtures/feeds';
import { decodeFeed } from './decode';
import { fetchFeed, parseRetryAfter } from './fetch-feed';
import { discoverFeeds, FeedFormatError, parseFeed } from './parse-feed';

let server: Awaited<ReturnType<typeof startFeedServer>>;

beforeAll(async () => {
  server = await startFeedServer({
    '/rss': { body: RSS2, headers: { 'Content-Type': 'application/rss+xml' }, etag: '"v1"' },
    '/gzip': { body: RSS2, encoding: 'gzip' },
    '/br': { body: ATOM, encoding: 'br' },
    '/slow': { body: RSS2, delayMs: 3000 },
    '/loop-a': { status: 302, headers: { Location: '/loop-b' } },
    '/loop-b': { status: 302, headers: { Location: '/loop-a' } },
    '/moved': { status: 301, headers: { Location: '/rss' } },
    '/to-file': { status: 302, headers: { Location: 'file:///etc/passwd' } },
    '/busy': { status: 429, headers: { 'Retry-After': '120' } },
    '/gone': { status: 410 },
    '/huge': { body: bigFeed(20 * 1024 * 1024) },
    '/bomb': { body: bigFeed(20 * 1024 * 1024), encoding: 'gzip' },
    '/cp1252-mislabelled': { body: windows1252Feed(), headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } },
  });
});
afterAll(() => server.close());

describe('fetching a feed', () => {
  it('gets a feed, then costs nothing when it has not changed (conditional GET)', async () => {
    const first = await fetchFeed(`${server.base}/rss`);
    expect(first).toMatchObject({ kind: 'ok', status: 200, etag: '"v1"' });
    const second = await fetchFeed(`${server.base}/rss`, { etag: '"v1"' });
    expect(second).toMatchObject({ kind: 'not-modified', etag: '"v1"' });
    expect(server.hits.at(-1)!.headers['if-none-match']).toBe('"v1"');
  });

  it('unpacks gzip and brotli, and follows a redirect', async () => {
    expect((await fetchFeed(`${server.base}/gzip`)).kind).toBe('ok');
    const br = await fetchFeed(`${server.base}/br`);
    expect(br.kind === 'ok' && br.body.toString()).toContain('Vaksinasi anak');
    const moved = await fetchFeed(`${server.base}/moved`);
    expect(moved).toMatchObject({ kind: 'ok', url: `${server.base}/rss` });
  });

  it('stops: a redirect loop, a redirect to file:, a slow server, a 20 MiB feed and a gzip bomb', async () => {
    expect(await fetchFeed(`${server.base}/loop-a`)).toMatchObject({ kind: 'error', code: 'too-many-redirects' });
    expect(await fetchFeed(`${server.base}/to-file`)).toMatchObject({ kind: 'error', code: 'bad-url' });
    expect(await fetchFeed(`${server.base}/slow`, { timeoutMs: 500 })).toMatchObject({ kind: 'error', code: 'timeout' });
    expect(await fetchFeed(`${server.base}/huge`)).toMatchObject({ kind: 'error', code: 'too-large' });
    expect(await fetchFeed(`${server.base}/bomb`)).toMatchObject({ kind: 'error', code: 'too-large' });
  });

  it('reports 429 with its Retry-After and other HTTP errors with their status', async () => {
    expect(await fetchFeed(`${server.base}/busy`)).toMatchObject({ kind: 'error', code: 'rate-limited', status: 429, retryAfterMs: 120_000 });
    expect(await fetchFeed(`${server.base}/gone`)).toMatchObject({ kind: 'error', code: 'http', status: 410 });
    expect(await fetchFeed('http://127.0.0.1:1/none')).toMatchObject({ kind: 'error', code: 'network' });
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT'))).toBe(60_000);
  });
});

describe('reading a feed', () => {
  it('reads RSS 2.0, Atom, RSS 1.0 and JSON Feed into one shape', async () => {
    const rss = await parseFeed(RSS2);
    expect(rss).toMatchObject({ title: 'Berita Purbalingga', ttlMinutes: 60 });
    expect(rss.items[0]).toMatchObject({ title: 'Jalan rusak di Bobotsari dikeluhkan warga', link: 'https://berita.example/1', author: 'Redaksi', publishedAt: '2026-11-29T01:00:00.000Z' });
    expect(rss.items[0]!.html).toContain('<b>Bobotsari</b>');
    const atom = await parseFeed(ATOM);
    expect(atom.items[0]).toMatchObject({ title: 'Vaksinasi anak di Kemangkon', link: 'https://kabar.example/a' });
    expect((await parseFeed(RSS1)).items[0]!.title).toBe('Banjir di Kejobong');
    const json = await parseFeed(JSON_FEED);
    expect(json.items[0]).toMatchObject({ title: 'Harga beras naik', author: 'Ani', publishedAt: '2026-11-27T03:00:00.000Z' });
  });

  it('decodes windows-1252 from the XML declaration even when the server says UTF-8', async () => {
    const r = await fetchFeed(`${server.base}/cp1252-mislabelled`);
    if (r.kind !== 'ok') throw new Error(r.kind);
    const { text, charset } = decodeFeed(r.body, r.contentType);
    expect(charset).toBe('windows-1252');
    expect((await parseFeed(text)).items[0]!.title).toBe('Pemerintah Daerah – Hari Jadi: Ruwatan & Kirab Café');
  });

  it('repairs junk before the first tag and stray ampersands, and says when it could not', async () => {
    const fixed = await parseFeed(decodeFeed(Buffer.from(BROKEN_BUT_SAFE)).text);
    expect(fixed.repaired).toBe(true);
    expect(fixed.items[0]!.title).toBe('Sosialisasi KTP & KK');
    await expect(parseFeed(HOPELESS)).rejects.toBeInstanceOf(FeedFormatError);
    await expect(parseFeed(HTML_PAGE)).rejects.toThrow('html');
  });

  it('keeps item keys stable across fetches and reorderings', async () => {
    const a = await parseFeed(RSS2);
    const b = await parseFeed(RSS2.replace(/(<item>[\s\S]*?<\/item>)(<item>[\s\S]*?<\/item>)/, '$2$1'));
    expect(new Set(a.items.map((i) => i.key))).toEqual(new Set(b.items.map((i) => i.key)));
  });

  it('finds the feeds a web page announces', () => {
    expect(discoverFeeds(HTML_PAGE, 'https://portal.example/berita/')).toEqual([
      { url: 'https://portal.example/feed.xml', title: 'Berita', type: 'application/rss+xml' },
      { url: 'https://other.example/atom', title: '', type: 'application/atom+xml' },
    ]);
  });
});

describe('character sets', () => {
  it('decodes ISO-8859-1 and UTF-16 with a BOM', () => {
    const latin = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>', 'latin1'), Buffer.from([0xe9, 0x93, 0x94]), Buffer.from('</t>')]);
    expect(decodeFeed(latin).text).toBe('<?xml version="1.0" encoding="ISO-8859-1"?><t>é“”</t>');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<rss>Café</rss>', 'utf16le')]);
    expect(decodeFeed(utf16)).toEqual({ text: '<rss>Café</rss>', charset: 'utf-16le' });
  });
});
