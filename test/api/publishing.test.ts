import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelView, Prepared, PublicationView } from '../../src/api/contract';
import { runDue } from '../../src/publishing/outbox';
import { approvedRelease, newsroom, type Newsroom } from '../support/publishing';
import { error, value } from '../support/results';
import { startSocialFakes, type SocialFakes } from '../support/social-fakes';
import { httpTransport, ipcTransport, type TestClient, type Transport } from '../support/transports';
import { ADMIN_PASSWORD } from '../support/workspace';

let fakes: SocialFakes;
beforeAll(async () => {
  fakes = await startSocialFakes();
});
afterAll(() => fakes.close());

describe.each(['http', 'ipc'] as const)('Publikasi over %s', (kind) => {
  let n: Newsroom;
  let transport: Transport;
  const c: Record<string, TestClient> = {};

  beforeEach(async () => {
    n = await newsroom();
    transport = kind === 'http' ? await httpTransport(n.core) : ipcTransport(n.core);
    for (const [name, password] of [['admin', ADMIN_PASSWORD], ['prayitno', n.editorPassword], ['yuni', n.writerPassword]] as const) {
      c[name] = transport.client();
      value(await c[name]!.call('auth.login', { username: name, password }));
    }
  });
  afterEach(() => transport.close());

  const mastodon = { kind: 'mastodon', name: 'Mastodon kantor', account: 'dinkominfo', secret: { accessToken: 'mast-token' } };

  it('an admin adds a channel; its token is sealed at rest and never leaves the core, not even into the audit log', async () => {
    const ch = value<ChannelView>(await c.admin!.call('channels.save', { ...mastodon, baseUrl: fakes.urls.mastodon }));
    expect(ch).toMatchObject({ kind: 'mastodon', hasSecret: true, baseUrl: fakes.urls.mastodon });
    expect(JSON.stringify(ch)).not.toContain('mast-token');
    expect(JSON.stringify(value(await c.prayitno!.call('channels.list')))).not.toContain('mast-token');
    const row = n.core.ws.db.prepare('SELECT sealed_secret FROM channels WHERE id = ?').get(ch.id) as { sealed_secret: string };
    expect(row.sealed_secret).toMatch(/^v1:/);
    expect(row.sealed_secret).not.toContain('mast-token');
    expect(JSON.stringify(n.core.ws.db.prepare('SELECT * FROM audit_log').all())).not.toContain('mast-token');
    expect(fs.statSync(path.join(n.core.ws.dir, 'secret.key')).mode & 0o777).toBe(0o600);
    const backup = value<{ name: string }>(await c.admin!.call('backups.create'));
    expect(fs.readFileSync(path.join(n.core.ws.backupsDir, backup.name)).includes('mast-token')).toBe(false);
    expect(error(await c.prayitno!.call('channels.save', { ...mastodon, baseUrl: fakes.urls.mastodon })).code).toBe('FORBIDDEN');
    expect(value<{ ok: boolean; account: string }>(await c.admin!.call('channels.test', { id: ch.id }))).toMatchObject({ ok: true, account: '@dinkominfo' });
    // Editing without a new token keeps the sealed one.
    value(await c.admin!.call('channels.save', { ...mastodon, id: ch.id, name: 'Mastodon Dinkominfo', baseUrl: fakes.urls.mastodon, secret: {} }));
    expect(value<{ ok: boolean }>(await c.admin!.call('channels.test', { id: ch.id })).ok).toBe(true);
  });

  it('only editors publish, only approved releases, never twice to one channel; jobs can be cancelled and sent again', async () => {
    const ch = value<ChannelView>(await c.admin!.call('channels.save', { ...mastodon, baseUrl: fakes.urls.mastodon }));
    const docId = approvedRelease(n, { withImage: false });
    expect(error(await c.yuni!.call('publications.prepare', { documentId: docId, channelIds: [ch.id] })).code).toBe('FORBIDDEN');
    const [prepared] = value<Prepared[]>(await c.prayitno!.call('publications.prepare', { documentId: docId, channelIds: [ch.id] }));
    expect(prepared).toMatchObject({ channel: { kind: 'mastodon' }, problems: [], existing: null });
    const tooLong = error(await c.prayitno!.call('publications.publish', { documentId: docId, items: [{ channelId: ch.id, variant: { kind: 'social', text: 'x'.repeat(600), images: [] } }] }));
    expect(tooLong).toMatchObject({ code: 'VALIDATION', message: 'Versi untuk "Mastodon kantor" akan ditolak oleh jaringannya; perbaiki dulu.', details: { problems: [{ code: 'tooLong', count: 600, max: 500 }] } });
    const [job] = value<PublicationView[]>(await c.prayitno!.call('publications.publish', { documentId: docId, items: [{ channelId: ch.id, variant: prepared!.variant }] }));
    expect(job).toMatchObject({ status: 'queued', channel: { name: 'Mastodon kantor' } });
    expect(error(await c.prayitno!.call('publications.publish', { documentId: docId, items: [{ channelId: ch.id, variant: prepared!.variant }] }))).toMatchObject({ code: 'CONFLICT', message: 'Naskah ini sudah terbit (atau sedang dikirim) di "Mastodon kantor". Tidak dikirim dua kali.' });
    value(await c.prayitno!.call('publications.cancel', { id: job!.id }));
    await runDue(n.core);
    expect(value<PublicationView[]>(await c.yuni!.call('publications.ofDocument', { documentId: docId }))[0]!.status).toBe('cancelled');

    // Cancelled: it may go out again, once.
    fakes.failNext('mastodon', 'expired');
    value(await c.prayitno!.call('publications.publish', { documentId: docId, items: [{ channelId: ch.id, variant: prepared!.variant }] }));
    await runDue(n.core);
    const failed = value<PublicationView[]>(await c.prayitno!.call('publications.ofDocument', { documentId: docId }))[1]!;
    expect(failed).toMatchObject({ status: 'failed', lastError: 'Mastodon: The access token was revoked — periksa atau perbarui kredensial saluran ini di Pengaturan → Saluran publikasi.' });
    // Stored as a message key: said in the reader's language.
    expect(value<PublicationView[]>(await c.prayitno!.call('publications.ofDocument', { documentId: docId }, 'en'))[1]!.lastError).toBe("Mastodon: The access token was revoked — check or renew this channel's credentials under Settings → Publishing channels.");
    expect(value<ChannelView[]>(await c.prayitno!.call('channels.list', {}, 'en'))[0]).toMatchObject({ lastError: expect.stringContaining('check or renew'), tokenExpiresAt: expect.any(String) });
    value(await c.prayitno!.call('publications.retry', { id: failed.id }));
    await runDue(n.core);
    const sent = value<PublicationView[]>(await c.prayitno!.call('publications.ofDocument', { documentId: docId }))[1]!;
    expect(sent).toMatchObject({ status: 'sent', remoteUrl: expect.stringMatching(/^https:\/\/mastodon\.example\/@dinkominfo\/\d+$/) });
    expect(value<PublicationView[]>(await c.yuni!.call('publications.outbox', { status: 'sent' })).map((p) => p.id)).toEqual([sent.id]);

    const draft = approvedRelease(n, { withImage: false, title: 'Naskah yang masih ditinjau tidak bisa terbit' });
    n.core.ws.db.prepare("UPDATE documents SET status = 'in_review' WHERE id = ?").run(draft);
    expect(error(await c.prayitno!.call('publications.prepare', { documentId: draft, channelIds: [ch.id] }))).toMatchObject({ code: 'CONFLICT', message: 'Hanya naskah yang sudah disetujui yang bisa diterbitkan (status sekarang: in_review).' });
    expect(error(await c.prayitno!.call('publications.publish', { documentId: docId, items: [{ channelId: ch.id, variant: prepared!.variant }], scheduledAt: '2020-01-01T00:00:00.000Z' })).code).toBe('VALIDATION');
  });
});
