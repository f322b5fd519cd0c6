// Runs the core in an Electron utilityProcess, so SQLite work never blocks the window's main thread.
import type { MessagePortMain } from 'electron';
import { dispatch } from '../src/api/dispatch';
import { createCore, type Core } from '../src/core';
import { isAppError } from '../src/errors';
import { translate } from '../src/i18n/messages';
import type { CoreRequest } from './ipc-adapter';
import type { SecretBox } from '../src/secrets/secret-box';

type FromMain = { type: 'call'; id: number; request: CoreRequest } | { type: 'secret-reply'; id: number; ok: boolean; value: string };

const port = process.parentPort;
let core: Core;

// safeStorage lives in the main process: sealing and opening channel credentials is asked of it.
const pendingSecrets = new Map<number, { resolve(v: string): void; reject(e: Error): void }>();
let nextSecret = 1;
function askMain(op: 'encrypt' | 'decrypt', value: string): Promise<string> {
  const id = nextSecret++;
  return new Promise((resolve, reject) => {
    pendingSecrets.set(id, { resolve, reject });
    port.postMessage({ type: 'secret', id, op, value });
  });
}
const safeStorageBox: SecretBox = { kind: 'safeStorage', encrypt: (v) => askMain('encrypt', v), decrypt: (v) => askMain('decrypt', v) };

try {
  core = createCore({ dataDir: process.env.BERANDA_DATA_DIR!, holder: 'Beranda Humas (desktop)', secrets: safeStorageBox });
  core.events.subscribe((event) => port.postMessage({ type: 'event', event }));
  port.postMessage({ type: 'ready', dataDir: core.ws.dir });
} catch (e) {
  const message = isAppError(e) ? `${translate('id', e.key, e.params)}\n\n${translate('en', e.key, e.params)}` : String(e);
  port.postMessage({ type: 'fatal', message });
}

port.on('message', (e: { data: FromMain; ports: MessagePortMain[] }) => {
  const msg = e.data;
  if (msg.type === 'secret-reply') {
    const p = pendingSecrets.get(msg.id);
    pendingSecrets.delete(msg.id);
    if (msg.ok) p?.resolve(msg.value);
    else p?.reject(new Error(msg.value));
    return;
  }
  if (msg.type !== 'call' || !core) return;
  const { method, input, token, lang, client } = msg.request;
  void dispatch(core, { token, lang, client }, method, input).then((outcome) => port.postMessage({ type: 'reply', id: msg.id, outcome }));
});

process.on('exit', () => core?.close());
