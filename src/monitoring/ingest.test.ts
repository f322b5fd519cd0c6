import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer } from '../../test/support/feed-server';
import { HOPELESS, RSS2 } from '../../test/fixtures/feeds';
import { openTestCore, testClock } from '../../test/support/workspace';
import type { Core } from '../core';
import { refreshFeed } from './ingest';
import { limitedRun, runDueFeeds } from './scheduler';
import { toFtsQuery } from './watchlist-query';

let server: Awaited<ReturnType<typeof startFeedServer>>;
const ATTACK = `<?xml version="1.0"?><rss version="2.0"><channel><title>Serangan</title>
<item><title>Hoaks pungli di Purbalingga</title><guid>x1</guid><description><![CDATA[<p onmouseover="alert(1)">Isi</p><script>alert(2)</script><iframe src="https://evil"></iframe><a href="javascript:alert(3)">klik</a>]]></description></item></channel></rss>`;

beforeAll(async () => {
  server = await startFeedServer({
    '/rss': { body: RSS2, etag: '"e1"', headers: { 'Cache-Control': 'max-age=3600' } },
    '/attack': { body: ATTACK },
    '/broken': { body: HOPELESS },
    '/busy': { status: 429, headers: { 'Retry-After': '900' } },
  });
});
afterAll(() => server.close());

function addFeed(core: Core, path: string, folderId: number | null = null): number {
  return Number(
    core.ws.db.prepare("INSERT INTO feeds (url, folder_id, next_fetch_at, created_at) VALUES (?, ?, '1970-01-01T00:00:00.000Z', ?)").run(`${server.base}${path}`, folderId, new Date().toISOString()).lastInsertRowid,
  );
}

describe('refreshing a feed', () => {
  it('stores items once, however often it is fetched, and sends its validators the next time', async () => {
    const core = openTestCore();
    const id = addFeed(core, '/rss');
    expect(await refreshFeed(core, id)).toMatchObject({ kind: 'updated', newItems: [1, 2] });
    // Oldest first, so the river (newest id first) shows the newest item on top.
    expect(core.ws.db.prepare('SELECT title FROM feed_items ORDER BY id DESC LIMIT 1').get()).toEqual({ title: 'Festival Gunung Slamet' });
    expect(await refreshFeed(core, id)).toEqual({ kind: 'not-modified' });
    expect(server.hits.at(-1)!.headers['if-none-match']).toBe('"e1"');
    core.ws.db.prepare('UPDATE feeds SET etag = NULL WHERE id = ?').run(id);
    expect(await refreshFeed(core, id)).toMatchObject({ kind: 'updated', newItems: [] });
    expect(core.ws.db.prepare('SELECT count(*) AS n FROM feed_items').get()).toEqual({ n: 2 });
    const feed = core.ws.db.prepare('SELECT title, next_fetch_at FROM feeds WHERE id = ?').get(id) as { title: string; next_fetch_at: string };
    expect(feed.title).toBe('Berita Purbalingga');
    // ttl 60 minutes and max-age 3600 s: not before about an hour from now.
    expect(Date.parse(feed.next_fetch_at) - Date.now()).toBeGreaterThan(50 * 60_000);
  });

  it('stores attack HTML defused, and matches watchlists on new items only', async () => {
    const core = openTestCore();
    core.ws.db.prepare("INSERT INTO users (username, display_name, initials, role, password_hash, created_at, updated_at) VALUES ('m', 'M', 'm', 'monitor', 'h', 't', 't')").run();
    core.ws.db.prepare("INSERT INTO watchlists (name, query, fts_query, created_by, created_at) VALUES ('Pungli', ?, ?, 1, 't')").run('purbalingga AND (hoaks OR pungli)', toFtsQuery('purbalingga AND (hoaks OR pungli)'));
    const id = addFeed(core, '/attack');
    await refreshFeed(core, id);
    const item = core.ws.db.prepare('SELECT text FROM feed_items').get() as { text: string };
    expect(item.text).toBe('Isi\nklik');
    expect(core.ws.db.prepare('SELECT count(*) AS n FROM watchlist_hits').get()).toEqual({ n: 1 });
  });

  it('keeps old items on failure, says why in plain words, pauses after three failures; 429 waits as asked', async () => {
    const clock = testClock();
    const core = openTestCore({ now: clock.now });
    const id = addFeed(core, '/broken');
    for (let i = 1; i <= 3; i++) {
      const r = await refreshFeed(core, id);
      expect(r).toMatchObject({ kind: 'failed', paused: i === 3 });
    }
    const row = core.ws.db.prepare('SELECT paused, pause_reason, last_error FROM feeds WHERE id = ?').get(id) as { paused: number; pause_reason: string; last_error: string };
    expect(row.paused).toBe(1);
    expect(JSON.parse(row.last_error)).toMatchObject({ key: 'monitoring.fail.format' });
    expect(JSON.parse(row.pause_reason)).toMatchObject({ key: 'monitoring.fail.format' });
    const busy = addFeed(core, '/busy');
    expect(await refreshFeed(core, busy)).toMatchObject({ kind: 'failed', failure: { key: 'monitoring.fail.rateLimited' } });
    const next = (core.ws.db.prepare('SELECT next_fetch_at FROM feeds WHERE id = ?').get(busy) as { next_fetch_at: string }).next_fetch_at;
    expect(Date.parse(next) - clock.now().getTime()).toBeGreaterThanOrEqual(0.9 * 900_000);
  });
});

describe('scheduling', () => {
  it('never runs more than two requests at once per host', async () => {
    let now = 0;
    let peak = 0;
    const tasks = Array.from({ length: 8 }, (_, i) => ({
      key: i % 2 ? 'a.example' : 'b.example',
      run: async () => {
        now++;
        peak = Math.max(peak, now);
        await new Promise((r) => setTimeout(r, 20));
        now--;
        return i;
      },
    }));
    expect(await limitedRun(tasks, 3, 2)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBeLessThanOrEqual(3);
  });

  it('fetches the feeds that are due and skips paused ones', async () => {
    const core = openTestCore();
    const due = addFeed(core, '/rss');
    const paused = addFeed(core, '/attack');
    core.ws.db.prepare('UPDATE feeds SET paused = 1 WHERE id = ?').run(paused);
    const outcomes = await runDueFeeds(core);
    expect([...outcomes.keys()]).toEqual([due]);
  });
});
