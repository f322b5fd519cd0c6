import { useState } from 'react';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatDateTime } from '../../app/format';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/id';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/Field';
import { useAsync } from '../../ui/useAsync';

const FILTERS = ['active', 'scheduled', 'sent', 'failed', 'unknown', 'cancelled'] as const;

/** Every publication in the outbox: what waits, what went out, what needs a person. */
export function OutboxScreen() {
  const { t, lang } = useI18n();
  const zone = useZone();
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('active');
  const list = useAsync(() => call('publications.outbox', { status }), [status]);
  useCoreEvent((e) => e.type === 'publications.changed' && list.reload());
  return (
    <div>
      <h1>{t('nav.outbox')}</h1>
      <p className="muted">{t('outbox.intro')}</p>
      <SelectField label={t('outbox.filter')} value={status} onChange={(v) => setStatus(v as typeof status)} options={FILTERS.map((f) => ({ value: f, label: t(`outbox.filter.${f}` as MessageKey) }))} />
      {list.error && <Alert kind="error">{list.error}</Alert>}
      <table className="table" data-testid="outbox">
        <thead>
          <tr>
            <th>{t('outbox.release')}</th>
            <th>{t('outbox.channel')}</th>
            <th>{t('outbox.status')}</th>
            <th>{t('outbox.when')}</th>
            <th>{t('outbox.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data?.map((p) => (
            <tr key={p.id}>
              <td>
                <a href={`#/naskah/${p.documentId}`}>#{p.documentId}</a> {p.variant.kind === 'website' ? p.variant.title : p.variant.text.split('\n')[0]}
              </td>
              <td>{p.channel.name}</td>
              <td>
                <span className={`pill pill--pub-${p.status}`}>{t(`pub.status.${p.status}` as MessageKey)}</span>
              </td>
              <td className="small">
                {p.sentAt ? formatDateTime(p.sentAt, zone, lang) : p.scheduledAt ? formatDateTime(p.scheduledAt, zone, lang) : p.nextAttemptAt ? formatDateTime(p.nextAttemptAt, zone, lang) : '—'}
              </td>
              <td className="small break">
                {p.remoteUrl ? (
                  <a href={p.remoteUrl} target="_blank" rel="noopener noreferrer">
                    {p.remoteUrl}
                  </a>
                ) : (
                  (p.lastError ?? (p.waitsForWebsite ? t('pub.waitsForWebsite') : ''))
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data?.length === 0 && <p className="muted">{t('outbox.empty')}</p>}
    </div>
  );
}
