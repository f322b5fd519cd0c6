import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SocialVariant } from '../../src/publishing/adapters/types';
import { listChannels, testChannel } from '../../src/publishing/channels';
import { runDue } from '../../src/publishing/outbox';
import { prepare, publicationsOf, publish } from '../../src/publishing/service';
import { countChars } from '../../src/shared/channel-rules';
import { countRequest, rateKey } from '../../src/publishing/rate-limits';
import { addChannel, approvedRelease, newsroom, type Newsroom } from '../support/publishing';
import { startSocialFakes, type SocialFakes } from '../support/social-fakes';
import { startWordPress, type WordPress } from '../support/wordpress';
import { testClock } from '../support/workspace';

let fakes: SocialFakes;
let wp: WordPress;
beforeAll(async () => {
  fakes = await startSocialFakes();
  wp = await startWordPress();
}, 90_000);
afterAll(async () => {
  await fakes?.close();
  await wp?.stop();
});
beforeEach(() => fakes.reset());

const clock = testClock(new Date().toISOString());

async function setup() {
  const n = await newsroom({ now: clock.now });
  const ids = {
    mastodon: (await addChannel(n, 'mastodon', fakes.urls.mastodon, 'dinkominfo', { accessToken: fakes.tokens.mastodon }, 'Mastodon kantor')).id,
    telegram: (await addChannel(n, 'telegram', fakes.urls.telegram, '@infopurbalingga', { botToken: fakes.tokens.telegram }, 'Kanal Telegram')).id,
    x: (await addChannel(n, 'x', fakes.urls.x, 'dinkominfopbg', { accessToken: fakes.tokens.x }, 'X')).id,
    facebook: (await addChannel(n, 'facebook', fakes.urls.facebook, 'page-1', { accessToken: fakes.tokens.graph }, 'Halaman Facebook')).id,
    instagram: (await addChannel(n, 'instagram', fakes.urls.instagram, 'ig-1', { accessToken: fakes.tokens.graph }, 'Instagram')).id,
  };
  return { n, ids };
}

async function send(n: Newsroom, docId: number, channelIds: number[], edit: (v: SocialVariant, i: number) => SocialVariant = (v) => v) {
  const prepared = prepare(n.core, n.editor, docId, channelIds);
  publish(n.core, n.editor, { documentId: docId, items: prepared.map((p, i) => ({ channelId: p.channel.id, variant: p.variant.kind === 'social' ? edit(p.variant, i) : p.variant })), scheduledAt: null });
  await runDue(n.core);
  await runDue(n.core);
  return publicationsOf(n.core, n.editor, docId);
}

describe('social channels against local servers that answer as the documented APIs', () => {
  it('"Test connection" names the account on each network; a wrong token says so', async () => {
    const { n, ids } = await setup();
    const accounts = [];
    for (const id of Object.values(ids)) accounts.push((await testChannel(n.core, n.admin, id)).account);
    expect(accounts).toEqual(['@dinkominfo', '@humas_bot → Info Purbalingga', '@dinkominfopbg', 'Dinkominfo Purbalingga', '@dinkominfopbg']);
    const bad = await addChannel(n, 'facebook', fakes.urls.facebook, 'page-1', { accessToken: 'expired' }, 'FB lama');
    const r = await testChannel(n.core, n.admin, bad.id);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Facebook: Error validating access token: Session has expired.* — periksa atau perbarui kredensial/) });
    expect(listChannels(n.core, n.editor).find((c) => c.id === bad.id)).toMatchObject({ lastError: r.message, hasSecret: true });
  });

  it('prepares a variant per channel: headline, lead and the website link; refuses Instagram without an image', async () => {
    const { n, ids } = await setup();
    const site = await addChannel(n, 'wordpress', wp.url, wp.user, { appPassword: wp.appPassword }, 'Situs');
    const docId = approvedRelease(n, { withImage: false });
    const prepared = prepare(n.core, n.editor, docId, [site.id, ids.x, ids.mastodon, ids.instagram]);
    const x = prepared.find((p) => p.channel.kind === 'x')!.variant as SocialVariant;
    expect(x.text).toMatch(/^Bakohumas .+\n\nPURBALINGGA|^.+\n\n.+\n\n\{tautan\}$/s);
    expect(x.text.endsWith('{tautan}')).toBe(true);
    expect(countChars('x', 'Lihat https://purbalinggakab.go.id/berita/sangat/panjang/sekali')).toBe(6 + 23);
    expect(prepared.find((p) => p.channel.kind === 'instagram')!.problems).toEqual([{ code: 'needsImage' }]);
    expect(prepared.find((p) => p.channel.kind === 'mastodon')!.problems).toEqual([]);
    expect(() => publish(n.core, n.editor, { documentId: docId, items: [{ channelId: ids.instagram, variant: prepared[3]!.variant }], scheduledAt: null })).toThrow(expect.objectContaining({ key: 'publishing.variantRefused' }));
    expect(() => publish(n.core, n.editor, { documentId: docId, items: [{ channelId: ids.mastodon, variant: { kind: 'social', text: 'x'.repeat(501), images: [] } }], scheduledAt: null })).toThrow(expect.objectContaining({ key: 'publishing.variantRefused' }));
  });

  it('social posts wait for the website post and carry its address; Instagram takes its photo from the WordPress library', async () => {
    const { n, ids } = await setup();
    const site = await addChannel(n, 'wordpress', wp.url, wp.user, { appPassword: wp.appPassword }, 'Situs');
    const docId = approvedRelease(n);
    const jobs = await send(n, docId, [ids.mastodon, ids.telegram, ids.facebook, ids.instagram, site.id]);
    expect(jobs.map((j) => [j.channel.kind, j.status])).toEqual([
      ['wordpress', 'sent'],
      ['mastodon', 'sent'],
      ['telegram', 'sent'],
      ['facebook', 'sent'],
      ['instagram', 'sent'],
    ]);
    const siteUrl = jobs[0]!.remoteUrl!;
    expect(fakes.posts.map((p) => p.network).sort()).toEqual(['facebook', 'instagram', 'mastodon', 'telegram']);
    for (const p of fakes.posts) expect(p.text, p.network).toContain(siteUrl);
    expect(fakes.posts.find((p) => p.network === 'mastodon')!.media).toBe(1);
    expect(fakes.posts.find((p) => p.network === 'telegram')!.media).toBe(1);
    expect(jobs.find((j) => j.channel.kind === 'instagram')!.remoteUrl).toMatch(/^https:\/\/www\.instagram\.com\/p\//);
    expect(jobs.find((j) => j.channel.kind === 'telegram')!.remoteUrl).toMatch(/^https:\/\/t\.me\/infopurbalingga\/\d+$/);
  });

  it('X: a long text goes out as a thread, and a thread cut short by a rate limit resumes without repeating', async () => {
    const { n, ids } = await setup();
    const docId = approvedRelease(n, { withImage: false });
    const long = 'Pemerintah Kabupaten Purbalingga mengajak warga memeriksa kebenaran informasi sebelum membagikannya. '.repeat(8);
    fakes.failNext('x', 'rateLimit');
    const prepared = prepare(n.core, n.editor, docId, [ids.x]);
    publish(n.core, n.editor, { documentId: docId, items: [{ channelId: ids.x, variant: { kind: 'social', text: long, images: [] } }], scheduledAt: null });
    void prepared;
    await runDue(n.core);
    expect(publicationsOf(n.core, n.editor, docId)[0]).toMatchObject({ status: 'queued', lastError: 'X: Too Many Requests' });
    clock.advance(60_000);
    await runDue(n.core);
    const posts = fakes.posts.filter((p) => p.network === 'x');
    expect(posts.length).toBeGreaterThan(2);
    expect(posts.map((p) => p.text.match(/\((\d+)\/\d+\)$/)?.[1])).toEqual(posts.map((_, i) => String(i + 1)));
    for (let i = 1; i < posts.length; i++) expect(posts[i]!.replyTo).toBe(posts[i - 1]!.id);
    expect(publicationsOf(n.core, n.editor, docId)[0]).toMatchObject({ status: 'sent', remoteUrl: `https://x.com/dinkominfopbg/status/${posts[0]!.id}` });
  });

  it('error shapes: an expired token fails with what to do; a rate limit waits as asked; invalid content is refused', async () => {
    const { n, ids } = await setup();
    await addChannel(n, 'wordpress', wp.url, wp.user, { appPassword: wp.appPassword }, 'Situs (pustaka media untuk Instagram)');
    const cases: [keyof typeof ids, 'expired' | 'rateLimit' | 'invalid', string, RegExp][] = [
      ['facebook', 'expired', 'failed', /^Facebook: Error validating access token: Session has expired.* — periksa atau perbarui kredensial/],
      ['instagram', 'expired', 'failed', /^Instagram: Error validating access token/],
      ['mastodon', 'expired', 'failed', /^Mastodon: The access token was revoked — periksa/],
      ['telegram', 'expired', 'failed', /^Telegram: Unauthorized — periksa/],
      ['x', 'expired', 'failed', /^X: Unauthorized — periksa/],
      ['facebook', 'rateLimit', 'queued', /^Facebook: \(#4\) Application request limit reached$/],
      ['mastodon', 'rateLimit', 'queued', /^Mastodon: Too many requests$/],
      ['telegram', 'rateLimit', 'queued', /^Telegram: Too Many Requests: retry after 2$/],
      ['x', 'invalid', 'failed', /^X: You are not allowed to create a Tweet with duplicate content\.$/],
      ['telegram', 'invalid', 'failed', /^Telegram: Bad Request: message is too long$/],
      ['mastodon', 'invalid', 'failed', /^Mastodon: Validation failed/],
    ];
    for (const [network, how, status, message] of cases) {
      const docId = approvedRelease(n, { withImage: network === 'instagram', title: `Uji ${network} ${how} di saluran sosial kantor` });
      fakes.failNext(network, how);
      const [job] = await send(n, docId, [ids[network]]);
      expect(job, `${network} ${how}`).toMatchObject({ status, lastError: expect.stringMatching(message) });
      if (how === 'rateLimit') {
        // Telegram and Mastodon say how long (2 s); the Graph API does not, so the outbox backs off.
        const wait = Date.parse(job!.nextAttemptAt!) - clock.now().getTime();
        expect(wait, `${network} wait`).toBeLessThanOrEqual(network === 'facebook' ? 15 * 60_000 : 2_000);
      }
    }
    expect(listChannels(n.core, n.editor).find((c) => c.kind === 'x')!.lastError).toMatch(/^X: You are not allowed/);
    expect(fakes.posts).toHaveLength(0);
  });

  it("Instagram waits when the account's daily publishing limit is reached, and needs the website's library for its image", async () => {
    const { n, ids } = await setup();
    const docId = approvedRelease(n);
    const [noLibrary] = await send(n, docId, [ids.instagram]);
    expect(noLibrary).toMatchObject({ status: 'failed', lastError: expect.stringContaining('tambahkan saluran WordPress') });
    await addChannel(n, 'wordpress', wp.url, wp.user, { appPassword: wp.appPassword }, 'Situs');
    fakes.state.instagramQuota = 0;
    const other = approvedRelease(n, { title: 'Kedua kalinya ke Instagram setelah batas harian' });
    const [limited] = await send(n, other, [ids.instagram]);
    expect(limited).toMatchObject({ status: 'queued', lastError: expect.stringContaining('batas unggahan harian') });
    expect(Date.parse(limited!.nextAttemptAt!) - clock.now().getTime()).toBe(60 * 60_000);
    fakes.state.instagramQuota = 100;
  });

  it("Mastodon's 300 requests per 5 minutes: at the limit a post waits for the window instead of being refused", async () => {
    const { n, ids } = await setup();
    for (let i = 0; i < 290; i++) countRequest(rateKey(n.core, ids.mastodon), clock.now());
    const docId = approvedRelease(n, { withImage: false });
    const [p] = prepare(n.core, n.editor, docId, [ids.mastodon]);
    publish(n.core, n.editor, { documentId: docId, items: [{ channelId: ids.mastodon, variant: p!.variant }], scheduledAt: null });
    await runDue(n.core);
    const held = publicationsOf(n.core, n.editor, docId)[0]!;
    expect(held).toMatchObject({ status: 'queued', attempts: 0 });
    expect(Date.parse(held.nextAttemptAt!) - clock.now().getTime()).toBeGreaterThan(4 * 60_000);
    expect(fakes.posts).toHaveLength(0);
    clock.advance(5 * 60_000 + 1000);
    await runDue(n.core);
    expect(publicationsOf(n.core, n.editor, docId)[0]!.status).toBe('sent');
  });

  it('a scheduled social post goes out only when its time has come', async () => {
    const { n, ids } = await setup();
    const docId = approvedRelease(n, { withImage: false });
    const [p] = prepare(n.core, n.editor, docId, [ids.mastodon]);
    const at = new Date(clock.now().getTime() + 3 * 3_600_000).toISOString();
    publish(n.core, n.editor, { documentId: docId, items: [{ channelId: ids.mastodon, variant: p!.variant }], scheduledAt: at });
    await runDue(n.core);
    expect(publicationsOf(n.core, n.editor, docId)[0]!.status).toBe('scheduled');
    clock.advance(3 * 3_600_000);
    await runDue(n.core);
    expect(publicationsOf(n.core, n.editor, docId)[0]!.status).toBe('sent');
  });
});
