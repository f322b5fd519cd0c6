import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findUserByUsername } from '../src/auth/users';
import { createCore, type Actor, type Core } from '../src/core';
import { seedDemo } from '../src/demo/seed';
import { saveChannel } from '../src/publishing/channels';
import { runDue, startOutbox } from '../src/publishing/outbox';
import { prepare, publish } from '../src/publishing/service';
import { createDocument, saveDocument } from '../src/releases/service';
import { transition } from '../src/releases/workflow';
import { BAKOHUMAS_PARAGRAPHS } from '../src/demo/bakohumas-sample';
import { startSocialFakes } from '../test/support/social-fakes';
import { startWordPress, wordpressAvailable } from '../test/support/wordpress';
import { summarize, type Summary } from './stats';

export interface PublishingFigures {
  social: { jobs: number; seconds: number; perSecond: number };
  wordpress: { jobs: number; seconds: number; perSecond: number } | null;
  scheduling: { jobs: number; lateness: Summary };
}

const actorOf = (core: Core, u: string): Actor => ({ user: findUserByUsername(core.ws.db, u)!, tokenHash: '' });

function approvedReleases(core: Core, count: number): number[] {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const doc = createDocument(core, actorOf(core, 'penulis'), 'siaran_pers');
    const body = { type: 'doc', content: BAKOHUMAS_PARAGRAPHS.slice(0, 3).map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) };
    const fields = { embargoAt: null, eventDate: null, withNumber: false, contact: { name: 'Prayitno', phone: '0281-891016', email: '' }, boilerplate: '' };
    saveDocument(core, actorOf(core, 'penulis'), { id: doc.id, baseVersion: doc.version, title: `Rilis uji kecepatan nomor ${i + 1} dari Dinkominfo`, fields, body });
    transition(core, actorOf(core, 'penulis'), { id: doc.id, action: 'submit' }, 'id');
    transition(core, actorOf(core, 'editor'), { id: doc.id, action: 'approve' }, 'id');
    ids.push(doc.id);
  }
  return ids;
}

async function freshCore(): Promise<{ core: Core; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-pub-'));
  const core = createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false });
  await seedDemo(core);
  return { core, dir };
}

function queue(core: Core, docIds: number[], channelId: number, scheduledAt: (i: number) => string | null = () => null): void {
  docIds.forEach((id, i) => {
    const [p] = prepare(core, actorOf(core, 'editor'), id, [channelId]);
    publish(core, actorOf(core, 'editor'), { documentId: id, items: [{ channelId, variant: p!.variant }], scheduledAt: scheduledAt(i) });
  });
}

async function drain(core: Core): Promise<number> {
  const t0 = performance.now();
  const open = () => (core.ws.db.prepare("SELECT count(*) AS n FROM publications WHERE status IN ('queued', 'scheduled', 'sending')").get() as { n: number }).n;
  while (open()) await runDue(core);
  return (performance.now() - t0) / 1000;
}

/** Outbox throughput against local servers, and how late scheduled posts go out. */
export async function benchPublishing(log: (l: string) => void): Promise<PublishingFigures> {
  const fakes = await startSocialFakes();
  const wp = wordpressAvailable() ? await startWordPress() : null;
  try {
    // Throughput: an X-like server (no client-side request limit to wait for).
    let { core, dir } = await freshCore();
    const xch = await saveChannel(core, actorOf(core, 'admin'), { kind: 'x', name: 'X', baseUrl: fakes.urls.x, account: 'd', active: true, secret: { accessToken: fakes.tokens.x }, settings: {} });
    queue(core, approvedReleases(core, 300), xch.id);
    const mSeconds = await drain(core);
    log(`X: 300 publications in ${mSeconds.toFixed(2)} s`);
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });

    // Throughput: the real WordPress (each post: category lookup, then the post).
    let wordpress: PublishingFigures['wordpress'] = null;
    if (wp) {
      ({ core, dir } = await freshCore());
      const site = await saveChannel(core, actorOf(core, 'admin'), { kind: 'wordpress', name: 'W', baseUrl: wp.url, account: wp.user, active: true, secret: { appPassword: wp.appPassword }, settings: {} });
      queue(core, approvedReleases(core, 40), site.id);
      const wSeconds = await drain(core);
      wordpress = { jobs: 40, seconds: wSeconds, perSecond: 40 / wSeconds };
      log(`WordPress: 40 posts in ${wSeconds.toFixed(2)} s`);
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // Scheduling accuracy: the running outbox, 30 posts due over the next 6 seconds.
    ({ core, dir } = await freshCore());
    const m2 = await saveChannel(core, actorOf(core, 'admin'), { kind: 'mastodon', name: 'M', baseUrl: fakes.urls.mastodon, account: 'd', active: true, secret: { accessToken: fakes.tokens.mastodon }, settings: {} });
    const docs = approvedReleases(core, 30);
    const start = Date.now() + 1500;
    queue(core, docs, m2.id, (i) => new Date(start + i * 150).toISOString());
    const stop = startOutbox(core);
    while ((core.ws.db.prepare("SELECT count(*) AS n FROM publications WHERE status = 'sent'").get() as { n: number }).n < 30) await new Promise((r) => setTimeout(r, 50));
    stop();
    const late = (core.ws.db.prepare('SELECT scheduled_at, sent_at FROM publications').all() as { scheduled_at: string; sent_at: string }[]).map((r) => Date.parse(r.sent_at) - Date.parse(r.scheduled_at));
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
    return { social: { jobs: 300, seconds: mSeconds, perSecond: 300 / mSeconds }, wordpress, scheduling: { jobs: 30, lateness: summarize(late) } };
  } finally {
    await fakes.close();
    await wp?.stop();
  }
}

export function reportPublishing(f: PublishingFigures): string[] {
  return [
    'Publikasi (issue 6)',
    `  outbox throughput, X-like local server: ${f.social.perSecond.toFixed(0)} publications/s (${f.social.jobs} in ${f.social.seconds.toFixed(2)} s)`,
    f.wordpress ? `  outbox throughput, real WordPress (Apache + PHP + MariaDB on 127.0.0.1): ${f.wordpress.perSecond.toFixed(1)} posts/s (${f.wordpress.jobs} in ${f.wordpress.seconds.toFixed(2)} s)` : '  WordPress: not installed here, skipped',
    `  scheduling accuracy (${f.scheduling.jobs} posts due over 4.5 s, running outbox): late by median ${f.scheduling.lateness.median.toFixed(0)} ms, p95 ${f.scheduling.lateness.p95.toFixed(0)} ms, max ${f.scheduling.lateness.max.toFixed(0)} ms`,
  ];
}
