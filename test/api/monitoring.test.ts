import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvent, FeedView, ItemView, RiverItem, WatchlistView } from '../../src/api/contract';
import type { Core } from '../../src/core';
import { HOPELESS, HTML_PAGE, RSS2 } from '../fixtures/feeds';
import { startFeedServer, type Route } from '../support/feed-server';
import { error, value } from '../support/results';
import { httpTransport, ipcTransport, type TestClient, type Transport } from '../support/transports';
import { ADMIN_PASSWORD, makeUser, setUpCore } from '../support/workspace';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toUTCString();
const rss = (title: string, items: { guid: string; title: string; body?: string; date?: string }[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://${title.toLowerCase().replace(/\W/g, '')}.example/</link>${items
    .map((i) => `<item><title>${i.title}</title><link>https://news.example/${i.guid}</link><guid>${i.guid}</guid><pubDate>${i.date ?? hoursAgo(1)}</pubDate><description><![CDATA[${i.body ?? '<p>Isi berita.</p>'}]]></description></item>`)
    .join('')}</channel></rss>`;

const routes: Record<string, Route> = {};
let server: Awaited<ReturnType<typeof startFeedServer>>;
beforeAll(async () => {
  server = await startFeedServer(routes);
});
afterAll(() => server.close());

function resetRoutes() {
  for (const k of Object.keys(routes)) delete routes[k];
  Object.assign(routes, {
    '/rss': { body: RSS2 },
    '/portal': { body: HTML_PAGE.replace('https://other.example/atom', '/atom.xml'), headers: { 'Content-Type': 'text/html' } },
    '/single': { body: '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>', headers: { 'Content-Type': 'text/html' } },
    '/feed.xml': { body: rss('Satelit Pos', [{ guid: 's1', title: 'Banjir rendam 200 rumah di Kemangkon Purbalingga', body: '<p>Air setinggi lutut.</p>' }]) },
    '/other.xml': { body: rss('Radar Banyumas', [{ guid: 'r1', title: '200 Rumah di Kemangkon Terendam Banjir' }, { guid: 'r2', title: 'Harga cabai turun di pasar Segamas' }]) },
    '/attack.xml': {
      body: rss('Serangan', [{ guid: 'a1', title: 'Hoaks pungli KTP di Purbalingga', body: '<p onmouseover="alert(1)">Pesan berantai</p><script>alert(2)</script><iframe src="https://evil.example"></iframe><a href="javascript:alert(3)">klik</a><img src="https://tracker.example/p.gif">' }]),
    },
    '/broken.xml': { body: HOPELESS },
  });
}

describe.each(['http', 'ipc'] as const)('Pantauan over %s', (kind) => {
  let core: Core;
  let transport: Transport;
  const c: Record<string, TestClient> = {};
  const events: CoreEvent[] = [];

  beforeEach(async () => {
    resetRoutes();
    const w = await setUpCore();
    core = w.core;
    events.length = 0;
    core.events.subscribe((e) => events.push(e));
    transport = kind === 'http' ? await httpTransport(core) : ipcTransport(core);
    c.admin = transport.client();
    value(await c.admin.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD }));
    for (const [name, role] of [['agus', 'monitor'], ['yuni', 'writer']] as const) {
      const u = await makeUser(core, w.admin, role, { username: name });
      c[name] = transport.client();
      value(await c[name]!.call('auth.login', { username: name, password: u.password }));
    }
  });
  afterEach(() => transport.close());

  const add = async (path: string, extra: Record<string, unknown> = {}) => value<{ feed: FeedView | null; candidates: { url: string }[] }>(await c.agus!.call('feeds.add', { url: `${server.base}${path}`, ...extra }));
  const river = async (who: string, input: Record<string, unknown> = {}) => value<{ items: RiverItem[]; nextBefore: number | null }>(await c[who]!.call('items.list', input));

  it('subscribes by feed URL or through a page, offers a choice when a page names several, and refuses duplicates', async () => {
    const direct = await add('/rss');
    expect(direct.feed).toMatchObject({ title: 'Berita Purbalingga', unread: 2, problem: null });
    const viaPage = await add('/single');
    expect(viaPage.feed?.url).toBe(`${server.base}/feed.xml`);
    const choice = await add('/portal');
    expect(choice.feed).toBeNull();
    expect(choice.candidates.map((x) => x.url)).toEqual([`${server.base}/feed.xml`, `${server.base}/atom.xml`]);
    const dup = error(await c.agus!.call('feeds.add', { url: `${server.base}/rss` }));
    expect(dup).toMatchObject({ code: 'CONFLICT', message: 'Feed ini sudah dilanggan: "Berita Purbalingga".' });
    expect(error(await c.agus!.call('feeds.add', { url: `${server.base}/nothing` })).message).toBe('Feed tidak ditemukan lagi di alamat ini (HTTP 404). Periksa alamatnya.');
    expect(error(await c.agus!.call('feeds.add', { url: `${server.base}/nothing` }, 'en')).message).toBe('The feed is no longer at this address (HTTP 404). Check the address.');
    expect(error(await c.yuni!.call('feeds.add', { url: `${server.base}/other.xml` })).code).toBe('FORBIDDEN');
    expect((await river('yuni')).items.map((i) => i.title)).toEqual(['Banjir rendam 200 rumah di Kemangkon Purbalingga', 'Festival Gunung Slamet', 'Jalan rusak di Bobotsari dikeluhkan warga']);
  });

  it('keeps read and starred per person, groups one story from two outlets, searches with highlights, pages by cursor', async () => {
    const satelit = (await add('/feed.xml')).feed!;
    await add('/other.xml');
    const all = (await river('agus')).items;
    // The Radar item about the flood joins the Satelit story; the river shows it once, with its source.
    expect(all.map((i) => i.title)).toEqual(['Harga cabai turun di pasar Segamas', 'Banjir rendam 200 rumah di Kemangkon Purbalingga']);
    expect(all[1]!.sources.map((s) => s.feedTitle)).toEqual(['Radar Banyumas']);
    expect((await river('agus', { scope: { kind: 'feed', id: satelit.id + 1 } })).items).toHaveLength(2);

    value(await c.agus!.call('items.mark', { ids: [all[1]!.id], read: true, starred: true }));
    const unreadAgus = (await river('agus', { unreadOnly: true })).items.map((i) => i.title);
    expect(unreadAgus).toEqual(['Harga cabai turun di pasar Segamas']);
    expect((await river('yuni', { unreadOnly: true })).items).toHaveLength(2);
    expect((await river('agus', { scope: { kind: 'starred' } })).items.map((i) => i.id)).toEqual([all[1]!.id]);
    const feeds = value<{ feeds: FeedView[]; starred: number }>(await c.agus!.call('feeds.list'));
    // Reading a story reads it from every outlet.
    expect(feeds.feeds.map((f) => [f.title, f.unread])).toEqual([['Radar Banyumas', 1], ['Satelit Pos', 0]]);
    expect(feeds.starred).toBe(1);

    const found = (await river('yuni', { q: 'kemangkon banjir' })).items;
    expect(found).toHaveLength(2);
    expect(found[0]!.titleMarked).toContain('\u0002Kemangkon\u0003');
    const ranked = (await river('yuni', { q: 'banjir OR cabai', sort: 'relevance' })).items;
    expect(ranked.map((i) => i.title).sort()).toEqual(['200 Rumah di Kemangkon Terendam Banjir', 'Banjir rendam 200 rumah di Kemangkon Purbalingga', 'Harga cabai turun di pasar Segamas']);
    expect(error(await c.yuni!.call('items.list', { q: '(banjir' })).message).toBe('Kueri belum benar: kurung ( belum ditutup');

    const page1 = await river('yuni', { scope: { kind: 'feed', id: satelit.id + 1 }, limit: 1 });
    const page2 = await river('yuni', { scope: { kind: 'feed', id: satelit.id + 1 }, limit: 1, before: page1.nextBefore });
    // Same date: the feed's own order decides (it lists newest first).
    expect([...page1.items, ...page2.items].map((i) => i.title)).toEqual(['200 Rumah di Kemangkon Terendam Banjir', 'Harga cabai turun di pasar Segamas']);
    expect(value<{ marked: number }>(await c.yuni!.call('items.markAllRead', { scope: { kind: 'all' }, upTo: page1.items[0]!.id })).marked).toBe(3);
    expect((await river('yuni', { unreadOnly: true })).items).toHaveLength(0);
  });

  it('shows an attack item defused: no script, handler, frame or javascript: link, and images wait to be asked for', async () => {
    await add('/attack.xml');
    const [item] = (await river('yuni')).items;
    const view = value<ItemView>(await c.yuni!.call('items.get', { id: item!.id }));
    expect(view.html).not.toMatch(/script|onmouseover|iframe|javascript:|\ssrc=/i);
    expect(view.html).toContain('data-src="https://tracker.example/p.gif"');
    expect(view.images).toBe(1);
    expect(view.text).toContain('Pesan berantai');
  });

  it('matches watchlists on arrival, announces hits, counts spikes, and says what is wrong with a query', async () => {
    const feed = (await add('/feed.xml')).feed!;
    expect(error(await c.agus!.call('watchlists.save', { name: 'Pungli', query: 'NOT pungli' })).message).toMatch(/^Kueri belum benar: NOT\/BUKAN perlu kata lain/);
    expect(value<{ count: number }>(await c.agus!.call('watchlists.preview', { query: 'kemangkon AND banjir' })).count).toBe(1);
    const flood = value<WatchlistView>(await c.agus!.call('watchlists.save', { name: 'Banjir', query: 'banjir OR longsor', notify: true, spikeFactor: 2 }));
    // A new watchlist looks back over recent items at once.
    expect(flood).toMatchObject({ hits24h: 1, spiking: false, unread: 1 });
    expect(error(await c.yuni!.call('watchlists.save', { name: 'Xy', query: 'x' })).code).toBe('FORBIDDEN');

    routes['/feed.xml'] = {
      body: rss('Satelit Pos', [
        { guid: 's1', title: 'Banjir rendam 200 rumah di Kemangkon Purbalingga' },
        { guid: 's2', title: 'Longsor tutup jalan Karangreja' },
        { guid: 's3', title: 'Banjir bandang di Rembang' },
        { guid: 's4', title: 'Warga Kutasari bersihkan sungai usai banjir' },
      ]),
    };
    const refreshed = value<{ newItems: number }>(await c.yuni!.call('feeds.refresh', { id: feed.id }));
    expect(refreshed.newItems).toBe(3);
    expect(events).toContainEqual(expect.objectContaining({ type: 'watchlist.hit', name: 'Banjir', count: 3, notify: true }));
    const [listed] = value<WatchlistView[]>(await c.yuni!.call('watchlists.list'));
    expect(listed).toMatchObject({ hits24h: 4, dailyAverage: 0, spiking: true });
    expect((await river('yuni', { scope: { kind: 'watchlist', id: flood.id } })).items).toHaveLength(4);
    expect((await river('yuni')).items[0]!.watchlists.map((w) => w.name)).toEqual(['Banjir']);
    expect(value(await c.yuni!.call('watchlists.summary'))).toMatchObject({ hits24h: 4, unread: 4, spiking: [{ name: 'Banjir' }] });
  });

  it('turns an item into a rumor case with its text stored as evidence', async () => {
    await add('/attack.xml');
    const [item] = (await river('agus')).items;
    const { caseId } = value<{ caseId: number }>(await c.agus!.call('items.track', { id: item!.id, kind: 'rumor' }));
    const kase = value<{ title: string; sourceUrls: string[]; category: string; region: string; evidence: { name: string; kind: string }[] }>(await c.agus!.call('cases.get', { id: caseId }));
    expect(kase).toMatchObject({ title: 'Hoaks pungli KTP di Purbalingga', sourceUrls: ['https://news.example/a1'], category: 'pungli', region: 'Purbalingga' });
    expect(kase.evidence.map((e) => e.name)).toContain(`pantauan-${item!.id}.txt`);
    expect(value<{ caseId: number }>(await c.agus!.call('items.track', { id: item!.id, kind: 'rumor' })).caseId).toBe(caseId);
    expect((await river('yuni')).items[0]!.caseId).toBe(caseId);
    expect(error(await c.yuni!.call('items.track', { id: item!.id, kind: 'rumor' })).code).toBe('FORBIDDEN');
  });

  it('pauses a feed after three failures with the reason in plain words; resume and refresh-now bring it back', async () => {
    const feed = (await add('/feed.xml')).feed!;
    routes['/feed.xml'] = { body: HOPELESS };
    for (let i = 0; i < 3; i++) await c.agus!.call('feeds.refresh', { id: feed.id });
    const paused = value<{ feeds: FeedView[] }>(await c.agus!.call('feeds.list')).feeds[0]!;
    expect(paused.paused).toBe(true);
    expect(paused.problem).toMatch(/^Dijeda setelah 3 kali gagal berturut-turut: Isi feed tidak bisa dibaca sebagai RSS, Atom atau JSON Feed/);
    expect((await river('agus')).items).toHaveLength(1);
    routes['/feed.xml'] = { body: rss('Satelit Pos', [{ guid: 's9', title: 'Pulih lagi' }]) };
    const back = value<{ feed: FeedView; newItems: number }>(await c.agus!.call('feeds.refresh', { id: feed.id }));
    expect(back).toMatchObject({ newItems: 1, feed: { paused: false, problem: null } });
  });

  it('exports OPML with folders and imports it elsewhere, skipping feeds already followed', async () => {
    const folder = value<{ id: number }>(await c.agus!.call('feeds.createFolder', { name: 'Media lokal' }));
    await add('/feed.xml', { folderId: folder.id });
    await add('/rss');
    const opml = value<{ fileName: string; text: string }>(await c.yuni!.call('feeds.exportOpml'));
    expect(opml.text).toContain('<outline text="Media lokal" title="Media lokal">');
    const again = value<{ added: number; skipped: number }>(await c.agus!.call('feeds.importOpml', { text: opml.text }));
    expect(again).toEqual({ added: 0, skipped: 2, folders: 0 });
    value(await c.agus!.call('feeds.remove', { id: (await add('/other.xml')).feed!.id }));
    const withNew = opml.text.replace('</body>', `<outline text="Tech"><outline type="rss" text="Radar" xmlUrl="${server.base}/other.xml"/></outline></body>`);
    expect(value(await c.agus!.call('feeds.importOpml', { text: withNew }))).toEqual({ added: 1, skipped: 2, folders: 1 });
    expect(error(await c.agus!.call('feeds.importOpml', { text: '<html>bukan opml' })).message).toMatch(/^Berkas OPML tidak bisa dibaca/);
  });
});
