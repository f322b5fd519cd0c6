import { useEffect, useState } from 'react';
import type { AuditEntry, AuditVerification } from '../../../src/api/contract';
import { call } from '../../app/api';
import { formatDateTime, zoneDayStartIso } from '../../app/format';
import { useZone } from '../../app/session';
import { nextDay } from '../../../src/shared/zones';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/Field';
import { useAsync } from '../../ui/useAsync';

const PAGE = 100;
const ACTION_GROUPS = ['auth', 'users', 'release', 'case', 'settings', 'backup', 'workspace', 'audit'] as const;


function VerifyResult({ result }: { result: AuditVerification }) {
  const { t } = useI18n();
  if (result.ok) return <Alert kind="success">{t('audit.verify.ok', { count: result.checked })}</Alert>;
  return <Alert kind="error">{t(`audit.verify.${result.problem ?? 'edited'}`, { id: result.brokenAt ?? '?' })}</Alert>;
}

export function AuditScreen() {
  const { t, lang } = useI18n();
  const zone = useZone();
  const [filter, setFilter] = useState({ action: '', actorId: '', from: '', to: '', text: '' });
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string>();
  const [verify, setVerify] = useState<AuditVerification>();
  const [verifying, setVerifying] = useState(false);
  const users = useAsync(() => call('users.list', {}), []);

  async function load(beforeId?: number) {
    setError(undefined);
    try {
      const page = await call('audit.list', {
        limit: PAGE,
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.actorId ? { actorId: Number(filter.actorId) } : {}),
        ...(filter.from ? { from: zoneDayStartIso(filter.from, zone) } : {}),
        ...(filter.to ? { to: zoneDayStartIso(nextDay(filter.to), zone) } : {}),
        ...(filter.text.trim() ? { text: filter.text.trim() } : {}),
        ...(beforeId ? { beforeId } : {}),
      });
      setEntries((cur) => (beforeId ? [...cur, ...page] : page));
      setMore(page.length === PAGE);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  useEffect(() => {
    const timer = setTimeout(() => void load(), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter]);

  async function runVerify() {
    setVerifying(true);
    try {
      setVerify(await call('audit.verify', {}));
      void load();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setVerifying(false);
    }
  }

  const set = (k: keyof typeof filter) => (v: string) => setFilter({ ...filter, [k]: v });
  return (
    <div className="page">
      <div className="page__head">
        <h1>{t('audit.title')}</h1>
        <button className="btn btn--primary" onClick={() => void runVerify()} disabled={verifying}>
          {verifying ? t('audit.verifying') : t('audit.verify')}
        </button>
      </div>
      <p className="muted">{t('audit.intro')}</p>
      {verify && (
        <div data-testid="audit-verify-result">
          <VerifyResult result={verify} />
        </div>
      )}
      {error && <Alert kind="error">{error}</Alert>}
      <div className="filters">
        <SelectField label={t('audit.filter.action')} value={filter.action} onChange={set('action')} options={[{ value: '', label: t('common.all') }, ...ACTION_GROUPS.map((g) => ({ value: g, label: t(`audit.action.${g}`) }))]} />
        <SelectField label={t('audit.filter.actor')} value={filter.actorId} onChange={set('actorId')} options={[{ value: '', label: t('common.all') }, ...(users.data ?? []).map((u) => ({ value: String(u.id), label: u.displayName }))]} />
        <TextField label={t('audit.filter.from')} type="date" value={filter.from} onChange={set('from')} />
        <TextField label={t('audit.filter.to')} type="date" value={filter.to} onChange={set('to')} />
        <TextField label={t('audit.filter.text')} type="search" value={filter.text} onChange={set('text')} />
      </div>
      <table className="table" data-testid="audit-table">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('audit.when')}</th>
            <th>{t('audit.who')}</th>
            <th>{t('audit.what')}</th>
            <th>{t('audit.target')}</th>
            <th>{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="mono small">{e.id}</td>
              <td className="nowrap">{formatDateTime(e.at, zone, lang)}</td>
              <td>{e.actorName}</td>
              <td className="mono small">{e.action}</td>
              <td>{e.target}</td>
              <td className="mono small details">{Object.keys(e.details).length ? JSON.stringify(e.details) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && <p className="muted">{t('common.none')}</p>}
      {more && (
        <button className="btn" onClick={() => void load(entries[entries.length - 1]?.id)}>
          {t('common.loadMore')}
        </button>
      )}
    </div>
  );
}
