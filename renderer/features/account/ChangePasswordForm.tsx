import { useState, type FormEvent } from 'react';
import type { Me } from '../../../src/api/contract';
import { call } from '../../app/api';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/Field';

export function ChangePasswordForm({ onChanged }: { onChanged(me: Me): void }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setDone(false);
    if (next !== repeat) return setError(t('user.passwordMismatch'));
    setBusy(true);
    try {
      const me = await call('auth.changePassword', { current, next });
      setCurrent('');
      setNext('');
      setRepeat('');
      setDone(true);
      onChanged(me);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="stack">
      {error && <Alert kind="error">{error}</Alert>}
      {done && <Alert kind="success">{t('password.changed')}</Alert>}
      <TextField label={t('password.current')} type="password" value={current} onChange={setCurrent} required name="current" autoComplete="current-password" />
      <TextField label={t('password.new')} hint={t('user.password.hint')} type="password" value={next} onChange={setNext} required name="next" autoComplete="new-password" />
      <TextField label={t('user.passwordRepeat')} type="password" value={repeat} onChange={setRepeat} required name="repeat" autoComplete="new-password" />
      <div>
        <button className="btn btn--primary" type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('password.changeTitle')}
        </button>
      </div>
    </form>
  );
}
