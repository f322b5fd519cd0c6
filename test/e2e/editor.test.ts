import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn, useE2E } from './harness';
import { solidPng } from '../support/png';

const e2e = useE2E({ demo: true });

async function newRelease(page: Page) {
  await page.getByRole('link', { name: 'Naskah', exact: true }).click();
  await page.getByRole('button', { name: 'Naskah baru' }).click();
  await page.getByRole('button', { name: 'Siaran pers' }).click();
  await page.getByTestId('checks').waitFor();
}

describe('the editor (Chromium)', () => {
  it('inserts an uploaded image, demands its alt text, and refuses a javascript: link', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'penulis', 'penulis-demo-123');
    await newRelease(page);
    await page.locator('.prose p').first().click();
    await page.getByTestId('editor-image-input').setInputFiles({ name: 'foto-bakohumas.png', mimeType: 'image/png', buffer: solidPng(320, 180, [20, 48, 79]) });
    await page.locator('.figure img').waitFor();
    await page.getByTestId('checks').getByText('Gambar ke-1 belum punya teks alternatif (alt).').waitFor();
    await page.getByLabel('Teks alternatif gambar').fill('Wabup Tiwi membuka pertemuan Bakohumas');
    await page.getByLabel('Keterangan gambar').fill('Pertemuan Bakohumas di Operation Room Graha Adiguna.');
    await page.getByTestId('checks').getByText('Gambar ke-1 belum punya teks alternatif').waitFor({ state: 'detached' });

    // A text file renamed to .png is not an image.
    await page.getByTestId('editor-image-input').setInputFiles({ name: 'bukan-foto.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
    await page.getByText('Hanya gambar JPEG, PNG, GIF atau WebP yang bisa disisipkan.').waitFor();

    await page.locator('.prose p').first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: 'Tautan' }).click();
    await page.getByLabel('Alamat tautan').fill('javascript:alert(1)');
    await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Hanya tautan http, https atau mailto yang diizinkan.').waitFor();
    await page.getByLabel('Alamat tautan').fill('https://purbalinggakab.go.id');
    await page.getByRole('dialog').getByRole('button', { name: 'Simpan' }).click();
    await page.locator('.prose a[href="https://purbalinggakab.go.id"]').waitFor();
    await e2e.shot(page, '40-editor-image-link');
  });

  it('keeps unsaved text through a reload and offers it back', async () => {
    const page = await e2e.newPage();
    await signIn(page, 'penulis', 'penulis-demo-123');
    await newRelease(page);
    await page.getByLabel('Judul', { exact: true }).fill('Naskah yang belum sempat disimpan');
    await page.locator('.prose p').first().click();
    await page.keyboard.type('Kalimat baru yang diketik sebelum aplikasi tertutup. ');
    await page.getByTestId('save-state').getByText(/Tersimpan otomatis/).waitFor();
    await page.reload();
    await page.getByText(/Ada teks yang belum disimpan dari \d\d\.\d\d WIB\./).waitFor();
    await e2e.shot(page, '41-recovery-offered');
    await page.getByRole('button', { name: 'Pulihkan' }).click();
    expect(await page.getByLabel('Judul', { exact: true }).inputValue()).toBe('Naskah yang belum sempat disimpan');
    await page.locator('.prose').getByText('Kalimat baru yang diketik sebelum aplikasi tertutup.').waitFor();
  });

  it('shows a conflict, with a diff, when two people save the same version', async () => {
    const a = await e2e.newPage();
    await signIn(a, 'penulis', 'penulis-demo-123');
    await newRelease(a);
    const url = a.url();
    const b = await e2e.newPage();
    await signIn(b, 'editor', 'editor-demo-123');
    await b.goto(url);
    await b.getByTestId('checks').waitFor();
    await a.getByLabel('Judul', { exact: true }).fill('Judul dari penulis');
    await a.getByTestId('save').click();
    await a.getByTestId('save-state').getByText('Tersimpan · versi 2').waitFor();
    await b.getByLabel('Judul', { exact: true }).fill('Judul dari editor');
    await b.getByTestId('save').click();
    await b.getByRole('dialog').getByText(/Naskah ini sudah disimpan oleh Yuni Astuti pukul \d\d\.\d\d WIB \(versi 2\)/).waitFor();
    await b.getByRole('dialog').getByTestId('diff').locator('ins', { hasText: 'editor' }).waitFor();
    await e2e.shot(b, '42-conflict');
    await b.getByRole('button', { name: 'Timpa dengan teks saya' }).click();
    await b.getByTestId('save-state').getByText('Tersimpan · versi 3').waitFor();
  });
});
