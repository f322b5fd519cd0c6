import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendAudit, verifyAudit } from '../src/audit/log';
import { createCore } from '../src/core';
import { createHttpHost } from '../src/server/http';
import { setupWorkspace } from '../src/workspace/service';
import { ms, summarize, time, type Summary } from './stats';

const AUDIT_ROWS = 100_000;
const OPENS = 15;
const CALLS = 2_000;

export interface FoundationFigures {
  auditRows: number;
  seedSeconds: number;
  workspaceOpenMs: Summary;
  authedCallMs: Summary;
  auditFirstPageMs: Summary;
  auditVerifyMs: number;
}

/** Issue 2's figures: a workspace with 100k audit rows; open time and authenticated HTTP latency. */
export async function benchFoundation(log: (line: string) => void): Promise<FoundationFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'beranda-bench-'));
  try {
    let core = createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false });
    await setupWorkspace(
      core,
      {
        office: { officeName: 'Dinas Komunikasi dan Informatika Kabupaten Purbalingga', unitCode: 'DINKOMINFO', city: 'PURBALINGGA', timeZone: 'WIB' },
        admin: { username: 'admin', displayName: 'Admin', initials: 'a', email: null, password: 'bench-password-1' },
      },
      'bench',
    );
    const [seedMs] = await time(() =>
      core.ws.db.transaction(() => {
        for (let i = 0; i < AUDIT_ROWS; i++) {
          appendAudit(core.ws.db, { id: 1, name: 'admin' }, i % 3 ? 'auth.login' : 'users.updated', `user${i % 50}`, { client: 'web 10.0.0.1', i });
        }
      })(),
    );
    log(`seeded ${AUDIT_ROWS} audit rows in ${(seedMs / 1000).toFixed(1)} s`);
    core.close();

    const opens: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const [t, c] = await time(() => createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false }));
      opens.push(t);
      c.close();
    }

    core = createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false });
    const host = createHttpHost(core, { host: '127.0.0.1', port: 0, rendererDir: 'out/renderer' });
    const { url } = await host.listen();
    const login = await fetch(`${url}/api/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'bench-password-1' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const call = async (method: string, body: unknown) => {
      const r = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(body) });
      const json = (await r.json()) as { ok: boolean };
      if (!json.ok) throw new Error(`${method} failed`);
    };
    for (let i = 0; i < 200; i++) await call('auth.me', {});
    const calls: number[] = [];
    for (let i = 0; i < CALLS; i++) calls.push((await time(() => call('auth.me', {})))[0]);
    const pages: number[] = [];
    for (let i = 0; i < 200; i++) pages.push((await time(() => call('audit.list', { limit: 100, action: 'users' })))[0]);
    await host.close();
    const [verifyMs] = await time(() => verifyAudit(core.ws.db));
    core.close();

    return {
      auditRows: AUDIT_ROWS,
      seedSeconds: seedMs / 1000,
      workspaceOpenMs: summarize(opens),
      authedCallMs: summarize(calls),
      auditFirstPageMs: summarize(pages),
      auditVerifyMs: verifyMs,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function reportFoundation(f: FoundationFigures): string[] {
  return [
    `Workspace foundation (${f.auditRows.toLocaleString('en')} audit rows)`,
    `  workspace open (lock + integrity check + migrate), n=${f.workspaceOpenMs.n}: median ${ms(f.workspaceOpenMs.median)}, p95 ${ms(f.workspaceOpenMs.p95)}`,
    `  authenticated API call over HTTP (auth.me), n=${f.authedCallMs.n}: median ${ms(f.authedCallMs.median)}, p95 ${ms(f.authedCallMs.p95)}`,
    `  audit.list filtered first page over HTTP, n=${f.auditFirstPageMs.n}: median ${ms(f.auditFirstPageMs.median)}, p95 ${ms(f.auditFirstPageMs.p95)}`,
    `  verify the whole audit chain: ${ms(f.auditVerifyMs)}`,
  ];
}
