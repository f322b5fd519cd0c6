import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './src/server/security';

/** The built page carries its CSP (desktop loads it from file://, where there are no headers). */
function cspMeta(): Plugin {
  return {
    name: 'beranda-csp-meta',
    apply: 'build',
    transformIndexHtml: (html: string) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", '')}" />`),
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve('main/index.ts'), core: resolve('main/core-process.ts') } },
    },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve('main/preload.ts') } } },
  },
  renderer: {
    root: resolve('renderer'),
    base: './',
    plugins: [react(), cspMeta()],
    build: { minify: true, rollupOptions: { input: resolve('renderer/index.html') } },
  },
});
