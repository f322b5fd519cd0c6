import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type Route } from '../support/feed-server';
import { solidPng } from '../support/png';
import { signIn, useE2E } from './harness';

const e2e = useE2E({ demo: true });
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toUTCString();
const item = (guid: string, title: string, body: string, h = 2) =>
  `<item><title>${title}</title><link>https://satelitpos.example/${guid}</link><guid>${guid}</guid><pubDate>${hoursAgo(h)}</pubDate><description><![CDATA[${body}]]></description></item>`;
const feed = (items: string[]) => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Satelit Pos</title><link>https://satelitpos.example/</link>${items.join('')}</channel></rss>`;

const first = () => [
  item('n1', 'Hoaks pungli pembuatan KTP di Disdukcapil Purbalingga', `<p>Pesan berantai menyebut pembuatan KTP dipungut Rp50.000.</p><script>window.__pwned = 1</script><img src="${server.base}/pixel.png" onerror="window.__pwned = 2" alt="foto kantor">`, 3),
  item('n2', 'Warga Kemangkon keluhkan jalan rusak', '<p>Jalan penghubung desa di Kemangkon berlubang sejak Oktober.</p><a href="javascript:window.__pwned=3">klik</a>', 2),
  item('n3', 'Festival Gunung Slamet digelar akhir pekan', '<p>Festival budaya tahunan kembali digelar.</p>', 1),
];

const routes: Record<string, Route> = {};
let server: Awaited<ReturnType<typeof startFeedServer>>;
beforeAll(async () => {
  server = await startFeedServer(routes);
  routes['/portal'] = { body: '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" title="Satelit Pos" href="/rss.xml"></head><body>Satelit Pos</body></html>', headers: { 'Content-Type': 'text/html' } };
  routes['/rss.xml'] = { body: feed(first()) };
  routes['/pixel.png'] = { body: solidPng(40, 30, [200, 30, 30]), headers: { 'Content-Type': 'image/png' } };
});
afterAll(() => server.close());

describe('Pantauan in Chromium', () => {
  it('a monitor subscribes through a site address, reads an attack item safely, searches, and sets a watchlist that alerts', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'pemantau', 'pemantau-demo-123');
    await page.getByRole('link', { name: 'Pantauan', exact: true }).click();
    await page.getByTestId('add-feed').click();
    await page.getByLabel('Alamat (URL)').fill(`${server.base}/portal`);
    await page.getByRole('button', { name: 'Langganan' }).click();
    await page.getByText('Berlangganan "Satelit Pos" (3 berita).').waitFor();
    await page.getByTestId('river-row').first().waitFor();
    expect(await page.getByTestId('river-row').allInnerTexts()).toHaveLength(3);
    await e2e.shot(page, '70-pantauan-subscribed');

    // The attack item: nothing runs, the image waits, links stay http(s).
    await page.getByTestId('river-row').filter({ hasText: 'Hoaks pungli' }).click();
    await page.getByTestId('reader').getByText('Pesan berantai menyebut').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.getByTestId('reader').locator('script, [onerror], a[href^="javascript"]').count()).toBe(0);
    expect(await page.getByTestId('reader').locator('img[src]').count()).toBe(0);
    await page.getByTestId('show-images').click();
    await page.waitForFunction(() => (document.querySelector('.reader__body img') as HTMLImageElement | null)?.naturalWidth === 40);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await e2e.shot(page, '71-pantauan-reader');

    // Keyboard: k moves up to the newer item (j down), s stars it.
    await page.keyboard.press('k');
    await page.getByTestId('reader').getByRole('heading', { name: 'Warga Kemangkon keluhkan jalan rusak' }).waitFor();
    await page.keyboard.press('s');
    await page.getByTestId('reader').getByRole('button', { name: 'Hapus bintang' }).waitFor();

    await page.getByRole('searchbox', { name: 'Cari' }).fill('kemangkon');
    await page.getByRole('searchbox', { name: 'Cari' }).press('Enter');
    await page.getByTestId('river').locator('mark', { hasText: 'Kemangkon' }).first().waitFor();
    expect(await page.getByTestId('river-row').count()).toBe(1);
    await e2e.shot(page, '72-pantauan-search');
    await page.getByRole('searchbox', { name: 'Cari' }).fill('');
    await page.getByRole('searchbox', { name: 'Cari' }).press('Enter');

    // A watchlist, tested before it is saved, then alerting on new arrivals.
    await page.getByRole('link', { name: 'Kelola' }).click();
    await page.getByTestId('new-watchlist').click();
    await page.getByLabel('Nama').fill('Pungli & banjir');
    await page.getByLabel('Kueri').fill('(pungli OR banjir) NOT festival');
    await page.getByRole('button', { name: 'Uji kueri' }).click();
    await page.getByText('1 berita dalam 14 hari terakhir cocok.').waitFor();
    await page.getByLabel('Beri notifikasi desktop').check();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('link', { name: 'Pungli & banjir' }).waitFor();
    await e2e.shot(page, '73-watchlists');

    routes['/rss.xml'] = { body: feed([...first(), item('n4', 'Banjir rendam 40 rumah di Kejobong', '<p>Air setinggi lutut.</p>', 0), item('n5', 'Banjir susulan di Kejobong', '<p>Warga mengungsi.</p>', 0)]) };
    await page.getByRole('link', { name: 'Pantauan', exact: true }).click();
    await page.getByRole('button', { name: /^Pengaturan feed: Satelit Pos/ }).click();
    await page.getByTestId('feed-refresh').click();
    await page.getByText('Selesai: 2 berita baru.').waitFor();
    await page.getByText('Daftar pantau "Pungli & banjir": 2 berita baru').first().waitFor();
    await e2e.shot(page, '74-watchlist-alert');
    await page.getByRole('button', { name: 'Tutup' }).click();
    await page.getByTestId('arrivals').click();
    await page.getByTestId('river-row').filter({ hasText: 'Banjir susulan di Kejobong' }).locator('.chip--watch', { hasText: 'Pungli & banjir' }).waitFor();

    await page.getByRole('link', { name: 'Beranda', exact: true }).click();
    const tiles = page.getByTestId('monitoring-tiles');
    await tiles.getByText('Temuan daftar pantau (24 jam)').waitFor();
    expect(await tiles.innerText()).toMatch(/Temuan daftar pantau \(24 jam\)\s*3/i);
    await e2e.shot(page, '75-home-watch-tiles');
  });

  it('turns an item into a rumor case, and a writer quotes an item in a new release', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'pemantau', 'pemantau-demo-123');
    await page.goto(`${e2e.url}/#/pantauan`);
    await page.getByTestId('river-row').filter({ hasText: 'Hoaks pungli' }).click();
    await page.getByTestId('track-rumor').click();
    await page.waitForURL(/#\/kasus\/\d+$/);
    await page.getByText('pantauan-', { exact: false }).first().waitFor();
    expect(await page.getByLabel('Klaim yang beredar (satu kalimat)').inputValue()).toBe('Hoaks pungli pembuatan KTP di Disdukcapil Purbalingga');
    await e2e.shot(page, '76-item-tracked-as-rumor');

    const writer = await e2e.newPage();
    await signIn(writer, 'penulis', 'penulis-demo-123');
    await writer.goto(`${e2e.url}/#/pantauan`);
    await writer.getByTestId('river-row').filter({ hasText: 'Warga Kemangkon' }).click();
    await writer.getByRole('button', { name: 'Pakai di naskah' }).click();
    await writer.getByRole('button', { name: 'Naskah baru (siaran pers)' }).click();
    await writer.waitForURL(/#\/naskah\/\d+$/);
    await writer.locator('.ProseMirror blockquote', { hasText: 'Jalan penghubung desa di Kemangkon' }).waitFor();
    await writer.locator('.ProseMirror a[href="https://satelitpos.example/n2"]', { hasText: 'Satelit Pos' }).waitFor();
    await e2e.shot(writer, '77-quote-in-release');
  });

  it('keeps the river light with 100,000 items: only the rows on screen are in the page', async () => {
    const db = e2e.core.ws.db;
    const at = new Date().toISOString();
    const feedId = Number(db.prepare("INSERT INTO feeds (url, title, next_fetch_at, created_at, paused) VALUES ('https://arsip.example/rss', 'Arsip besar', ?, ?, 1)").run('9999-01-01T00:00:00.000Z', at).lastInsertRowid);
    const insert = db.prepare("INSERT INTO feed_items (feed_id, key, title, link, raw_html, text, fetched_at, sort_at) VALUES (?, ?, ?, NULL, '', ?, ?, ?)");
    db.transaction(() => {
      for (let i = 0; i < 100_000; i++) insert.run(feedId, `k${i}`, `Arsip berita nomor ${i}`, `Isi arsip ${i} tentang pelayanan publik`, at, at);
    })();
    const page = await e2e.newPage();
    await signIn(page, 'pemantau', 'pemantau-demo-123');
    await page.goto(`${e2e.url}/#/pantauan`);
    await page.getByTestId(`feed-${feedId}`).click();
    await page.getByTestId('river-row').first().waitFor();
    const river = page.getByTestId('river');
    for (let i = 0; i < 12; i++) {
      await river.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.waitForTimeout(120);
    }
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="river"]')?.getAttribute('data-loaded')) >= 1000);
    const loaded = Number(await river.getAttribute('data-loaded'));
    const inDom = await page.getByTestId('river-row').count();
    expect(loaded).toBeGreaterThanOrEqual(1000);
    expect(inDom).toBeLessThan(40);
    await e2e.shot(page, '78-river-100k');
  });
});
