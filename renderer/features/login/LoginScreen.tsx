import { useState, type FormEvent } from 'react';
import type { Me, WorkspaceStatus } from '../../../src/api/contract';
import { call } from '../../app/api';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/id';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/Field';

export function LoginScreen({ workspace, notice, onSignedIn }: { workspace: WorkspaceStatus; notice?: MessageKey | undefined; onSignedIn(me: Me): void }) {
  const { t, lang, setLang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await call('auth.login', { username, password }));
    } catch (err) {
      setError((err as Error).message);
      // The username stays; only the password is cleared for the next try.
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="center-screen login-screen">
      <form className="card narrow" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <div className="card__top">
          <div>
            <div className="brand__name brand__name--dark">{t('app.name')}</div>
            <div className="muted small">{workspace.office?.officeName}</div>
          </div>
          <button type="button" className="btn btn--ghost" onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>
            {t('lang.switch')}
          </button>
        </div>
        <h1 id="login-title">{t('login.title')}</h1>
        {notice && !error && <Alert kind="info">{t(notice)}</Alert>}
        {error && <Alert kind="error">{error}</Alert>}
        <TextField label={t('user.username')} value={username} onChange={setUsername} required autoFocus name="username" autoComplete="username" />
        <TextField label={t('user.password')} type="password" value={password} onChange={setPassword} required name="password" autoComplete="current-password" />
        <button className="btn btn--primary btn--block" type="submit" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
