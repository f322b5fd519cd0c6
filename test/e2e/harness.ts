import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Core } from '../../src/core';
import { createCore } from '../../src/core';
import { seedDemo } from '../../src/demo/seed';
import { createHttpHost } from '../../src/server/http';
import os from 'node:os';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** BERANDA_CHROMIUM names the browser; otherwise the usual Debian/Ubuntu paths are tried. */
export function chromiumPath(): string {
  const found = [process.env.BERANDA_CHROMIUM, ...CANDIDATES].find((p) => p && fs.existsSync(p));
  if (!found) throw new Error('No Chromium found for e2e tests: install it (apt-get install chromium) or set BERANDA_CHROMIUM.');
  return found;
}

export const RESULTS = path.resolve('test-results');
const RENDERER = path.resolve('out/renderer');

export interface E2E {
  core: Core;
  url: string;
  browser: Browser;
  /** A fresh browser profile (its own cookies), like a second person at another desk. */
  newPage(): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
}

/** A real `serve` host on a temp workspace and a headless Chromium, for one test file. */
export function useE2E(opts: { demo?: boolean } = {}): E2E {
  const env = {} as E2E;
  const contexts: BrowserContext[] = [];
  let close: () => Promise<void>;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('Build the renderer first: npm run build');
    fs.mkdirSync(RESULTS, { recursive: true });
    // Not tempDir(): that one is emptied after each test, and this workspace lives for the whole file.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'beranda-e2e-'));
    env.core = createCore({ dataDir, autoBackup: false });
    if (opts.demo) await seedDemo(env.core);
    const host = createHttpHost(env.core, { host: '127.0.0.1', port: 0, rendererDir: RENDERER });
    env.url = (await host.listen()).url;
    env.browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    env.newPage = async () => {
      const ctx = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
      contexts.push(ctx);
      const page = await ctx.newPage();
      page.setDefaultTimeout(10_000);
      page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
      await page.goto(env.url);
      return page;
    };
    env.shot = async (page, name) => {
      await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
    };
    close = async () => {
      for (const c of contexts) await c.close();
      await env.browser.close();
      await host.close();
      env.core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => close?.());
  return env;
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}
