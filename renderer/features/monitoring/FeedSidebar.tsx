import type { ReactNode } from 'react';
import type { FeedView, FolderView, WatchlistView } from '../../../src/api/contract';
import { useI18n } from '../../i18n/i18n';
import type { Scope } from './useRiver';

interface Props {
  folders: FolderView[];
  feeds: FeedView[];
  starred: number;
  watchlists: WatchlistView[];
  scope: Scope;
  canManage: boolean;
  onScope(scope: Scope): void;
  onFeedSettings(feed: FeedView): void;
  onFolderEdit(folder: FolderView): void;
}

function same(a: Scope, b: Scope): boolean {
  return a.kind === b.kind && ('id' in a ? a.id : 0) === ('id' in b ? b.id : 0);
}

/** Where to read: everything, starred, a watchlist, a folder or one feed, each with its unread count. */
export function FeedSidebar({ folders, feeds, starred, watchlists, scope, canManage, onScope, onFeedSettings, onFolderEdit }: Props) {
  const { t } = useI18n();
  const total = feeds.reduce((n, f) => n + f.unread, 0);
  const entry = (s: Scope, label: string, count: number | null, extra?: ReactNode, testId?: string) => (
    <li className={same(scope, s) ? 'active' : undefined}>
      <button className="feedlist__pick" onClick={() => onScope(s)} aria-current={same(scope, s) ? 'true' : undefined} data-testid={testId}>
        <span className="feedlist__label">{label}</span>
        {count ? <span className="count">{count}</span> : null}
      </button>
      {extra}
    </li>
  );
  const feedEntry = (f: FeedView) =>
    entry(
      { kind: 'feed', id: f.id },
      f.title,
      f.unread,
      <button className={`icon-btn${f.problem ? ' icon-btn--warn' : ''}`} onClick={() => onFeedSettings(f)} title={f.problem ?? t('mon.feedSettings')} aria-label={`${t('mon.feedSettings')}: ${f.title}`} data-testid={`feed-settings-${f.id}`}>
        {f.paused ? '⏸' : f.problem ? '⚠' : '⚙'}
      </button>,
      `feed-${f.id}`,
    );

  return (
    <nav className="feedlist" aria-label={t('mon.sources')}>
      <ul>
        {entry({ kind: 'all' }, t('mon.all'), total, undefined, 'scope-all')}
        {entry({ kind: 'starred' }, t('mon.starredList'), starred)}
      </ul>
      <div className="feedlist__group">
        {t('mon.watchlists')} <a href="#/pantauan/daftar" className="small">{t('mon.manage')}</a>
      </div>
      <ul>
        {watchlists.map((w) =>
          entry(
            { kind: 'watchlist', id: w.id },
            w.name,
            w.unread,
            w.spiking ? <span className="chip chip--spike" title={t('mon.spikeHint', { n: w.hits24h, avg: w.dailyAverage })}>{t('mon.spiking')}</span> : undefined,
            `watchlist-${w.id}`,
          ),
        )}
        {watchlists.length === 0 && <li className="muted small">{t('mon.noWatchlists')}</li>}
      </ul>
      {folders.map((folder) => (
        <div key={folder.id}>
          <div className="feedlist__group">
            <button className="feedlist__pick feedlist__pick--folder" onClick={() => onScope({ kind: 'folder', id: folder.id })} aria-current={same(scope, { kind: 'folder', id: folder.id }) ? 'true' : undefined}>
              {folder.name}
            </button>
            {canManage && (
              <button className="icon-btn" onClick={() => onFolderEdit(folder)} aria-label={`${t('mon.editFolder')}: ${folder.name}`}>
                ✎
              </button>
            )}
          </div>
          <ul>{feeds.filter((f) => f.folderId === folder.id).map(feedEntry)}</ul>
        </div>
      ))}
      {feeds.some((f) => f.folderId === null) && (
        <>
          {folders.length > 0 && <div className="feedlist__group">{t('mon.noFolder')}</div>}
          <ul>{feeds.filter((f) => f.folderId === null).map(feedEntry)}</ul>
        </>
      )}
    </nav>
  );
}
