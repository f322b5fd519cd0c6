import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core';
import { DEMO_ACCOUNTS, seedDemo } from '../demo/seed';
import { isAppError } from '../errors';
import { translate } from '../i18n/messages';
import { defaultDataDir } from '../storage/paths';
import { createHttpHost } from './http';

const USAGE = `Beranda Humas — browser / LAN mode

  npm run serve -- [--port 5170] [--host 127.0.0.1] [--data <workspace dir>] [--demo] [--allow-host name]

  --port        port to listen on (0 picks a free one)                 default 5170
  --host        address to bind; 0.0.0.0 opens it to the office LAN     default 127.0.0.1
  --data        workspace folder                                      default ${defaultDataDir()}
  --demo        fill a new workspace with the demo office and accounts
  --allow-host  another name browsers use to reach this machine (repeatable)
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '5170' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'allow-host': { type: 'string', multiple: true, default: [] },
      renderer: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const core = createCore({ dataDir, holder: 'Beranda Humas (serve)' });
  if (values.demo && (await seedDemo(core))) {
    console.log('Demo workspace created. Accounts (username / password):');
    for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(8)} ${a.username} / ${a.password}`);
  }
  const host = createHttpHost(core, {
    host: values.host,
    port: Number(values.port),
    rendererDir: path.resolve(values.renderer ?? path.join(__dirname, '..', '..', 'out', 'renderer')),
    allowedHosts: values['allow-host'],
  });
  const { url } = await host.listen();
  console.log(`Workspace: ${dataDir}`);
  console.log(`Listening on ${url}`);
  const stop = () => {
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  if (isAppError(e)) console.error(`${translate('id', e.key, e.params)}\n${translate('en', e.key, e.params)}`);
  else if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') console.error('Port sudah dipakai / port already in use. Try --port.');
  else console.error(e);
  process.exit(1);
});
