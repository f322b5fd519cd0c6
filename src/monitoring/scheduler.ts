import type { Core } from '../core';
import { announceRefresh } from './feeds';
import { refreshFeed, type RefreshOutcome } from './ingest';

const TICK_MS = 30_000;

/** Runs tasks with at most `total` at once overall and `perKey` at once per key (a host). */
export function limitedRun<T>(tasks: { key: string; run(): Promise<T> }[], total: number, perKey: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  const waiting = tasks.map((_, i) => i);
  const active = new Map<string, number>();
  let running = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    if (!tasks.length) return resolve(results);
    const pump = () => {
      for (let w = 0; w < waiting.length && running < total; ) {
        const i = waiting[w]!;
        const { key, run } = tasks[i]!;
        if ((active.get(key) ?? 0) >= perKey) {
          w++;
          continue;
        }
        waiting.splice(w, 1);
        running++;
        active.set(key, (active.get(key) ?? 0) + 1);
        run().then((r) => {
          results[i] = r;
          running--;
          active.set(key, active.get(key)! - 1);
          if (++finished === tasks.length) resolve(results);
          else pump();
        }, reject);
      }
    };
    pump();
  });
}

/** Fetches every feed that is due: at most four at once, and at most two per host. */
export async function runDueFeeds(core: Core, opts: { total?: number; perHost?: number } = {}): Promise<Map<number, RefreshOutcome>> {
  const due = core.ws.db.prepare('SELECT id, url FROM feeds WHERE paused = 0 AND next_fetch_at <= ? ORDER BY next_fetch_at LIMIT 200').all(core.now().toISOString()) as { id: number; url: string }[];
  const outcomes = new Map<number, RefreshOutcome>();
  await limitedRun(
    due.map((f) => ({
      key: (() => {
        try {
          return new URL(f.url).host;
        } catch {
          return f.url;
        }
      })(),
      run: async () => {
        const outcome = await refreshFeed(core, f.id);
        announceRefresh(core, f.id, outcome);
        outcomes.set(f.id, outcome);
      },
    })),
    opts.total ?? 4,
    opts.perHost ?? 2,
  );
  return outcomes;
}

/**
 * Polls in the background; a tick that is still running is never overlapped by the next. Offline
 * fetches fail without counting against the feed and are retried a minute later, so polling
 * resumes by itself when the network returns.
 */
export function startPolling(core: Core): () => void {
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    runDueFeeds(core)
      .catch((e: unknown) => console.error('[beranda] polling:', e))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  const first = setTimeout(tick, 3_000);
  first.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(first);
  };
}
