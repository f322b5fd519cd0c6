import { useState } from 'react';
import type { FeedView, FolderView } from '../../../src/api/contract';
import { call } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useSubmit } from '../../ui/useSubmit';

const INTERVALS = [15, 30, 60, 120, 360, 1440];

/** A feed's name, folder and schedule; its health in plain words; pause, resume, refresh, remove. */
export function FeedSettingsModal({ feed, folders, canManage, onClose }: { feed: FeedView; folders: FolderView[]; canManage: boolean; onClose(): void }) {
  const { t, lang } = useI18n();
  const zone = useZone();
  const [current, setCurrent] = useState(feed);
  const [title, setTitle] = useState(feed.title);
  const [folderId, setFolderId] = useState(feed.folderId ? String(feed.folderId) : '');
  const [interval, setIntervalMinutes] = useState(String(feed.intervalMinutes));
  const [note, setNote] = useState<string>();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const submit = useSubmit();

  const save = () =>
    submit.run(async () => {
      setCurrent(await call('feeds.update', { id: feed.id, title: title.trim(), folderId: folderId ? Number(folderId) : null, intervalMinutes: Number(interval) }));
      onClose();
    });
  const refresh = () =>
    submit.run(async () => {
      const r = await call('feeds.refresh', { id: feed.id });
      setCurrent(r.feed);
      setNote(r.feed.problem ? undefined : t('mon.refreshed', { n: r.newItems }));
    });
  const pause = (paused: boolean) => submit.run(async () => setCurrent(await call('feeds.setPaused', { id: feed.id, paused })));
  const remove = () =>
    submit.run(async () => {
      await call('feeds.remove', { id: feed.id });
      onClose();
    });

  return (
    <Modal title={current.title} onClose={onClose}>
      <p className="muted small break">{current.url}</p>
      {current.problem ? <Alert kind={current.paused ? 'error' : 'warning'}>{current.problem}</Alert> : <p className="small" data-testid="feed-health">{current.lastSuccessAt ? t('mon.lastSuccess', { at: formatDateTime(current.lastSuccessAt, zone, lang) }) : t('mon.neverFetched')}</p>}
      {!current.paused && <p className="muted small">{t('mon.nextFetch', { at: formatDateTime(current.nextFetchAt, zone, lang) })}</p>}
      {note && <Alert kind="success">{note}</Alert>}
      {submit.error && <Alert kind="error">{submit.error}</Alert>}
      {canManage && (
        <form onSubmit={(e) => void (e.preventDefault(), save())}>
          <TextField label={t('mon.feedName')} value={title} onChange={setTitle} name="title" />
          <SelectField label={t('mon.folder')} value={folderId} onChange={setFolderId} options={[{ value: '', label: t('mon.noFolder') }, ...folders.map((f) => ({ value: String(f.id), label: f.name }))]} />
          <SelectField label={t('mon.interval')} hint={t('mon.intervalHint')} value={interval} onChange={setIntervalMinutes} options={INTERVALS.map((m) => ({ value: String(m), label: m < 60 ? t('mon.minutes', { n: m }) : t('mon.hours', { n: m / 60 }) }))} />
          <div className="actions">
            <button type="submit" className="btn btn--primary" disabled={submit.busy}>
              {t('common.save')}
            </button>
          </div>
        </form>
      )}
      <div className="actions actions--left">
        <button className="btn" onClick={() => void refresh()} disabled={submit.busy} data-testid="feed-refresh">
          {t('mon.refreshNow')}
        </button>
        {canManage && (
          <button className="btn" onClick={() => void pause(!current.paused)} disabled={submit.busy}>
            {current.paused ? t('mon.resume') : t('mon.pause')}
          </button>
        )}
        {canManage &&
          (confirmRemove ? (
            <button className="btn btn--danger" onClick={() => void remove()} disabled={submit.busy}>
              {t('mon.removeConfirm')}
            </button>
          ) : (
            <button className="btn" onClick={() => setConfirmRemove(true)}>
              {t('mon.remove')}
            </button>
          ))}
        <button className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}

/** Create, rename or delete a folder (its feeds stay, outside any folder). */
export function FolderModal({ folder, onClose }: { folder: FolderView | null; onClose(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(folder?.name ?? '');
  const submit = useSubmit();
  const save = () =>
    submit.run(async () => {
      if (folder) await call('feeds.renameFolder', { id: folder.id, name });
      else await call('feeds.createFolder', { name });
      onClose();
    });
  return (
    <Modal title={folder ? t('mon.editFolder') : t('mon.newFolder')} onClose={onClose}>
      <form onSubmit={(e) => void (e.preventDefault(), save())}>
        <TextField label={t('mon.folderName')} value={name} onChange={setName} name="name" autoFocus error={submit.errors.name} />
        {submit.error && <Alert kind="error">{submit.error}</Alert>}
        <div className="actions">
          {folder && (
            <button type="button" className="btn btn--danger" onClick={() => void submit.run(async () => (await call('feeds.deleteFolder', { id: folder.id }), onClose()))}>
              {t('mon.deleteFolder')}
            </button>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={submit.busy || !name.trim()}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
