/** What the core tells open UIs without being asked. Later features add their own kinds. */
export type CoreEvent =
  | { type: 'users.changed' }
  | { type: 'settings.changed' }
  | { type: 'backup.created'; name: string; automatic: boolean }
  | { type: 'backup.failed'; message: string }
  | { type: 'workspace.restored'; name: string }
  | { type: 'session.ended'; userId: number }
  | { type: 'release.changed'; id: number; status: string; version: number }
  | { type: 'tasks.changed' }
  | { type: 'case.changed'; id: number; status: string }
  | { type: 'feeds.changed' }
  | { type: 'channels.changed' }
  | { type: 'publications.changed'; documentId: number; id: number; status: string }
  | { type: 'items.new'; feedId: number; count: number }
  | { type: 'watchlist.hit'; watchlistId: number; name: string; count: number; notify: boolean; itemId: number; title: string };

export type Listener = (event: CoreEvent) => void;

export interface EventBus {
  publish(event: CoreEvent): void;
  subscribe(listener: Listener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<Listener>();
  return {
    publish(event) {
      for (const l of [...listeners]) {
        try {
          l(event);
        } catch {
          // One broken subscriber (a closed socket) must not stop the others.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
