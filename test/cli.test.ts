import { LATEST_SCHEMA_VERSION } from '../src/storage/migrations/index';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './support/workspace';

const running: ChildProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) p.kill('SIGTERM');
});

/** Starts `serve` as a user would and collects what it prints until `until` appears or it exits. */
function serve(args: string[], until: RegExp): Promise<{ out: string; code: number | null; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(proc);
  let out = '';
  return new Promise((resolve) => {
    const check = (c: Buffer) => {
      out += c.toString();
      if (until.test(out)) resolve({ out, code: null, proc });
    };
    proc.stdout!.on('data', check);
    proc.stderr!.on('data', check);
    proc.on('exit', (code) => resolve({ out, code, proc }));
  });
}

describe('npm run serve', () => {
  it('prints "Listening on http://127.0.0.1:<port>", serves /healthz, and fills a demo workspace with --demo', async () => {
    const data = tempDir();
    const { out } = await serve(['--port', '0', '--data', data, '--demo'], /Listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toContain('admin / admin-demo-123');
    const url = /Listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1]!;
    expect(await (await fetch(`${url}/healthz`)).json()).toMatchObject({ ok: true, schemaVersion: LATEST_SCHEMA_VERSION });
    const status = await (await fetch(`${url}/api/workspace.status`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json();
    expect(status).toMatchObject({ ok: true, value: { initialized: true, office: { unitCode: 'DINKOMINFO', city: 'PURBALINGGA' } } });
  });

  it('a second host on the same workspace stops with a clear "in use" message', async () => {
    const data = tempDir();
    await serve(['--port', '0', '--data', data], /Listening on/);
    const second = await serve(['--port', '0', '--data', data], /sedang dipakai/);
    expect(second.out).toMatch(/Ruang kerja ini sedang dipakai oleh Beranda Humas \(serve\) \(PID \d+/);
    expect(second.out).toMatch(/This workspace is in use by/);
  });
});
