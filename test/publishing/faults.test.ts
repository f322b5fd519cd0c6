import { fork } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core';
import type { WebsiteVariant } from '../../src/publishing/adapters/types';
import { recoverInterrupted, runDue } from '../../src/publishing/outbox';
import { prepare, publicationsOf, publish, resolveUnknown } from '../../src/publishing/service';
import { startFaultProxy, type Fault } from '../support/fault-proxy';
import { addChannel, approvedRelease, newsroom, type Newsroom } from '../support/publishing';
import { startSocialFakes, type SocialFakes } from '../support/social-fakes';
import { rng } from '../../bench/stats';
import { startWordPress, type WordPress } from '../support/wordpress';
import { tempDir, testClock } from '../support/workspace';

let wp: WordPress;
let fakes: SocialFakes;
beforeAll(async () => {
  wp = await startWordPress();
  fakes = await startSocialFakes();
}, 90_000);
afterAll(async () => {
  await wp?.stop();
  await fakes?.close();
});

const wpTarget = () => ({ host: '127.0.0.1', port: Number(new URL(wp.url).port) });

async function postsWithSlug(slug: string): Promise<number> {
  return (await wp.rest('/wp/v2/posts', { query: { slug, status: 'publish,future,draft', context: 'edit' } })).body.length;
}

async function queueWebsite(n: Newsroom, channelId: number, title: string): Promise<{ docId: number; slug: string }> {
  const docId = approvedRelease(n, { withImage: false, title });
  const [p] = prepare(n.core, n.editor, docId, [channelId]);
  const [job] = publish(n.core, n.editor, { documentId: docId, items: [{ channelId, variant: p!.variant }], scheduledAt: null });
  return { docId, slug: (job!.variant as WebsiteVariant).slug };
}

describe('the outbox when connections fail (real WordPress behind a fault-injecting proxy)', () => {
  it('an answer lost after the request was sent: unknown, then found by its slug — one post', async () => {
    const clock = testClock(new Date().toISOString());
    const n = await newsroom({ now: clock.now });
    const proxy = await startFaultProxy(wpTarget());
    const ch = await addChannel(n, 'wordpress', proxy.url, wp.user, { appPassword: wp.appPassword });
    // Warm up so the category exists: a publish is then GET categories, POST posts.
    await queueWebsite(n, ch.id, 'Pemanasan saluran situs untuk uji gangguan');
    await runDue(n.core);
    for (const fault of ['drop-after', 'drop-response', 'drop-before'] as Fault[]) {
      const { docId, slug } = await queueWebsite(n, ch.id, `Uji gangguan ${fault} pada pengiriman ke situs kantor`);
      proxy.next('pass', fault);
      await runDue(n.core);
      expect(publicationsOf(n.core, n.editor, docId)[0]).toMatchObject({ status: 'unknown', lastError: expect.stringContaining('belum pasti') });
      clock.advance(10_000);
      await runDue(n.core);
      expect(publicationsOf(n.core, n.editor, docId)[0]).toMatchObject({ status: 'sent', attempts: 2 });
      expect(await postsWithSlug(slug), fault).toBe(1);
    }
    await proxy.close();
  });

  it('offline: jobs wait with backoff and go out when the network returns', async () => {
    const clock = testClock(new Date().toISOString());
    const n = await newsroom({ now: clock.now });
    const proxy = await startFaultProxy(wpTarget());
    const ch = await addChannel(n, 'wordpress', proxy.url, wp.user, { appPassword: wp.appPassword });
    await proxy.offline();
    const { docId, slug } = await queueWebsite(n, ch.id, 'Pengumuman saat jaringan kantor terputus');
    await runDue(n.core);
    const waiting = publicationsOf(n.core, n.editor, docId)[0]!;
    expect(waiting).toMatchObject({ status: 'queued', lastError: expect.stringMatching(/^Tidak bisa terhubung ke server \(ECONNREFUSED\)/) });
    expect(Date.parse(waiting.nextAttemptAt!)).toBeGreaterThanOrEqual(clock.now().getTime());
    await proxy.online();
    clock.advance(31 * 60_000);
    await runDue(n.core);
    expect(publicationsOf(n.core, n.editor, docId)[0]!.status).toBe('sent');
    expect(await postsWithSlug(slug)).toBe(1);
    await proxy.close();
  });

  it('over many runs with random faults on random connections, every release is posted exactly once', async () => {
    const clock = testClock(new Date().toISOString());
    const n = await newsroom({ now: clock.now });
    const proxy = await startFaultProxy(wpTarget());
    const ch = await addChannel(n, 'wordpress', proxy.url, wp.user, { appPassword: wp.appPassword });
    const next = rng(2026);
    const faults: Fault[] = ['pass', 'pass', 'drop-before', 'drop-after', 'drop-response'];
    const jobs: { docId: number; slug: string }[] = [];
    for (let i = 0; i < 12; i++) jobs.push(await queueWebsite(n, ch.id, `Rilis nomor ${i} dalam uji gangguan acak berulang`));
    for (let round = 0; round < 40 && publicationsOf(n.core, n.editor, 0).length === 0; round++) {
      for (let k = 0; k < 6; k++) proxy.next(faults[Math.floor(next() * faults.length)]!);
      await runDue(n.core);
      clock.advance(31 * 60_000);
      const open = jobs.filter((j) => publicationsOf(n.core, n.editor, j.docId)[0]!.status !== 'sent');
      if (!open.length) break;
    }
    for (const j of jobs) {
      expect(publicationsOf(n.core, n.editor, j.docId)[0]!.status).toBe('sent');
      expect(await postsWithSlug(j.slug)).toBe(1);
    }
    expect(proxy.seen.filter((f) => f !== 'pass').length).toBeGreaterThan(5);
    await proxy.close();
  }, 60_000);

  it('killing the app mid-send loses nothing and posts nothing twice', async () => {
    const proxy = await startFaultProxy(wpTarget(), { delayMs: 150 });
    const next = rng(7);
    let interrupted = 0;
    for (let run = 0; run < 6; run++) {
      const dir = tempDir();
      let n = await newsroom({ dir });
      const ch = await addChannel(n, 'wordpress', proxy.url, wp.user, { appPassword: wp.appPassword });
      const jobs = [await queueWebsite(n, ch.id, `Rilis ${run}a sebelum aplikasi dimatikan paksa`), await queueWebsite(n, ch.id, `Rilis ${run}b sebelum aplikasi dimatikan paksa`)];
      n.core.close();
      const child = fork(path.resolve('test/publishing/outbox-child.ts'), [dir], { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
      await new Promise((r) => child.once('message', r));
      // Kill while the sends are under way: after the k-th connection, a moment into its request.
      const seen = proxy.seen.length;
      const k = 1 + Math.floor(next() * 4);
      while (proxy.seen.length < seen + k) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, Math.floor(next() * 200)));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const core = createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false });
      n = { ...n, core };
      interrupted += recoverInterrupted(core);
      for (let i = 0; i < 5; i++) await runDue(core);
      for (const j of jobs) {
        expect(publicationsOf(core, n.editor, j.docId)[0]!.status).toBe('sent');
        expect(await postsWithSlug(j.slug), `run ${run}`).toBe(1);
      }
      core.close();
    }
    // The kills did land mid-send: some jobs were found "sending" and had to be reconciled.
    expect(interrupted).toBeGreaterThan(0);
    await proxy.close();
  }, 90_000);
});

describe('social channels when connections fail', () => {
  it('Mastodon retries a lost answer with the same Idempotency-Key: one status', async () => {
    const clock = testClock(new Date().toISOString());
    const n = await newsroom({ now: clock.now });
    const proxy = await startFaultProxy({ host: '127.0.0.1', port: Number(new URL(fakes.base).port) });
    const ch = await addChannel(n, 'mastodon', `${proxy.url}/mastodon`, 'dinkominfo', { accessToken: fakes.tokens.mastodon });
    const docId = approvedRelease(n, { withImage: false, title: 'Uji Mastodon saat jawaban hilang di jalan' });
    const [p] = prepare(n.core, n.editor, docId, [ch.id]);
    publish(n.core, n.editor, { documentId: docId, items: [{ channelId: ch.id, variant: p!.variant }], scheduledAt: null });
    fakes.reset();
    proxy.next('drop-after');
    await runDue(n.core);
    expect(publicationsOf(n.core, n.editor, docId)[0]!.status).toBe('queued');
    clock.advance(31 * 60_000);
    await runDue(n.core);
    expect(publicationsOf(n.core, n.editor, docId)[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(fakes.posts.filter((x) => x.network === 'mastodon')).toHaveLength(1);
    await proxy.close();
  });

  it('Telegram cannot be searched: a lost answer waits for a person, and is never resent by itself', async () => {
    const clock = testClock(new Date().toISOString());
    const n = await newsroom({ now: clock.now });
    const proxy = await startFaultProxy({ host: '127.0.0.1', port: Number(new URL(fakes.base).port) });
    const ch = await addChannel(n, 'telegram', `${proxy.url}/telegram`, '@infopurbalingga', { botToken: fakes.tokens.telegram });
    const docId = approvedRelease(n, { withImage: false, title: 'Uji Telegram saat jawaban hilang di jalan' });
    const [p] = prepare(n.core, n.editor, docId, [ch.id]);
    publish(n.core, n.editor, { documentId: docId, items: [{ channelId: ch.id, variant: p!.variant }], scheduledAt: null });
    fakes.reset();
    proxy.next('drop-after');
    await runDue(n.core);
    const job = publicationsOf(n.core, n.editor, docId)[0]!;
    expect(job).toMatchObject({ status: 'unknown', nextAttemptAt: null, lastError: expect.stringContaining('"Sudah terbit" atau "Kirim ulang"') });
    clock.advance(24 * 3_600_000);
    await runDue(n.core);
    expect(fakes.posts.filter((x) => x.network === 'telegram')).toHaveLength(1);
    resolveUnknown(n.core, n.editor, job.id, true, 'https://t.me/infopurbalingga/1001');
    expect(publicationsOf(n.core, n.editor, docId)[0]).toMatchObject({ status: 'sent', remoteUrl: 'https://t.me/infopurbalingga/1001' });
    await proxy.close();
  });
});
