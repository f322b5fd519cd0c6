import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testChannel } from '../../src/publishing/channels';
import { runDue } from '../../src/publishing/outbox';
import { prepare, publicationsOf, publish } from '../../src/publishing/service';
import type { WebsiteVariant } from '../../src/publishing/adapters/types';
import { createDocument, getDocument, saveDocument } from '../../src/releases/service';
import { transition } from '../../src/releases/workflow';
import { sampleRelease } from '../support/releases';
import { addChannel, approvedRelease, newsroom, type Newsroom } from '../support/publishing';
import { startWordPress, type WordPress } from '../support/wordpress';

let wp: WordPress;
beforeAll(async () => {
  wp = await startWordPress();
}, 90_000);
afterAll(async () => wp?.stop());

async function wpSetup(): Promise<{ n: Newsroom; channelId: number }> {
  const n = await newsroom();
  const ch = await addChannel(n, 'wordpress', wp.url, wp.user, { appPassword: wp.appPassword }, 'Situs kantor');
  return { n, channelId: ch.id };
}

async function publishNow(n: Newsroom, docId: number, channelId: number, edit: (v: WebsiteVariant) => WebsiteVariant = (v) => v, scheduledAt: string | null = null) {
  const [prepared] = prepare(n.core, n.editor, docId, [channelId]);
  return publish(n.core, n.editor, { documentId: docId, items: [{ channelId, variant: edit(prepared!.variant as WebsiteVariant) }], scheduledAt });
}

async function drain(n: Newsroom, rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await runDue(n.core);
}

describe('website publishing to a real WordPress', () => {
  it('tests the connection, then publishes with photo, categories and tags by name; the release becomes published at the post', async () => {
    const { n, channelId } = await wpSetup();
    expect(await testChannel(n.core, n.admin, channelId)).toMatchObject({ ok: true, account: 'admin' });
    const docId = approvedRelease(n);
    const [job] = await publishNow(n, docId, channelId, (v) => ({ ...v, tags: ['Bakohumas', 'Humas Pemerintah'] }));
    expect(job).toMatchObject({ status: 'queued' });
    await runDue(n.core);
    const [done] = publicationsOf(n.core, n.editor, docId);
    expect(done).toMatchObject({ status: 'sent', attempts: 1 });
    const postId = Number(new URL(done!.remoteUrl!).searchParams.get('p'));

    const post = (await wp.rest(`/wp/v2/posts/${postId}`, { query: { context: 'edit' } })).body;
    expect(post.status).toBe('publish');
    expect(post.title.raw).toBe(sampleRelease().title);
    expect(post.slug).toBe((done!.variant as WebsiteVariant).slug);
    expect(post.content.raw).toContain('<strong>PURBALINGGA, DINKOMINFO –</strong>');
    expect(post.content.raw).toMatch(/<img src="http:\/\/127\.0\.0\.1:\d+\/wp-content\/uploads\/[^"]+" alt="Peserta Bakohumas di Pendopo Dipokusumo">/);
    expect(post.excerpt.raw.length).toBeGreaterThan(50);
    const media = (await wp.rest(`/wp/v2/media/${post.featured_media}`)).body;
    expect(media.alt_text).toBe('Peserta Bakohumas di Pendopo Dipokusumo');
    const cats = (await wp.rest('/wp/v2/categories', { query: { include: post.categories.join(',') } })).body.map((c: { name: string }) => c.name);
    expect(cats).toEqual(['Siaran Pers']);
    const tags = (await wp.rest('/wp/v2/tags', { query: { include: post.tags.join(',') } })).body.map((t: { name: string }) => t.name).sort();
    expect(tags).toEqual(['Bakohumas', 'Humas Pemerintah']);

    const doc = getDocument(n.core, n.editor, docId);
    expect(doc).toMatchObject({ status: 'published', publishedUrl: done!.remoteUrl });
    // Never twice on one channel.
    await expect(publishNow(n, docId, channelId)).rejects.toMatchObject({ code: 'CONFLICT', key: 'publishing.alreadyThere' });
    // A second release with the same photo reuses the uploaded media.
    const second = approvedRelease(n, { title: 'Bakohumas kedua membahas hoaks pemilu di Purbalingga' });
    await publishNow(n, second, channelId);
    await runDue(n.core);
    const mediaCount = (await wp.rest('/wp/v2/media', { query: { per_page: '100' } })).body.length;
    expect(mediaCount).toBe(1);
  });

  it('schedules: WordPress holds a future post for the chosen time', async () => {
    const { n, channelId } = await wpSetup();
    const docId = approvedRelease(n, { withImage: false, title: 'Jadwal vaksinasi campak di posyandu Kemangkon' });
    const at = new Date(Date.now() + 2 * 86_400_000);
    at.setUTCSeconds(0, 0);
    await publishNow(n, docId, channelId, (v) => v, at.toISOString());
    await runDue(n.core);
    const [done] = publicationsOf(n.core, n.editor, docId);
    expect(done!.status).toBe('sent');
    const post = (await wp.rest(`/wp/v2/posts/${new URL(done!.remoteUrl!).searchParams.get('p')}`, { query: { context: 'edit' } })).body;
    expect(post.status).toBe('future');
    expect(`${post.date_gmt}.000Z`).toBe(at.toISOString());
  });

  it('a correction updates the same post with a dated note; a withdrawal takes it back to draft', async () => {
    const { n, channelId } = await wpSetup();
    const docId = approvedRelease(n, { withImage: false });
    await publishNow(n, docId, channelId);
    await runDue(n.core);
    const postId = new URL(publicationsOf(n.core, n.editor, docId)[0]!.remoteUrl!).searchParams.get('p');

    // The editor writes the correction; someone else (the admin) approves it.
    const doc = getDocument(n.core, n.editor, docId);
    const sample = sampleRelease();
    saveDocument(n.core, n.editor, { id: docId, baseVersion: doc.version, title: sample.title, fields: sample.fields, body: { type: 'doc', content: [...sample.body.content!, { type: 'paragraph', content: [{ type: 'text', text: 'Rapat berikutnya digelar pada Mei.' }] }] }, note: 'Tanggal rapat berikutnya ditambahkan.' });
    // Saving a published release opened a correction, already in review.
    transition(n.core, n.admin, { id: docId, action: 'approve' }, 'id');
    const [prepared] = prepare(n.core, n.editor, docId, [channelId]);
    expect(prepared!.existing?.status).toBe('sent');
    const jobs = publish(n.core, n.editor, { documentId: docId, items: [{ channelId, variant: prepared!.variant }], scheduledAt: null });
    expect(jobs.at(-1)).toMatchObject({ action: 'correct' });
    await runDue(n.core);
    const corrected = (await wp.rest(`/wp/v2/posts/${postId}`, { query: { context: 'edit' } })).body;
    expect(corrected.content.raw).toMatch(/<strong>Ralat \(\d+ \w+ \d{4}\):<\/strong> Tanggal rapat berikutnya ditambahkan\./);
    expect(corrected.content.raw).toContain('Rapat berikutnya digelar pada Mei.');
    // Still one post: the correction changed it rather than adding another.
    expect((await wp.rest('/wp/v2/posts', { query: { slug: corrected.slug, status: 'publish,draft,future', context: 'edit' } })).body).toHaveLength(1);
    expect(publicationsOf(n.core, n.editor, docId).map((p) => [p.action, p.remoteUrl])).toEqual([['publish', corrected.link], ['correct', corrected.link]]);
    expect(getDocument(n.core, n.editor, docId).status).toBe('published');

    transition(n.core, n.editor, { id: docId, action: 'withdraw', note: 'Ditarik atas permintaan Sekda.' }, 'id');
    await drain(n, 2);
    expect((await wp.rest(`/wp/v2/posts/${postId}`, { query: { context: 'edit' } })).body.status).toBe('draft');
  });

  it("a clarification's post carries its ClaimReview JSON-LD", async () => {
    const { n, channelId } = await wpSetup();
    const doc = createDocument(n.core, n.writer, 'klarifikasi');
    const sample = sampleRelease();
    saveDocument(n.core, n.writer, {
      id: doc.id,
      baseVersion: doc.version,
      title: 'Klarifikasi: pembuatan KTP elektronik tidak dipungut biaya',
      fields: { claim: 'Pembuatan KTP elektronik di Disdukcapil dipungut biaya Rp50.000', verdict: 'HOAKS', sources: [{ title: 'Unggahan Facebook', url: 'https://facebook.com/groups/infopbg/posts/1' }], withNumber: true, contact: sample.fields.contact },
      body: sample.body,
    });
    transition(n.core, n.writer, { id: doc.id, action: 'submit' }, 'id');
    transition(n.core, n.editor, { id: doc.id, action: 'approve' }, 'id');
    await publishNow(n, doc.id, channelId);
    await runDue(n.core);
    const [done] = publicationsOf(n.core, n.editor, doc.id);
    const post = (await wp.rest(`/wp/v2/posts/${new URL(done!.remoteUrl!).searchParams.get('p')}`, { query: { context: 'edit' } })).body;
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(post.content.raw)?.[1];
    expect(JSON.parse(ld!)).toMatchObject({ '@type': 'ClaimReview', claimReviewed: 'Pembuatan KTP elektronik di Disdukcapil dipungut biaya Rp50.000', reviewRating: { alternateName: 'HOAKS' } });
    const cats = (await wp.rest('/wp/v2/categories', { query: { include: post.categories.join(',') } })).body.map((c: { name: string }) => c.name);
    expect(cats).toEqual(['Klarifikasi']);
  });

  it('a wrong application password fails the job with what to do, and shows on the channel', async () => {
    const n = await newsroom();
    const ch = await addChannel(n, 'wordpress', wp.url, wp.user, { appPassword: 'xxxx xxxx xxxx xxxx xxxx xxxx' });
    expect(await testChannel(n.core, n.admin, ch.id)).toMatchObject({ ok: false, message: expect.stringMatching(/^WordPress: .+ — periksa atau perbarui kredensial/) });
    const docId = approvedRelease(n, { withImage: false });
    await publishNow(n, docId, ch.id);
    await runDue(n.core);
    expect(publicationsOf(n.core, n.editor, docId)[0]).toMatchObject({ status: 'failed', lastError: expect.stringContaining('periksa atau perbarui kredensial') });
  });
});
