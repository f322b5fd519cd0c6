// Runs the core in an Electron utilityProcess, so SQLite work never blocks the window's main thread.
import type { MessagePortMain } from 'electron';
import { dispatch } from '../src/api/dispatch';
import { createCore, type Core } from '../src/core';
import { isAppError } from '../src/errors';
import { translate } from '../src/i18n/messages';
import type { CoreRequest } from './ipc-adapter';

type FromMain = { type: 'call'; id: number; request: CoreRequest };

const port = process.parentPort;
let core: Core;

try {
  core = createCore({ dataDir: process.env.BERANDA_DATA_DIR!, holder: 'Beranda Humas (desktop)' });
  core.events.subscribe((event) => port.postMessage({ type: 'event', event }));
  port.postMessage({ type: 'ready', dataDir: core.ws.dir });
} catch (e) {
  const message = isAppError(e) ? `${translate('id', e.key, e.params)}\n\n${translate('en', e.key, e.params)}` : String(e);
  port.postMessage({ type: 'fatal', message });
}

port.on('message', (e: { data: FromMain; ports: MessagePortMain[] }) => {
  const msg = e.data;
  if (msg.type !== 'call' || !core) return;
  const { method, input, token, lang, client } = msg.request;
  void dispatch(core, { token, lang, client }, method, input).then((outcome) => port.postMessage({ type: 'reply', id: msg.id, outcome }));
});

process.on('exit', () => core?.close());
