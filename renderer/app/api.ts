import type { ApiError, ApiResult, CoreEvent, Input, Method, Output } from '../../src/api/contract';

/** A refused call, with the core's code and its message (already in the UI language). */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

let currentLang = 'id';
export function setApiLang(lang: string): void {
  currentLang = lang;
}

const unauthenticatedListeners = new Set<(message: string) => void>();
/** Lets the app return to the sign-in screen whenever any call finds the session gone. */
export function onSessionLost(listener: (message: string) => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export const isDesktop = typeof window !== 'undefined' && window.beranda !== undefined;

async function overHttp(method: string, input: unknown): Promise<ApiResult<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Beranda-Lang': currentLang },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', message: offlineMessage() } };
  }
  try {
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', message: offlineMessage() } };
  }
}

function offlineMessage(): string {
  return currentLang === 'en'
    ? 'Cannot reach the Beranda Humas server. Check the connection; what you typed is still here.'
    : 'Server Beranda Humas tidak terjangkau. Periksa koneksi; isian Anda masih di sini.';
}

/** Calls one core method over IPC (desktop) or HTTP (browser) and returns its value or throws. */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = window.beranda ? await window.beranda.invoke(method, input, currentLang) : await overHttp(method, input);
  if (result.ok) return result.value as Output<M>;
  const { code, message, details } = result.error;
  if (code === 'UNAUTHENTICATED' && method !== 'auth.login') for (const l of unauthenticatedListeners) l(message);
  throw new ApiFailure(code, message, details);
}

/** Uploads a file's bytes: as bytes inside the call over IPC, as a raw body over HTTP. */
export async function uploadFile<M extends 'backups.import' | 'attachments.upload' | 'cases.addFileEvidence'>(
  method: M,
  path: string,
  file: File,
  extra: Record<string, number> = {},
): Promise<Output<M>> {
  if (window.beranda) return call(method, { ...extra, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } as Input<M>);
  let res: Response;
  const query = new URLSearchParams({ name: file.name, ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, String(v)])) });
  try {
    res = await fetch(`${path}?${query.toString()}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', 'X-Beranda-Lang': currentLang },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiFailure('UNAVAILABLE', offlineMessage());
  }
  const result = (await res.json()) as ApiResult<Output<M>>;
  if (result.ok) return result.value;
  throw new ApiFailure(result.error.code, result.error.message);
}

export function uploadBackupFile(file: File): Promise<Output<'backups.import'>> {
  return uploadFile('backups.import', '/api/upload/backup', file);
}

export type ConnectionState = 'connected' | 'connecting' | 'lost';

/** Core events: IPC on desktop, Server-Sent Events in the browser (which reconnect by themselves). */
export function subscribeEvents(onEvent: (e: CoreEvent) => void, onState: (s: ConnectionState) => void): () => void {
  if (window.beranda) {
    onState('connected');
    return window.beranda.subscribe(onEvent);
  }
  onState('connecting');
  const source = new EventSource('/api/events');
  source.onopen = () => onState('connected');
  source.onerror = () => onState(source.readyState === EventSource.CLOSED ? 'lost' : 'connecting');
  source.onmessage = (m: MessageEvent<string>) => {
    try {
      onEvent(JSON.parse(m.data) as CoreEvent);
    } catch {
      // A malformed event is dropped; the next one will do.
    }
  };
  return () => source.close();
}
