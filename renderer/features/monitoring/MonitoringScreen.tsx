import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedView, FolderView, ItemView, RiverItem } from '../../../src/api/contract';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { useSession } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { downloadFile } from '../../ui/download';
import { useToast } from '../../ui/toasts';
import { useAsync } from '../../ui/useAsync';
import { AddFeedModal } from './AddFeedModal';
import { FeedSettingsModal, FolderModal } from './FeedSettingsModal';
import { FeedSidebar } from './FeedSidebar';
import { Reader } from './Reader';
import { RiverList } from './RiverList';
import { useRiver, type Scope } from './useRiver';

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('dialog'));
}

/** Pantauan: sources on the left, the river in the middle, the open item on the right. */
export function MonitoringScreen({ watchlistId }: { watchlistId?: number }) {
  const { t } = useI18n();
  const { me } = useSession();
  const toast = useToast();
  const canManage = me.permissions.includes('monitoring.manage');
  const [scope, setScope] = useState<Scope>(watchlistId ? { kind: 'watchlist', id: watchlistId } : { kind: 'all' });
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [sort, setSort] = useState<'newest' | 'relevance'>('newest');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [arrived, setArrived] = useState(0);
  const [revision, setRevision] = useState(0);
  const [modal, setModal] = useState<{ kind: 'add' } | { kind: 'feed'; feed: FeedView } | { kind: 'folder'; folder: FolderView | null } | null>(null);
  const [error, setError] = useState<string>();
  const opmlInput = useRef<HTMLInputElement>(null);

  const feeds = useAsync(() => call('feeds.list', {}), []);
  const watchlists = useAsync(() => call('watchlists.list', {}), []);
  const river = useRiver(scope, q, unreadOnly, sort);

  useEffect(() => {
    if (watchlistId) setScope({ kind: 'watchlist', id: watchlistId });
  }, [watchlistId]);

  useCoreEvent((e) => {
    if (e.type === 'feeds.changed') {
      feeds.reload();
      watchlists.reload();
    }
    if (e.type === 'items.new') {
      setArrived((n) => n + e.count);
      feeds.reload();
      watchlists.reload();
    }
  });

  const showArrivals = () => {
    setArrived(0);
    river.reload();
  };

  const mark = useCallback(
    async (item: { id: number }, changes: { read?: boolean; starred?: boolean }) => {
      try {
        await call('items.mark', { ids: [item.id], ...changes });
        river.patch([item.id], changes);
        setRevision((r) => r + 1);
        if (changes.read !== undefined) {
          feeds.reload();
          watchlists.reload();
        }
      } catch (e) {
        setError((e as Error).message);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [river.patch],
  );

  const select = useCallback(
    (item: RiverItem) => {
      setSelectedId(item.id);
      if (!item.read) void mark(item, { read: true });
    },
    [mark],
  );

  // j/k move through the river, o opens the original, s stars, m toggles read.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      const index = river.items.findIndex((i) => i.id === selectedId);
      const current = river.items[index];
      if (e.key === 'j' || e.key === 'k') {
        const next = river.items[e.key === 'j' ? index + 1 : Math.max(0, index - 1)];
        if (next) select(next);
        if (e.key === 'j' && index >= river.items.length - 5) river.loadMore();
      } else if (e.key === 'o' && current?.link) window.open(current.link, '_blank', 'noopener,noreferrer');
      else if (e.key === 's' && current) void mark(current, { starred: !current.starred });
      else if (e.key === 'm' && current) void mark(current, { read: !current.read });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [river, selectedId, select, mark]);

  async function markAll() {
    const newest = river.items[0];
    if (!newest) return;
    try {
      const { marked } = await call('items.markAllRead', { scope, upTo: Math.max(...river.items.map((i) => i.id)) });
      toast('success', t('mon.markedAll', { n: marked }));
      river.reload();
      feeds.reload();
      watchlists.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function exportOpml() {
    try {
      const { fileName, text } = await call('feeds.exportOpml', {});
      downloadFile(fileName, text, 'utf8', 'text/x-opml');
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function importOpml(file: File | undefined) {
    if (!file) return;
    try {
      const r = await call('feeds.importOpml', { text: await file.text() });
      toast('success', t('mon.imported', { added: r.added, skipped: r.skipped }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      if (opmlInput.current) opmlInput.current.value = '';
    }
  }

  const pickScope = (s: Scope) => {
    setScope(s);
    setSelectedId(null);
  };
  const onItemChanged = (item: ItemView, changes: { read?: boolean; starred?: boolean }) => void mark(item, changes);

  return (
    <div className="monitoring">
      <header className="monitoring__bar">
        <h1>{t('nav.monitoring')}</h1>
        <form
          className="monitoring__search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setQ(search.trim());
            setSelectedId(null);
          }}
        >
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('mon.searchPlaceholder')} aria-label={t('mon.search')} name="q" />
          <button className="btn" type="submit">
            {t('mon.search')}
          </button>
          {q && (
            <select value={sort} onChange={(e) => setSort(e.target.value as 'newest' | 'relevance')} aria-label={t('mon.sort')}>
              <option value="newest">{t('mon.sortNewest')}</option>
              <option value="relevance">{t('mon.sortRelevance')}</option>
            </select>
          )}
        </form>
        <label className="check">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> {t('mon.unreadOnly')}
        </label>
        <button className="btn" onClick={() => void markAll()} disabled={!river.items.length}>
          {t('mon.markAllRead')}
        </button>
        {canManage && (
          <button className="btn btn--primary" onClick={() => setModal({ kind: 'add' })} data-testid="add-feed">
            {t('mon.addFeed')}
          </button>
        )}
      </header>
      {(error ?? feeds.error ?? river.error) && <Alert kind="error">{error ?? feeds.error ?? river.error}</Alert>}
      {arrived > 0 && (
        <button className="btn btn--link monitoring__arrivals" onClick={showArrivals} data-testid="arrivals">
          {t('mon.arrived', { n: arrived })}
        </button>
      )}
      <div className="monitoring__panes">
        <aside className="monitoring__sources">
          {feeds.data && (
            <FeedSidebar
              folders={feeds.data.folders}
              feeds={feeds.data.feeds}
              starred={feeds.data.starred}
              watchlists={watchlists.data ?? []}
              scope={scope}
              canManage={canManage}
              onScope={pickScope}
              onFeedSettings={(feed) => setModal({ kind: 'feed', feed })}
              onFolderEdit={(folder) => setModal({ kind: 'folder', folder })}
            />
          )}
          {feeds.data?.feeds.length === 0 && <p className="muted small">{t('mon.noFeeds')}</p>}
          <div className="feedlist__tools">
            {canManage && (
              <>
                <button className="btn btn--small" onClick={() => setModal({ kind: 'folder', folder: null })}>
                  {t('mon.newFolder')}
                </button>
                <button className="btn btn--small" onClick={() => opmlInput.current?.click()}>
                  {t('mon.importOpml')}
                </button>
                <input ref={opmlInput} type="file" accept=".opml,.xml,text/xml" hidden onChange={(e) => void importOpml(e.target.files?.[0])} data-testid="opml-input" />
              </>
            )}
            <button className="btn btn--small" onClick={() => void exportOpml()}>
              {t('mon.exportOpml')}
            </button>
          </div>
          <p className="muted small">{t('mon.keys')}</p>
        </aside>
        <RiverList items={river.items} selectedId={selectedId} hasMore={river.hasMore} loading={river.loading} onSelect={select} onNearEnd={river.loadMore} />
        <section className="monitoring__reader">
          {selectedId ? (
            <Reader id={selectedId} revision={revision} onToggleStar={(it) => onItemChanged(it, { starred: !it.starred })} onMarkUnread={(it) => onItemChanged(it, { read: false })} />
          ) : (
            <p className="muted">{t('mon.pickItem')}</p>
          )}
        </section>
      </div>
      {modal?.kind === 'add' && feeds.data && (
        <AddFeedModal
          folders={feeds.data.folders}
          onClose={() => setModal(null)}
          onAdded={(feed) => {
            setModal(null);
            toast('success', t('mon.subscribed', { title: feed.title, n: feed.unread }));
            pickScope({ kind: 'feed', id: feed.id });
          }}
        />
      )}
      {modal?.kind === 'feed' && feeds.data && <FeedSettingsModal feed={modal.feed} folders={feeds.data.folders} canManage={canManage} onClose={() => setModal(null)} />}
      {modal?.kind === 'folder' && <FolderModal folder={modal.folder} onClose={() => setModal(null)} />}
    </div>
  );
}
