import { useRef, useState } from 'react';
import type { BackupInfo } from '../../../src/api/contract';
import { call, uploadBackupFile } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatBytes, formatDateTime } from '../../app/format';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { Modal } from '../../ui/Modal';
import { useAsync } from '../../ui/useAsync';

export function BackupsScreen() {
  const { t, lang } = useI18n();
  const zone = useZone();
  const list = useAsync(() => call('backups.list', {}), []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [confirm, setConfirm] = useState<BackupInfo>();
  const fileInput = useRef<HTMLInputElement>(null);
  useCoreEvent((e) => e.type === 'backup.created' && list.reload());

  async function run(work: () => Promise<string>) {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await work());
      list.reload();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page">
      <div className="page__head">
        <h1>{t('backups.title')}</h1>
        <div className="actions">
          <button className="btn" disabled={busy} onClick={() => fileInput.current?.click()}>
            {t('backups.upload')}
          </button>
          <button className="btn btn--primary" disabled={busy} onClick={() => void run(async () => t('backups.created', { name: (await call('backups.create', {})).name }))}>
            {busy ? t('backups.running') : t('backups.now')}
          </button>
        </div>
      </div>
      <p className="muted">{t('backups.intro')}</p>
      <input
        ref={fileInput}
        type="file"
        accept=".db,.sqlite,application/octet-stream"
        hidden
        data-testid="backup-upload"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void run(async () => t('backups.uploaded', { name: (await uploadBackupFile(file)).name }));
        }}
      />
      {(error ?? list.error) && <Alert kind="error">{error ?? list.error}</Alert>}
      {notice && <Alert kind="success">{notice}</Alert>}
      {list.data && list.data.length === 0 && <p className="muted">{t('backups.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table" data-testid="backups-table">
          <thead>
            <tr>
              <th>{t('backups.time')}</th>
              <th>{t('backups.kind')}</th>
              <th>{t('backups.size')}</th>
              <th>{t('backups.file')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.map((b) => (
              <tr key={b.name}>
                <td>{formatDateTime(b.createdAt, zone, lang)}</td>
                <td>{t(`backups.kind.${b.kind}`)}</td>
                <td>{formatBytes(b.size)}</td>
                <td className="mono small">{b.name}</td>
                <td className="row-actions">
                  <button className="btn btn--small" disabled={busy} onClick={() => setConfirm(b)}>
                    {t('backups.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm && (
        <Modal title={t('backups.restoreTitle')} onClose={() => setConfirm(undefined)}>
          <p>{t('backups.restoreBody', { name: confirm.name, time: formatDateTime(confirm.createdAt, zone, lang) })}</p>
          <div className="actions">
            <button className="btn" onClick={() => setConfirm(undefined)}>
              {t('common.cancel')}
            </button>
            <button
              className="btn btn--danger"
              onClick={() => {
                const name = confirm.name;
                setConfirm(undefined);
                // On success the core ends every session and the app returns to sign-in.
                void run(async () => (await call('backups.restore', { name }), ''));
              }}
            >
              {t('backups.restoreConfirm')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
