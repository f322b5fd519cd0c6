import { useState } from 'react';
import type { DocumentView, PublicationView } from '../../../src/api/contract';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatDateTime } from '../../app/format';
import { useSession, useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/id';
import { Alert } from '../../ui/Alert';
import { useAsync } from '../../ui/useAsync';
import { PublishModal } from './PublishModal';

/** One publication's state, in words, with what can be done about it. */
function Job({ p, onChanged }: { p: PublicationView; onChanged(): void }) {
  const { t, lang } = useI18n();
  const zone = useZone();
  const { me } = useSession();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string>();
  const canAct = me.permissions.includes('releases.publish');
  const act = async (fn: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await fn();
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <li className={`pub-job pub-job--${p.status}`} data-testid={`publication-${p.id}`}>
      <div>
        <strong>{p.channel.name}</strong> <span className={`pill pill--pub-${p.status}`}>{t(`pub.status.${p.status}` as MessageKey)}</span>
        {p.action !== 'publish' && <span className="chip">{t(`pub.action.${p.action}` as MessageKey)}</span>}
      </div>
      {p.remoteUrl && (
        <a href={p.remoteUrl} target="_blank" rel="noopener noreferrer" className="small break">
          {p.remoteUrl}
        </a>
      )}
      <div className="muted small">
        {p.status === 'sent' && p.sentAt && t('pub.sentAt', { at: formatDateTime(p.sentAt, zone, lang) })}
        {p.status === 'scheduled' && p.scheduledAt && t('pub.scheduledFor', { at: formatDateTime(p.scheduledAt, zone, lang) })}
        {p.waitsForWebsite && t('pub.waitsForWebsite')}
        {p.status === 'queued' && p.attempts > 0 && p.nextAttemptAt && t('pub.nextAttempt', { at: formatDateTime(p.nextAttemptAt, zone, lang), n: p.attempts })}
      </div>
      {p.lastError && p.status !== 'sent' && <div className={`small ${p.status === 'queued' ? 'muted' : 'text-error'}`}>{p.lastError}</div>}
      {canAct && p.status === 'unknown' && !p.nextAttemptAt && (
        <div className="pub-job__resolve">
          <input type="url" placeholder={t('pub.urlIfPosted')} value={url} onChange={(e) => setUrl(e.target.value)} aria-label={t('pub.urlIfPosted')} />
          <button className="btn btn--small" onClick={() => void act(() => call('publications.resolve', { id: p.id, posted: true, url: url.trim() || null }))}>
            {t('pub.wasPosted')}
          </button>
          <button className="btn btn--small" onClick={() => void act(() => call('publications.resolve', { id: p.id, posted: false }))}>
            {t('pub.notPosted')}
          </button>
        </div>
      )}
      {canAct && (
        <div className="actions actions--left">
          {p.status === 'failed' && (
            <button className="btn btn--small" onClick={() => void act(() => call('publications.retry', { id: p.id }))}>
              {t('pub.retry')}
            </button>
          )}
          {['queued', 'scheduled', 'failed', 'unknown'].includes(p.status) && (
            <button className="btn btn--small" onClick={() => void act(() => call('publications.cancel', { id: p.id }))}>
              {t('pub.cancel')}
            </button>
          )}
        </div>
      )}
      {error && <Alert kind="error">{error}</Alert>}
    </li>
  );
}

/** Where the release is live, or on its way; and "Publish…" for editors once it is approved. */
export function PublishPanel({ doc }: { doc: DocumentView }) {
  const { t } = useI18n();
  const { me } = useSession();
  const jobs = useAsync(() => call('publications.ofDocument', { documentId: doc.id }), [doc.id, doc.status]);
  const [open, setOpen] = useState(false);
  useCoreEvent((e) => e.type === 'publications.changed' && e.documentId === doc.id && jobs.reload());
  const canPublish = me.permissions.includes('releases.publish') && doc.status === 'approved';
  if (!canPublish && !jobs.data?.length) return null;
  return (
    <section className="card" data-testid="publish-panel">
      <h2>{t('pub.panel')}</h2>
      {jobs.error && <Alert kind="error">{jobs.error}</Alert>}
      <ul className="plain-list">
        {jobs.data?.map((p) => <Job key={p.id} p={p} onChanged={jobs.reload} />)}
      </ul>
      {canPublish && (
        <button className="btn btn--primary btn--block" onClick={() => setOpen(true)} data-testid="open-publish">
          {t('pub.open')}
        </button>
      )}
      {open && (
        <PublishModal
          doc={doc}
          onClose={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            jobs.reload();
          }}
        />
      )}
    </section>
  );
}
