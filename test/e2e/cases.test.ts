import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { solidPng } from '../support/png';
import { signIn, useE2E } from './harness';

const e2e = useE2E({ demo: true });

async function logRumor(page: Page, claim: string, opts: { url?: string; screenshot?: boolean; verdict?: string } = {}): Promise<number> {
  await page.getByRole('link', { name: 'Isu & Aduan', exact: true }).click();
  await page.getByRole('button', { name: 'Catat isu/hoaks' }).click();
  await page.getByLabel('Klaim yang beredar (satu kalimat)').fill(claim);
  await page.getByLabel('WhatsApp').check();
  if (opts.url) await page.getByLabel('Tautan sumber (satu per baris)').fill(opts.url);
  await page.getByLabel('Perkiraan jangkauan (orang)').fill('5000');
  await page.getByLabel('Kategori').selectOption('kependudukan');
  await page.getByLabel('Wilayah').selectOption('Purbalingga');
  if (opts.verdict) await page.getByLabel('Penilaian').selectOption(opts.verdict);
  if (opts.screenshot) {
    await page.getByLabel('Bukti (tangkapan layar, berkas)').setInputFiles({ name: 'tangkapan-layar-wa.png', mimeType: 'image/png', buffer: solidPng(360, 640, [37, 211, 102]) });
  }
  return 0;
}

describe('rumors: logged, deduplicated, clarified, closed by publication (Chromium)', () => {
  it('a monitor logs a rumor with a screenshot; a second wording finds it; an editor clarifies; publication moves the case', async () => {
    const monitor = await e2e.newPage();
    await signIn(monitor, 'pemantau', 'pemantau-demo-123');
    await logRumor(monitor, 'Pembuatan KTP elektronik di Disdukcapil dipungut biaya Rp50.000', { url: 'https://facebook.com/groups/infopbg/posts/123', screenshot: true, verdict: 'HOAKS' });
    await monitor.getByText('Saran dari jangkauan dan kategori: Sedang').waitFor();
    await monitor.getByRole('button', { name: 'Simpan kasus' }).click();
    await monitor.getByTestId('evidence').getByText('tangkapan-layar-wa.png').waitFor();
    const firstId = Number(/#\/kasus\/(\d+)/.exec(monitor.url())![1]);
    expect(await monitor.getByTestId('evidence').innerText()).toMatch(/SHA-256 [0-9a-f]{16}…/);
    await e2e.shot(monitor, '50-rumor-logged');

    // The same story, told in chat spelling: the suggestion appears before anything is saved.
    await logRumor(monitor, 'Warga mengeluh bikin e-KTP dimintai bayaran 50 ribu di dukcapil');
    await monitor.getByTestId('similar').getByText(`#${firstId} Pembuatan KTP elektronik di Disdukcapil dipungut biaya Rp50.000`).waitFor();
    await e2e.shot(monitor, '51-duplicate-suggested');
    // Saved anyway, then merged into the first: its history and links go along.
    await monitor.getByLabel('Tautan sumber (satu per baris)').fill('https://instagram.com/p/ktp50rb');
    await monitor.getByRole('button', { name: 'Simpan kasus' }).click();
    await monitor.getByTestId('case-similar').getByRole('button', { name: `Gabungkan kasus ini ke #${firstId}` }).click();
    await monitor.waitForURL(new RegExp(`#/kasus/${firstId}$`));
    await monitor.getByTestId('case-timeline').getByText('menerima gabungan kasus').waitFor();
    expect(await monitor.getByLabel('Tautan sumber (satu per baris)').inputValue()).toContain('https://instagram.com/p/ktp50rb');

    const editor = await e2e.newPage();
    await signIn(editor, 'editor', 'editor-demo-123');
    await editor.goto(`${e2e.url}/#/kasus/${firstId}`);
    await editor.getByRole('button', { name: 'Susun klarifikasi' }).click();
    await editor.getByTestId('workflow').waitFor();
    expect(await editor.getByLabel('Klaim yang beredar').inputValue()).toBe('Pembuatan KTP elektronik di Disdukcapil dipungut biaya Rp50.000');
    expect(await editor.getByLabel('Penilaian').inputValue()).toBe('HOAKS');
    expect(await editor.getByLabel('Tautan sumber 1').inputValue()).toBe('https://facebook.com/groups/infopbg/posts/123');
    await editor.locator('.prose').click();
    await editor.keyboard.press('Control+A');
    await editor.keyboard.type('Dinas Kependudukan dan Pencatatan Sipil Kabupaten Purbalingga menegaskan bahwa pembuatan KTP elektronik tidak dipungut biaya apa pun. ');
    await editor.keyboard.press('Enter');
    await editor.keyboard.type('Warga yang dimintai uang diminta melapor melalui kanal pengaduan resmi.');
    await editor.getByLabel('Judul', { exact: true }).fill('Klarifikasi: Pembuatan KTP Elektronik Gratis');
    await editor.getByLabel('Judul sumber 1').fill('Unggahan grup Facebook');
    await editor.getByLabel('Nama', { exact: true }).fill('Prayitno');
    await editor.getByLabel('Telepon').fill('(0281) 891016');
    await editor.getByTestId('checks').getByText('Semua pemeriksaan lolos.').waitFor();
    await editor.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await editor.getByTestId('status').getByText('Ditinjau').waitFor();
    const docUrl = editor.url();

    // A second editor (the admin) approves and publishes: nobody approves their own text.
    const admin = await e2e.newPage();
    await signIn(admin, 'admin', 'admin-demo-123');
    await admin.goto(docUrl);
    await admin.getByRole('button', { name: 'Setujui' }).click();
    await admin.getByTestId('status').getByText('Disetujui').waitFor();
    await admin.getByRole('button', { name: 'Tandai sudah terbit' }).click();
    await admin.getByLabel('Alamat terbit (URL)').fill('https://purbalinggakab.go.id/klarifikasi/ktp-elektronik-gratis');
    await admin.getByRole('dialog').getByRole('button', { name: 'Tandai sudah terbit' }).click();
    await admin.getByTestId('status').getByText('Terbit').waitFor();
    await admin.getByTestId('claim-review').getByText('"alternateName": "HOAKS"').waitFor();
    await e2e.shot(admin, '52-clarification-published');

    await monitor.reload();
    await monitor.getByTestId('case-status').getByText('Klarifikasi terbit').waitFor();
    await monitor.getByTestId('case-timeline').getByText('Klarifikasi #', { exact: false }).first().waitFor();
    await e2e.shot(monitor, '53-case-closed-by-publication');

    await monitor.getByRole('link', { name: 'Isu & Aduan', exact: true }).click();
    await monitor.getByTestId('column-klarifikasi_terbit').getByTestId(`case-card-${firstId}`).waitFor();
    await e2e.shot(monitor, '54-board');
    await monitor.getByRole('link', { name: 'Beranda', exact: true }).click();
    await monitor.getByTestId('case-chart').waitFor();
    await e2e.shot(monitor, '55-home-tiles');
  });

  it('moves a case on the board by dragging it, and refuses a move the rules forbid', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'pemantau', 'pemantau-demo-123');
    await logRumor(page, 'Isu jembatan Kaligondang ambrol beredar di TikTok');
    await page.getByRole('button', { name: 'Simpan kasus' }).click();
    await page.getByTestId('case-status').waitFor();
    const id = Number(/#\/kasus\/(\d+)/.exec(page.url())![1]);
    await page.getByRole('link', { name: 'Isu & Aduan', exact: true }).click();
    await page.getByTestId(`case-card-${id}`).dragTo(page.getByTestId('column-verifikasi'));
    await page.getByTestId('column-verifikasi').getByTestId(`case-card-${id}`).waitFor();
    await page.getByTestId(`case-card-${id}`).dragTo(page.getByTestId('column-selesai'));
    await page.getByText('Pilih penilaian (HOAKS, DISINFORMASI, …) sebelum isu dinyatakan selesai.').waitFor();
    await page.getByTestId('column-verifikasi').getByTestId(`case-card-${id}`).waitFor();
  });
});
