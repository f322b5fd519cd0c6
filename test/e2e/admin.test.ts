import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signIn, useE2E } from './harness';

const e2e = useE2E({ demo: true });

describe('roles, user admin, backups and the audit log (Chromium)', () => {
  it('a writer sees no Settings, is refused the users page, and the API refuses too', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'penulis', 'penulis-demo-123');
    await page.getByTestId('greeting').waitFor();
    const nav = await page.getByRole('navigation').innerText();
    expect(nav).not.toContain('Pengguna');
    expect(nav).not.toContain('Pengaturan');
    await page.goto(`${e2e.url}/#/pengaturan/pengguna`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('forbidden').innerText()).toContain('Tidak punya akses');
    const api = await page.evaluate(async () => {
      const r = await fetch('/api/users.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      return { status: r.status, body: (await r.json()) as { error: { code: string; message: string } } };
    });
    expect(api.status).toBe(403);
    expect(api.body.error).toEqual({ code: 'FORBIDDEN', message: 'Peran Anda (writer) tidak boleh melakukan ini.' });
    await e2e.shot(page, '10-writer-forbidden');
  });

  it('an admin adds a user, who must change the temporary password at first sign-in', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, 'admin', 'admin-demo-123');
    await admin.getByRole('link', { name: 'Pengguna', exact: true }).click();
    await admin.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel('Nama lengkap').fill('Sari Wulandari');
    await dialog.getByLabel('Inisial penulis').fill('sw');
    await dialog.getByLabel('Nama pengguna').fill('sari');
    await dialog.getByLabel('Peran').selectOption('writer');
    await dialog.getByLabel('Kata sandi sementara').fill('pendek');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('Kata sandi minimal 8 karakter.').waitFor();
    await e2e.shot(admin, '11-add-user-error');
    await dialog.getByLabel('Kata sandi sementara').fill('sementara-sari-1');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await admin.getByRole('cell', { name: 'sari', exact: true }).waitFor();
    expect(await admin.getByTestId('users-table').innerText()).toContain('Harus ganti sandi');
    await e2e.shot(admin, '12-users-list');

    const sari = await e2e.newPage();
    await signIn(sari, 'sari', 'sementara-sari-1');
    await sari.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor();
    await e2e.shot(sari, '13-forced-password-change');
    await sari.getByLabel('Kata sandi saat ini').fill('sementara-sari-1');
    await sari.getByLabel('Kata sandi baru').fill('sandi-sari-sendiri');
    await sari.getByLabel('Ulangi kata sandi').fill('sandi-sari-sendiri');
    await sari.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await sari.getByTestId('greeting').waitFor();
    expect(await sari.getByTestId('greeting').innerText()).toContain('Sari');
  });

  it('edits the office details: a bad value is refused beside its field, a good one shows in the shell', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'admin', 'admin-demo-123');
    await page.getByRole('link', { name: 'Kantor', exact: true }).click();
    await page.getByLabel('Kode unit').fill('DINKOMINFO!!');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Isian belum benar: unitCode: huruf, angka, spasi, titik, & atau tanda hubung').waitFor();
    await page.locator('.field__error', { hasText: /^huruf, angka, spasi, titik, & atau tanda hubung$/ }).waitFor();
    expect(await page.getByLabel('Kode unit').inputValue()).toBe('DINKOMINFO!!');
    await e2e.shot(page, '20-office-invalid');
    await page.getByLabel('Kode unit').fill('Diskominfo');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Tersimpan.').waitFor();
    await page.locator('.brand__office', { hasText: 'DISKOMINFO' }).waitFor();
    expect(await page.locator('.dateline-preview').innerText()).toContain('PURBALINGGA, DISKOMINFO –');
  });

  it('backs up, then restores: the later change is gone and everyone signs in again', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'admin', 'admin-demo-123');
    await page.getByRole('link', { name: 'Cadangan', exact: true }).click();
    await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
    await page.getByText(/Cadangan beranda-\d{8}-\d{6}.*-manual\.db dibuat\./).waitFor();
    expect(await page.getByTestId('backups-table').innerText()).toContain('Manual');
    await e2e.shot(page, '14-backup-created');

    // A change made after the backup...
    await page.getByRole('link', { name: 'Pengguna', exact: true }).click();
    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama lengkap').fill('Setelah Cadangan');
    await dialog.getByLabel('Inisial penulis').fill('sc');
    await dialog.getByLabel('Nama pengguna').fill('setelah');
    await dialog.getByLabel('Kata sandi sementara').fill('sementara-123');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('cell', { name: 'setelah', exact: true }).waitFor();

    // ...is undone by restoring it.
    await page.getByRole('link', { name: 'Cadangan', exact: true }).click();
    await page.getByRole('row', { name: /Manual/ }).getByRole('button', { name: 'Pulihkan' }).click();
    await page.getByRole('dialog').getByText('Salinan basis data sekarang disimpan dulu').waitFor();
    await e2e.shot(page, '15-restore-confirm');
    await page.getByRole('button', { name: 'Ya, pulihkan' }).click();
    await page.getByText('Ruang kerja baru saja dipulihkan dari cadangan. Silakan masuk lagi.').waitFor();
    await e2e.shot(page, '16-restored-sign-in-again');
    await signIn(page, 'admin', 'admin-demo-123');
    await page.getByRole('link', { name: 'Pengguna', exact: true }).click();
    await page.getByRole('cell', { name: 'admin', exact: true }).waitFor();
    expect(await page.getByTestId('users-table').innerText()).not.toContain('setelah');
    await page.getByRole('link', { name: 'Cadangan', exact: true }).click();
    expect(await page.getByTestId('backups-table').innerText()).toContain('Sebelum pemulihan');
  });

  it('refuses to take an uploaded file that is not a backup, with a clear message', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'admin', 'admin-demo-123');
    await page.getByRole('link', { name: 'Cadangan', exact: true }).click();
    await page.getByTestId('backup-upload').setInputFiles({ name: 'laporan-bulanan.db', mimeType: 'application/octet-stream', buffer: Buffer.from('bukan basis data'.repeat(64)) });
    await page.getByText(/Berkas cadangan "laporan-bulanan\.db" tidak dapat dipakai: .*rusak atau bukan basis data/).waitFor();
    await e2e.shot(page, '17-upload-refused');
  });

  it('verifies the audit log, and detects a row tampered with outside the app', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'admin', 'admin-demo-123');
    await page.getByRole('link', { name: 'Log audit', exact: true }).click();
    await page.getByRole('cell', { name: 'auth.login' }).first().waitFor();
    await page.getByRole('button', { name: 'Verifikasi log audit' }).click();
    await page.getByTestId('audit-verify-result').getByText(/Log audit utuh: \d+ entri diperiksa/).waitFor();
    await e2e.shot(page, '18-audit-ok');

    // Someone edits the database file directly (e.g. with a SQLite tool) to hide a failed sign-in.
    const raw = new Database(path.join(e2e.core.ws.dir, 'workspace.db'));
    const row = raw.prepare("SELECT id FROM audit_log WHERE action = 'auth.login' ORDER BY id LIMIT 1").get() as { id: number };
    raw.prepare("UPDATE audit_log SET actor_name = 'orang-lain' WHERE id = ?").run(row.id);
    raw.close();

    await page.getByRole('button', { name: 'Verifikasi log audit' }).click();
    await page.getByTestId('audit-verify-result').getByText(`Log audit TIDAK utuh: entri #${row.id} telah diubah di luar aplikasi.`).waitFor();
    await page.getByLabel('Tindakan').selectOption('audit');
    await page.getByRole('cell', { name: 'auth.login' }).first().waitFor({ state: 'detached' });
    const actions = await page.getByTestId('audit-table').locator('tbody td:nth-child(4)').allInnerTexts();
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(actions)).toEqual(new Set(['audit.verified']));
    await e2e.shot(page, '19-audit-tampered');
  });
});
