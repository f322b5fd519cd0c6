import { useState, type FormEvent } from 'react';
import type { Me } from '../../../src/api/contract';
import { call } from '../../app/api';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/Field';
import { emptyOffice, OfficeFields, type OfficeDraft } from '../../ui/OfficeFields';
import { useSubmit } from '../../ui/useSubmit';

export function SetupScreen({ onDone }: { onDone(me: Me): void }) {
  const { t, lang, setLang } = useI18n();
  const [office, setOffice] = useState<OfficeDraft>(emptyOffice);
  const [admin, setAdmin] = useState({ username: '', displayName: '', initials: '', email: '', password: '', repeat: '' });
  const { busy, error, errors, setErrors, run } = useSubmit();
  const set = (k: keyof typeof admin) => (v: string) => setAdmin({ ...admin, [k]: v });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (admin.password !== admin.repeat) {
      setErrors({ repeat: t('user.passwordMismatch') });
      return;
    }
    const { repeat: _repeat, ...account } = admin;
    void run(async () => onDone(await call('workspace.setup', { office, admin: account })));
  }

  return (
    <div className="center-screen">
      <form className="card wide" onSubmit={submit} aria-labelledby="setup-title">
        <div className="card__top">
          <div>
            <div className="brand__name brand__name--dark">{t('app.name')}</div>
            <h1 id="setup-title">{t('setup.title')}</h1>
          </div>
          <button type="button" className="btn btn--ghost" onClick={() => setLang(lang === 'id' ? 'en' : 'id')}>
            {t('lang.switch')}
          </button>
        </div>
        <p className="muted">{t('setup.intro')}</p>
        {error && <Alert kind="error">{error}</Alert>}
        <fieldset>
          <legend>{t('setup.office')}</legend>
          <OfficeFields value={office} onChange={setOffice} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>{t('setup.admin')}</legend>
          <div className="row">
            <TextField label={t('user.displayName')} value={admin.displayName} onChange={set('displayName')} error={errors.displayName} required name="displayName" autoComplete="name" />
            <TextField label={t('user.initials')} hint={t('user.initials.hint')} value={admin.initials} onChange={set('initials')} error={errors.initials} required maxLength={6} name="initials" />
          </div>
          <div className="row">
            <TextField label={t('user.username')} hint={t('user.username.hint')} value={admin.username} onChange={set('username')} error={errors.username} required name="username" autoComplete="username" />
            <TextField label={`${t('user.email')} ${t('common.optional')}`} type="email" value={admin.email} onChange={set('email')} error={errors.email} name="email" autoComplete="email" />
          </div>
          <div className="row">
            <TextField label={t('user.password')} hint={t('user.password.hint')} type="password" value={admin.password} onChange={set('password')} error={errors.password} required name="password" autoComplete="new-password" />
            <TextField label={t('user.passwordRepeat')} type="password" value={admin.repeat} onChange={set('repeat')} error={errors.repeat} required name="repeat" autoComplete="new-password" />
          </div>
        </fieldset>
        <button className="btn btn--primary" type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('setup.submit')}
        </button>
      </form>
    </div>
  );
}
