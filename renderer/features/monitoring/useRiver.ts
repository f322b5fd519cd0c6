import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, RiverItem } from '../../../src/api/contract';
import { call } from '../../app/api';

export type Scope = NonNullable<Input<'items.list'>['scope']>;
const PAGE = 100;

/**
 * The river's loaded pages for one scope/search/filter: first page on change, more on demand by
 * cursor. A stale answer (the user moved on) never lands.
 */
export function useRiver(scope: Scope, q: string, unreadOnly: boolean, sort: 'newest' | 'relevance') {
  const [items, setItems] = useState<RiverItem[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const generation = useRef(0);
  const key = JSON.stringify([scope, q, unreadOnly, sort]);

  const fetchPage = useCallback(
    async (before: number | undefined, gen: number) => {
      setLoading(true);
      try {
        const page = await call('items.list', { scope, unreadOnly, sort, limit: PAGE, ...(q ? { q } : {}), ...(before ? { before } : {}) });
        if (gen !== generation.current) return;
        setItems((old) => (before ? [...old, ...page.items] : page.items));
        setNext(page.nextBefore);
        setError(undefined);
      } catch (e) {
        if (gen === generation.current) setError((e as Error).message);
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  const reload = useCallback(() => {
    const gen = ++generation.current;
    void fetchPage(undefined, gen);
  }, [fetchPage]);

  useEffect(() => {
    setItems([]);
    reload();
  }, [reload]);

  const loadMore = useCallback(() => {
    if (loading || next === null) return;
    void fetchPage(next, generation.current);
  }, [loading, next, fetchPage]);

  const patch = useCallback((ids: number[], changes: Partial<RiverItem>) => {
    setItems((old) => old.map((i) => (ids.includes(i.id) ? { ...i, ...changes } : i)));
  }, []);

  return { items, hasMore: next !== null, loading, error, reload, loadMore, patch };
}
