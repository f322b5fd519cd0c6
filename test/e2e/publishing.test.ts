import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByUsername } from '../../src/auth/users';
import type { Actor } from '../../src/core';
import { saveChannel } from '../../src/publishing/channels';
import { createDocument, saveDocument } from '../../src/releases/service';
import { transition } from '../../src/releases/workflow';
import { localInputToIso, isoToLocalInput } from '../../src/shared/zones';
import { startFaultProxy } from '../support/fault-proxy';
import { sampleRelease } from '../support/releases';
import { startSocialFakes, type SocialFakes } from '../support/social-fakes';
import { startWordPress, type WordPress } from '../support/wordpress';
import { signIn, useE2E } from './harness';

const e2e = useE2E({ demo: true });
let wp: WordPress;
let fakes: SocialFakes;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
beforeAll(async () => {
  wp = await startWordPress();
  fakes = await startSocialFakes();
  proxy = await startFaultProxy({ host: '127.0.0.1', port: Number(new URL(fakes.base).port) });
}, 90_000);
afterAll(async () => {
  await proxy?.close();
  await fakes?.close();
  await wp?.stop();
});

const actor = (username: string): Actor => ({ user: findUserByUsername(e2e.core.ws.db, username)!, tokenHash: '' });

function approved(title: string): number {
  const core = e2e.core;
  const doc = createDocument(core, actor('penulis'), 'siaran_pers');
  const s = sampleRelease();
  saveDocument(core, actor('penulis'), { id: doc.id, baseVersion: doc.version, title, fields: s.fields, body: s.body });
  transition(core, actor('penulis'), { id: doc.id, action: 'submit' }, 'id');
  transition(core, actor('editor'), { id: doc.id, action: 'approve' }, 'id');
  return doc.id;
}

function status(docId: number): string[] {
  return (e2e.core.ws.db.prepare('SELECT status FROM publications WHERE document_id = ? ORDER BY id').all(docId) as { status: string }[]).map((r) => r.status);
}

async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('Publikasi in Chromium, to a real WordPress and a Mastodon-like server', () => {
  it('an admin sets up the website channel and tests it; an editor publishes, schedules, rides out an outage', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, 'admin', 'admin-demo-123');
    await admin.getByRole('link', { name: 'Saluran publikasi' }).click();
    await admin.getByTestId('new-channel').click();
    await admin.getByLabel('Jenis').selectOption('wordpress');
    await admin.getByLabel('Nama', { exact: true }).fill('Situs Dinkominfo');
    await admin.getByLabel('Alamat dasar (URL)').fill(wp.url);
    await admin.getByLabel('Nama pengguna WordPress').fill(wp.user);
    await admin.getByLabel('Application password').fill(wp.appPassword);
    await admin.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByRole('button', { name: 'Uji koneksi' }).click();
    await admin.getByText('Terhubung sebagai admin.').waitFor();
    // The Mastodon account goes in through the same service, pointed at the local server via a proxy.
    await saveChannel(e2e.core, actor('admin'), { kind: 'mastodon', name: 'Mastodon Dinkominfo', baseUrl: `${proxy.url}/mastodon`, account: 'dinkominfo', active: true, secret: { accessToken: fakes.tokens.mastodon }, settings: {} });
    await admin.reload();
    await admin.getByText('Mastodon Dinkominfo').waitFor();
    expect(await admin.content()).not.toContain(wp.appPassword);
    await e2e.shot(admin, '80-channels');

    const first = approved('Bakohumas Purbalingga perkuat sinergi humas pemerintah');
    const editor = await e2e.newPage();
    await signIn(editor, 'editor', 'editor-demo-123');
    await editor.goto(`${e2e.url}/#/naskah/${first}`);
    await editor.getByTestId('open-publish').click();
    await editor.getByLabel('Situs Dinkominfo').check();
    await editor.getByLabel('Mastodon Dinkominfo').check();
    await editor.getByRole('button', { name: 'Siapkan versi tiap saluran' }).click();
    const mastodonText = editor.getByLabel('Teks Mastodon Dinkominfo');
    await mastodonText.waitFor();
    expect(await mastodonText.inputValue()).toMatch(/^Bakohumas Purbalingga perkuat sinergi humas pemerintah\n\n.+\n\n\{tautan\}$/s);
    await editor.getByLabel('Tag').fill('Bakohumas, Purbalingga');
    await e2e.shot(editor, '81-publish-variants');
    await editor.getByTestId('publish-go').click();
    const panel = editor.getByTestId('publish-panel');
    await panel.locator('.pill--pub-sent').nth(1).waitFor({ timeout: 30_000 });
    const links = await panel.locator('a[href^="http"]').allInnerTexts();
    expect(links.some((l) => l.startsWith(`${wp.url}/?p=`))).toBe(true);
    expect(links.some((l) => l.startsWith('https://mastodon.example/@dinkominfo/'))).toBe(true);
    expect(fakes.posts.find((p) => p.network === 'mastodon')!.text).toContain(`${wp.url}/?p=`);
    await editor.getByText('Terbit', { exact: true }).first().waitFor();
    await e2e.shot(editor, '82-published-live');

    // A second release, scheduled for the next minute on Mastodon; the connection drops, then returns.
    const second = approved('Jadwal layanan KTP elektronik keliling di Kemangkon');
    await editor.goto(`${e2e.url}/#/naskah/${second}`);
    await editor.getByTestId('open-publish').click();
    await editor.getByLabel('Mastodon Dinkominfo').check();
    await editor.getByRole('button', { name: 'Siapkan versi tiap saluran' }).click();
    await editor.getByLabel('Jadwalkan').check();
    const at = isoToLocalInput(new Date(Date.now() + 60_000).toISOString(), 'WIB');
    await editor.getByLabel('Tanggal dan jam (WIB)').fill(at);
    await editor.getByTestId('publish-go').click();
    await panel.getByText('terjadwal').waitFor();
    await e2e.shot(editor, '83-scheduled');
    await proxy.offline();
    await until(() => status(second)[0] === 'queued' && !!(e2e.core.ws.db.prepare('SELECT last_error FROM publications WHERE document_id = ?').get(second) as { last_error: string | null }).last_error, 100_000);
    await panel.getByText(/Tidak bisa terhubung ke server/).waitFor();
    await e2e.shot(editor, '84-offline-waiting');
    await proxy.online();
    await until(() => status(second)[0] === 'sent', 60_000);
    await panel.locator('.pill--pub-sent').waitFor();
    const sentAt = (e2e.core.ws.db.prepare('SELECT sent_at FROM publications WHERE document_id = ?').get(second) as { sent_at: string }).sent_at;
    expect(Date.parse(sentAt)).toBeGreaterThanOrEqual(Date.parse(localInputToIso(at, 'WIB')));
    await e2e.shot(editor, '85-sent-after-outage');

    await editor.getByRole('link', { name: 'Publikasi', exact: true }).click();
    await editor.getByLabel('Tampilkan').selectOption('sent');
    await editor.getByTestId('outbox').getByText('Mastodon Dinkominfo').first().waitFor();
    await e2e.shot(editor, '86-outbox');
  }, 240_000);
});
