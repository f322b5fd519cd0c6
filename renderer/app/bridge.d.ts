import type { ApiResult, CoreEvent } from '../../src/api/contract';

/** What the Electron preload exposes; absent in a plain browser. */
export interface BerandaBridge {
  invoke(method: string, input: unknown, lang: string): Promise<ApiResult<unknown>>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
  openExternal(url: string): void;
}

declare global {
  interface Window {
    beranda?: BerandaBridge;
  }
}
