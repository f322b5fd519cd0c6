import JSZip from 'jszip';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BAKOHUMAS_HEADLINE, BAKOHUMAS_PARAGRAPHS } from '../../src/demo/bakohumas-sample';
import { signIn, useE2E } from './harness';

const e2e = useE2E({ demo: true });

/** What Word puts on the clipboard, junk included, plus two things that must never get in. */
function wordHtml(): string {
  const paras = BAKOHUMAS_PARAGRAPHS.map((p) => `<p class=MsoNormal style='mso-margin-top-alt:auto;text-align:justify'><span style='font-family:"Arial",sans-serif'>${p}<o:p></o:p></span></p>`).join('\n');
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style><!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--></head>
<body lang=ID>${paras}<script>window.__pwned = true</script><img src="http://tracker.example/pixel.gif" onerror="window.__pwned = true"></body></html>`;
}

async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.locator('.prose').click();
  await page.keyboard.press('Control+A');
  await page.evaluate((h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', 'plain');
    document.querySelector('.prose')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
}

async function openFromTasks(page: Page, section: string, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Beranda', exact: true }).click();
  const panel = page.locator('.panel', { has: page.getByRole('heading', { name: new RegExp(`^${section}`) }) });
  await panel.getByRole('link', { name: title }).click();
  await page.getByTestId('workflow').waitFor();
}

describe('writing and approving a release (Chromium)', () => {
  it('writer drafts the sample from the template, editor asks for changes, writer fixes, editor approves, DOCX exported', async () => {
    const writer = await e2e.newPage();
    await signIn(writer, 'penulis', 'penulis-demo-123');
    await writer.getByRole('link', { name: 'Naskah', exact: true }).click();
    await writer.getByRole('button', { name: 'Naskah baru' }).click();
    await writer.getByRole('button', { name: 'Siaran pers' }).click();
    await writer.getByTestId('checks').getByText('Masih ada isian templat yang belum diganti').waitFor();
    await e2e.shot(writer, '30-release-from-template');

    await writer.getByLabel('Judul', { exact: true }).fill(BAKOHUMAS_HEADLINE);
    await pasteHtml(writer, wordHtml());
    await writer.locator('.prose').getByText('Wakil Bupati Purbalingga Dyah Hayuning Pratiwi').waitFor();
    expect(await writer.locator('.prose img').count()).toBe(0);
    expect(await writer.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
    expect(await writer.locator('.prose p').count()).toBe(BAKOHUMAS_PARAGRAPHS.length);
    await writer.getByLabel('Tanggal acara').fill('2023-04-04');
    await writer.getByText('Ditulis di lead sebagai: Selasa (4/4)').waitFor();
    await writer.getByLabel('Tentang kantor (boilerplate)').fill('Tentang Dinkominfo Purbalingga: dinas yang mengurus komunikasi, informatika dan kehumasan Pemerintah Kabupaten Purbalingga.');
    await writer.getByLabel('Nama', { exact: true }).fill('Prayitno');
    await writer.getByLabel('Telepon').fill('(0281) 891016');
    await writer.getByTestId('save-state').getByText(/Tersimpan otomatis \d\d\.\d\d WIB/).waitFor();
    await writer.getByTestId('checks').getByText('560 kata; target siaran pers 300–500 kata.').waitFor();
    expect(await writer.getByTestId('checks').locator('.checks__error').count()).toBe(0);
    await e2e.shot(writer, '31-release-written');

    await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await writer.getByTestId('status').getByText('Ditinjau').waitFor();
    // The author has no approve button, and the API refuses too.
    expect(await writer.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    const docId = Number(/#\/naskah\/(\d+)/.exec(writer.url())![1]);
    const refused = await writer.evaluate(async (id) => {
      const r = await fetch('/api/releases.transition', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id, action: 'approve' }) });
      return (await r.json()) as { ok: boolean; error: { code: string } };
    }, docId);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const editor = await e2e.newPage();
    await signIn(editor, 'editor', 'editor-demo-123');
    await editor.getByTestId('tasks').waitFor();
    await openFromTasks(editor, 'Menunggu tinjauan saya', BAKOHUMAS_HEADLINE);
    await editor.getByRole('button', { name: 'Minta perbaikan' }).click();
    await editor.getByLabel('Catatan').fill('Judul terlalu umum: sebut pertemuan Bakohumas. @penulis');
    await editor.getByRole('dialog').getByRole('button', { name: 'Minta perbaikan' }).click();
    await editor.getByTestId('status').getByText('Perlu perbaikan').waitFor();
    await e2e.shot(editor, '32-changes-requested');

    await writer.getByRole('link', { name: 'Beranda', exact: true }).click();
    await openFromTasks(writer, 'Perlu saya perbaiki', BAKOHUMAS_HEADLINE);
    await writer.getByTestId('timeline').getByText('Judul terlalu umum').waitFor();
    const fixed = 'Bakohumas Purbalingga: Wabup Tiwi Minta Setiap OPD Berperan Menjadi Humas';
    await writer.getByLabel('Judul', { exact: true }).fill(fixed);
    await writer.getByTestId('save').click();
    await writer.getByTestId('save-state').getByText(/Tersimpan · versi \d+/).waitFor();
    await writer.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await writer.getByTestId('status').getByText('Ditinjau').waitFor();

    await openFromTasks(editor, 'Menunggu tinjauan saya', fixed);
    await editor.getByRole('tab', { name: 'Versi' }).click();
    await editor.getByTestId('diff').locator('ins', { hasText: 'Bakohumas' }).first().waitFor();
    await e2e.shot(editor, '33-version-diff');
    await editor.getByRole('button', { name: 'Setujui' }).click();
    await editor.getByTestId('status').getByText('Disetujui').waitFor();
    const number = await editor.locator('.release__meta .mono').innerText();
    expect(number).toMatch(/^\d+\/HM\/DINKOMINFO\/\d\d\/\d{4}$/);
    await e2e.shot(editor, '34-approved');

    await editor.getByText('Ekspor', { exact: true }).click();
    const [download] = await Promise.all([editor.waitForEvent('download'), editor.locator('.release__head').getByTestId('export-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/^siaran-pers-bakohumas-purbalingga.*\.docx$/);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(await download.path()))).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(fixed);
    expect(text).toContain(`Nomor: ${number}`);
    expect(text).toContain('PURBALINGGA, DINKOMINFO – Wakil Bupati Purbalingga');
    expect(text).toContain('kata Tri Gunawan. (y)');
  });
});
