import { useState } from 'react';
import type { ChannelView } from '../../../src/api/contract';
import { CHANNEL_KINDS, DEFAULT_BASE_URL, SECRET_FIELD, type ChannelKind } from '../../../src/shared/channel-rules';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatDateTime } from '../../app/format';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/id';
import { Alert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/Field';
import { useAsync } from '../../ui/useAsync';
import { useSubmit } from '../../ui/useSubmit';

function ChannelForm({ editing, onDone }: { editing: ChannelView | null; onDone(): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ChannelKind>(editing?.kind ?? 'wordpress');
  const [name, setName] = useState(editing?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(editing?.baseUrl ?? '');
  const [account, setAccount] = useState(editing?.account ?? '');
  const [secret, setSecret] = useState('');
  const [active, setActive] = useState(editing?.active ?? true);
  const [expires, setExpires] = useState(editing?.tokenExpiresAt?.slice(0, 10) ?? '');
  const submit = useSubmit();
  const save = () =>
    submit.run(async () => {
      await call('channels.save', { ...(editing ? { id: editing.id } : {}), kind, name, baseUrl, account, active, secret: secret ? { [SECRET_FIELD[kind]]: secret } : {}, tokenExpiresOn: expires || null });
      onDone();
    });
  return (
    <form className="card" onSubmit={(e) => void (e.preventDefault(), save())} data-testid="channel-form">
      <h2>{editing ? t('ch.edit', { name: editing.name }) : t('ch.new')}</h2>
      {!editing && <SelectField label={t('ch.kind')} value={kind} onChange={(v) => setKind(v as ChannelKind)} options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`ch.kind.${k}` as MessageKey) }))} />}
      <TextField label={t('ch.name')} value={name} onChange={setName} name="name" error={submit.errors.name} />
      <TextField label={t('ch.baseUrl')} hint={t(`ch.baseHint.${kind}` as MessageKey)} value={baseUrl} onChange={setBaseUrl} placeholder={DEFAULT_BASE_URL[kind]} name="baseUrl" inputMode="url" />
      <TextField label={t(`ch.account.${kind}` as MessageKey)} value={account} onChange={setAccount} name="account" />
      <TextField
        label={t(`ch.secret.${kind}` as MessageKey)}
        hint={editing?.hasSecret ? t('ch.secretKept') : t('ch.secretHint')}
        type="password"
        autoComplete="new-password"
        value={secret}
        onChange={setSecret}
        name="secret"
      />
      {kind !== 'wordpress' && <TextField label={t('ch.tokenUntil')} hint={t('ch.tokenUntilHint')} type="date" value={expires} onChange={setExpires} name="tokenExpiresOn" />}
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('ch.active')}
      </label>
      {submit.error && <Alert kind="error">{submit.error}</Alert>}
      <div className="actions">
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={submit.busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** Settings → Channels: where publications go, with each channel's health and "Test connection". */
export function ChannelsScreen() {
  const { t, lang } = useI18n();
  const zone = useZone();
  const channels = useAsync(() => call('channels.list', {}), []);
  const [editing, setEditing] = useState<ChannelView | null | 'new'>(null);
  const [tested, setTested] = useState<Record<number, { ok: boolean; text: string }>>({});
  const [error, setError] = useState<string>();
  const [now] = useState(() => Date.now());
  useCoreEvent((e) => e.type === 'channels.changed' && channels.reload());

  async function test(c: ChannelView) {
    setTested((x) => ({ ...x, [c.id]: { ok: true, text: t('ch.testing') } }));
    try {
      const r = await call('channels.test', { id: c.id });
      setTested((x) => ({ ...x, [c.id]: r.ok ? { ok: true, text: t('ch.testOk', { account: r.account ?? '' }) } : { ok: false, text: r.message ?? '' } }));
      channels.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  async function remove(c: ChannelView) {
    try {
      await call('channels.remove', { id: c.id });
      channels.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div>
      <h1>{t('ch.title')}</h1>
      <p className="muted">{t('ch.intro')}</p>
      {(error ?? channels.error) && <Alert kind="error">{error ?? channels.error}</Alert>}
      {editing === null && (
        <button className="btn btn--primary" onClick={() => setEditing('new')} data-testid="new-channel">
          {t('ch.new')}
        </button>
      )}
      {editing !== null && (
        <ChannelForm
          editing={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            channels.reload();
          }}
        />
      )}
      <table className="table">
        <thead>
          <tr>
            <th>{t('ch.name')}</th>
            <th>{t('ch.kind')}</th>
            <th>{t('ch.health')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {channels.data?.map((c) => (
            <tr key={c.id} data-testid={`channel-${c.id}`}>
              <td>
                <strong>{c.name}</strong> {!c.active && <span className="chip">{t('ch.inactive')}</span>}
                <div className="muted small break">{c.account} · {c.baseUrl}</div>
              </td>
              <td>{t(`ch.kind.${c.kind}` as MessageKey)}</td>
              <td className="small">
                {c.lastError ? (
                  <span className="text-error">
                    {t('ch.lastError', { at: formatDateTime(c.lastErrorAt!, zone, lang) })} {c.lastError}
                  </span>
                ) : c.lastSuccessAt ? (
                  t('ch.lastSuccess', { at: formatDateTime(c.lastSuccessAt, zone, lang) })
                ) : (
                  <span className="muted">{t('ch.untested')}</span>
                )}
                {c.tokenExpiresAt && Date.parse(c.tokenExpiresAt) <= now && <div className="text-error">{t('ch.tokenExpired')}</div>}
                {c.tokenExpiresAt && Date.parse(c.tokenExpiresAt) > now && Date.parse(c.tokenExpiresAt) - now < 7 * 86_400_000 && (
                  <div className="text-warn">{t('ch.tokenSoon', { date: formatDateTime(c.tokenExpiresAt, zone, lang) })}</div>
                )}
                {!c.hasSecret && <div className="text-error">{t('ch.noSecret')}</div>}
                {tested[c.id] && <div className={tested[c.id]!.ok ? 'text-ok' : 'text-error'} data-testid={`channel-test-${c.id}`}>{tested[c.id]!.text}</div>}
              </td>
              <td className="nowrap">
                <button className="btn btn--small" onClick={() => void test(c)}>
                  {t('ch.test')}
                </button>{' '}
                <button className="btn btn--small" onClick={() => setEditing(c)}>
                  {t('wl.editButton')}
                </button>{' '}
                <button className="btn btn--small" onClick={() => void remove(c)}>
                  {t('mon.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {channels.data?.length === 0 && <p className="muted">{t('ch.none')}</p>}
    </div>
  );
}
