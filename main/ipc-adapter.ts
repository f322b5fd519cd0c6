import type { ApiResult } from '../src/api/contract';
import type { DispatchOutcome } from '../src/api/dispatch';

/** The part of Electron's ipcMain the adapter uses, so tests can stand in for it. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, payload: unknown) => Promise<unknown>): void;
}

export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

export interface CoreRequest {
  method: string;
  input: unknown;
  token: string | undefined;
  lang: 'id' | 'en';
  client: string;
}

export const INVOKE_CHANNEL = 'beranda:invoke';
export const EVENT_CHANNEL = 'beranda:event';

function isPayload(p: unknown): p is { method: string; input: unknown; lang?: string } {
  return typeof p === 'object' && p !== null && typeof (p as { method?: unknown }).method === 'string';
}

/**
 * Relays renderer calls to the core. The session token stays here in main, per window, like an
 * HttpOnly cookie: the renderer never sees it. Calls from frames we did not load are refused.
 */
export function registerIpcAdapter(
  ipcMain: IpcMainLike,
  opts: { isTrustedSender(e: IpcEventLike): boolean; callCore(req: CoreRequest): Promise<DispatchOutcome> },
) {
  const tokens = new Map<number, string>();
  ipcMain.handle(INVOKE_CHANNEL, async (event, payload): Promise<ApiResult<unknown>> => {
    if (!opts.isTrustedSender(event)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender / pengirim tidak dipercaya' } };
    }
    if (!isPayload(payload)) return { ok: false, error: { code: 'VALIDATION', message: 'Bad IPC payload' } };
    const outcome = await opts.callCore({
      method: payload.method,
      input: payload.input,
      token: tokens.get(event.sender.id),
      lang: payload.lang === 'en' ? 'en' : 'id',
      client: 'desktop',
    });
    if (outcome.session) {
      if (outcome.session.token) tokens.set(event.sender.id, outcome.session.token);
      else tokens.delete(event.sender.id);
    }
    return outcome.result;
  });
  return {
    /** Forget a closed window's session token. */
    forget(senderId: number) {
      tokens.delete(senderId);
    },
  };
}
