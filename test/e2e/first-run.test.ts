import { describe, expect, it } from 'vitest';
import { signIn, useE2E } from './harness';


const e2e = useE2E();

describe('first run, sign-in and language (Chromium)', () => {
  it('sets up the workspace, signs the admin in, switches language, signs out and in', async () => {
    const page = await e2e.newPage();
    await page.getByRole('heading', { name: 'Siapkan ruang kerja' }).waitFor();
    await page.getByLabel('Nama kantor').fill('Dinas Komunikasi dan Informatika Kabupaten Purbalingga');
    await page.getByLabel('Kode unit').fill('dinkominfo');
    await page.getByLabel('Kota/kabupaten (dateline)').fill('Purbalingga');
    await page.getByLabel('Nama lengkap').fill('Tri Gunawan');
    await page.getByLabel('Inisial penulis').fill('tg');
    await page.getByLabel('Nama pengguna').fill('trigunawan');
    await page.getByLabel('Kata sandi', { exact: true }).fill('kominfo-pbg-2026');
    await page.getByLabel('Ulangi kata sandi').fill('kominfo-pbg-2026');
    expect(await page.locator('.dateline-preview').innerText()).toContain('PURBALINGGA, DINKOMINFO –');
    await e2e.shot(page, '01-setup-filled');
    await page.getByRole('button', { name: 'Buat ruang kerja' }).click();

    await page.getByTestId('greeting').waitFor();
    expect(await page.getByTestId('greeting').innerText()).toMatch(/^Selamat (pagi|siang|sore|malam), Tri$/);
    expect(await page.getByTestId('signed-in-user').innerText()).toContain('Admin');
    expect(await page.getByRole('navigation').innerText()).toContain('Pengguna');
    await e2e.shot(page, '02-home-admin');

    await page.getByTestId('lang-switch').click();
    await page.getByRole('link', { name: 'Users', exact: true }).waitFor();
    expect(await page.getByTestId('greeting').innerText()).toMatch(/^Good (morning|day|afternoon|evening), Tri$/);
    await e2e.shot(page, '03-home-english');
    // The choice survives a reload.
    await page.reload();
    await page.getByRole('link', { name: 'Users', exact: true }).waitFor();
    await page.getByTestId('lang-switch').click();
    await page.getByRole('link', { name: 'Pengguna', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await signIn(page, 'trigunawan', 'kominfo-pbg-2026');
    await page.getByTestId('greeting').waitFor();
  });

  it('shows a clear message for a wrong password, keeps the username, and locks after five', async () => {
    const page = await e2e.newPage();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await signIn(page, 'trigunawan', 'salah-ketik');
    await page.getByText('Nama pengguna atau kata sandi salah.').waitFor();
    expect(await page.getByLabel('Nama pengguna').inputValue()).toBe('trigunawan');
    expect(await page.getByLabel('Kata sandi').inputValue()).toBe('');
    await e2e.shot(page, '04-login-wrong-password');
    for (let i = 0; i < 4; i++) {
      await page.getByLabel('Kata sandi').fill(`salah-${i}`);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('button', { name: 'Masuk' }).waitFor({ state: 'visible' });
      await page.waitForFunction(() => !document.querySelector('button[type=submit]')?.hasAttribute('disabled'));
    }
    await page.getByText(/Akun dikunci karena terlalu banyak kata sandi salah\. Coba lagi pukul \d\d\.\d\d WIB\./).waitFor();
    // Even the right password is refused while locked.
    await signIn(page, 'trigunawan', 'kominfo-pbg-2026');
    await page.getByText(/Akun dikunci/).waitFor();
    await e2e.shot(page, '05-login-locked');
  });
});
