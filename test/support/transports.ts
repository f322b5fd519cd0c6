import type { ApiResult } from '../../src/api/contract';
import { dispatch } from '../../src/api/dispatch';
import type { Core } from '../../src/core';
import { createHttpHost } from '../../src/server/http';
import { INVOKE_CHANNEL, registerIpcAdapter, type IpcEventLike, type IpcMainLike } from '../../main/ipc-adapter';

/** One signed-in (or not) caller: a browser tab with its cookie, or a desktop window. */
export interface TestClient {
  call(method: string, input?: unknown, lang?: 'id' | 'en'): Promise<ApiResult<unknown>>;
}

export interface Transport {
  name: 'http' | 'ipc';
  /** A fresh caller with no session. */
  client(): TestClient;
  close(): Promise<void>;
}

export async function httpTransport(core: Core): Promise<Transport & { url: string; rawUpload(path: string, body: Buffer, client: TestClient): Promise<ApiResult<unknown>> }> {
  const host = createHttpHost(core, { host: '127.0.0.1', port: 0, rendererDir: 'out/renderer' });
  const { url } = await host.listen();
  return {
    name: 'http',
    url,
    /** A raw-body upload as the browser sends it, with the client's session cookie. */
    async rawUpload(path, body, client) {
      const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', Cookie: (client as TestClient & { cookie(): string }).cookie() }, body: new Uint8Array(body) });
      return (await res.json()) as ApiResult<unknown>;
    },
    client() {
      let cookie = '';
      return {
        cookie: () => cookie,
        async call(method, input = {}, lang = 'id') {
          const res = await fetch(`${url}/api/${method}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Beranda-Lang': lang, ...(cookie ? { Cookie: cookie } : {}) },
            body: JSON.stringify(input),
          });
          const set = res.headers.get('set-cookie');
          if (set) cookie = set.split(';')[0]!.endsWith('=') ? '' : set.split(';')[0]!;
          return (await res.json()) as ApiResult<unknown>;
        },
      };
    },
    close: () => host.close(),
  };
}

/** Stands in for Electron's ipcMain: keeps the handler and lets a "window" invoke it. */
class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: IpcEventLike, payload: unknown) => Promise<unknown>>();
  handle(channel: string, listener: (event: IpcEventLike, payload: unknown) => Promise<unknown>) {
    this.handlers.set(channel, listener);
  }
}

export const TRUSTED_URL = 'file:///app/out/renderer/index.html';

export function ipcTransport(core: Core): Transport & { invokeFrom(url: string, payload: unknown): Promise<unknown> } {
  const ipc = new FakeIpcMain();
  registerIpcAdapter(ipc, {
    isTrustedSender: (e) => e.senderFrame?.url === TRUSTED_URL,
    // The real app relays to a utility process; the message crossing is structured-clone only.
    callCore: async (req) => structuredClone(await dispatch(core, { token: req.token, lang: req.lang, client: req.client }, req.method, structuredClone(req.input))),
  });
  let nextWindow = 1;
  const handler = () => ipc.handlers.get(INVOKE_CHANNEL)!;
  return {
    name: 'ipc',
    client() {
      const sender = { id: nextWindow++ };
      return {
        call: async (method, input = {}, lang = 'id') =>
          (await handler()({ sender, senderFrame: { url: TRUSTED_URL } }, { method, input, lang })) as ApiResult<unknown>,
      };
    },
    invokeFrom: (url, payload) => handler()({ sender: { id: 999 }, senderFrame: { url } }, payload),
    close: async () => {},
  };
}
