import { useEffect, useRef } from 'react';
import type { CoreEvent } from '../../src/api/contract';

type Handler = (e: CoreEvent) => void;
const handlers = new Set<Handler>();

/** Fans one subscription out to every screen that cares. */
export function emitCoreEvent(e: CoreEvent): void {
  for (const h of [...handlers]) h(e);
}

export function useCoreEvent(handler: Handler): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const h: Handler = (e) => ref.current(e);
    handlers.add(h);
    return () => {
      handlers.delete(h);
    };
  }, []);
}
