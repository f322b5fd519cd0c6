import { useState } from 'react';
import type { FolderView, WatchlistView } from '../../../src/api/contract';
import { call, isDesktop } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatDateTime } from '../../app/format';
import { useSession, useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/Field';
import { useAsync } from '../../ui/useAsync';
import { useSubmit } from '../../ui/useSubmit';

const EMPTY = { name: '', query: '', folderIds: [] as number[], notify: false, spikeFactor: '3' };

function WatchlistForm({ editing, folders, onDone }: { editing: WatchlistView | null; folders: FolderView[]; onDone(): void }) {
  const { t } = useI18n();
  const [f, setF] = useState(editing ? { ...editing, spikeFactor: String(editing.spikeFactor) } : EMPTY);
  const [preview, setPreview] = useState<{ count: number; titles: string[] }>();
  const submit = useSubmit();
  const set = (patch: Partial<typeof f>) => setF((old) => ({ ...old, ...patch }));

  async function askNotifications(on: boolean) {
    set({ notify: on });
    // The browser asks once; the desktop app shows system notifications without asking.
    if (on && !isDesktop && 'Notification' in window && Notification.permission === 'default') await Notification.requestPermission();
  }

  const test = () => submit.run(async () => setPreview(await call('watchlists.preview', { query: f.query, folderIds: f.folderIds })));
  const save = () =>
    submit.run(async () => {
      await call('watchlists.save', { ...(editing ? { id: editing.id } : {}), name: f.name, query: f.query, folderIds: f.folderIds, notify: f.notify, spikeFactor: Number(f.spikeFactor) });
      onDone();
    });

  return (
    <form className="card" onSubmit={(e) => void (e.preventDefault(), save())} data-testid="watchlist-form">
      <h2>{editing ? t('wl.edit', { name: editing.name }) : t('wl.new')}</h2>
      <TextField label={t('wl.name')} value={f.name} onChange={(v) => set({ name: v })} name="name" error={submit.errors.name} />
      <TextField label={t('wl.query')} hint={t('wl.queryHint')} value={f.query} onChange={(v) => set({ query: v })} name="query" error={submit.errors.query} />
      {folders.length > 0 && (
        <fieldset>
          <legend>{t('wl.folders')}</legend>
          {folders.map((folder) => (
            <label key={folder.id} className="check">
              <input
                type="checkbox"
                checked={f.folderIds.includes(folder.id)}
                onChange={(e) => set({ folderIds: e.target.checked ? [...f.folderIds, folder.id] : f.folderIds.filter((x) => x !== folder.id) })}
              />{' '}
              {folder.name}
            </label>
          ))}
        </fieldset>
      )}
      <label className="check">
        <input type="checkbox" checked={f.notify} onChange={(e) => void askNotifications(e.target.checked)} name="notify" /> {t('wl.notify')}
      </label>
      <TextField label={t('wl.spikeFactor')} hint={t('wl.spikeHint')} type="number" min={1.5} max={20} step={0.5} value={f.spikeFactor} onChange={(v) => set({ spikeFactor: v })} name="spikeFactor" error={submit.errors.spikeFactor} />
      {submit.error && <Alert kind="error">{submit.error}</Alert>}
      {preview && (
        <Alert kind="info">
          {t('wl.preview', { n: preview.count })}
          <ul>
            {preview.titles.map((title, i) => (
              <li key={i}>{title}</li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn" onClick={() => void test()} disabled={!f.query.trim() || submit.busy}>
          {t('wl.test')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={submit.busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** Saved queries that flag matching news as it arrives, with counts, spikes and alerts. */
export function WatchlistsScreen() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const zone = useZone();
  const lists = useAsync(() => call('watchlists.list', {}), []);
  const feeds = useAsync(() => call('feeds.list', {}), []);
  const [editing, setEditing] = useState<WatchlistView | null | 'new'>(null);
  const [error, setError] = useState<string>();
  const canManage = me.permissions.includes('monitoring.manage');
  useCoreEvent((e) => (e.type === 'feeds.changed' || e.type === 'watchlist.hit') && lists.reload());

  async function remove(w: WatchlistView) {
    try {
      await call('watchlists.remove', { id: w.id });
      lists.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div>
      <h1>{t('wl.title')}</h1>
      <p className="muted">{t('wl.intro')}</p>
      {(error ?? lists.error) && <Alert kind="error">{error ?? lists.error}</Alert>}
      {canManage && editing === null && (
        <button className="btn btn--primary" onClick={() => setEditing('new')} data-testid="new-watchlist">
          {t('wl.new')}
        </button>
      )}
      {editing !== null && (
        <WatchlistForm
          editing={editing === 'new' ? null : editing}
          folders={feeds.data?.folders ?? []}
          onDone={() => {
            setEditing(null);
            lists.reload();
          }}
        />
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('wl.name')}</th>
            <th>{t('wl.query')}</th>
            <th>{t('wl.hits24h')}</th>
            <th>{t('wl.average')}</th>
            <th>{t('wl.lastHit')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lists.data?.map((w) => (
            <tr key={w.id} data-testid={`watchlist-row-${w.id}`}>
              <td>
                <a href={`#/pantauan/pantau/${w.id}`}>{w.name}</a> {w.notify && <span className="chip" title={t('wl.notify')}>{t('mon.notifyOn')}</span>}{' '}
                {w.spiking && <span className="chip chip--spike">{t('mon.spiking')}</span>}
              </td>
              <td>
                <code>{w.query}</code>
              </td>
              <td>{w.hits24h}</td>
              <td>{w.dailyAverage}</td>
              <td>{w.lastHitAt ? formatDateTime(w.lastHitAt, zone, lang) : '—'}</td>
              <td>
                {canManage && (
                  <>
                    <button className="btn btn--small" onClick={() => setEditing(w)}>
                      {t('wl.editButton')}
                    </button>{' '}
                    <button className="btn btn--small" onClick={() => void remove(w)}>
                      {t('mon.remove')}
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lists.data?.length === 0 && <p className="muted">{t('mon.noWatchlists')}</p>}
    </div>
  );
}
