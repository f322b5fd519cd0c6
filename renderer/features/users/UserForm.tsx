import { useState, type FormEvent } from 'react';
import type { Role, UserView } from '../../../src/api/contract';
import { call } from '../../app/api';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { SelectField, TextField } from '../../ui/Field';
import { Modal } from '../../ui/Modal';
import { useSubmit } from '../../ui/useSubmit';

const ROLES: Role[] = ['writer', 'editor', 'monitor', 'admin'];

/** Adds a user (with a temporary password) or edits one; errors stay beside their fields. */
export function UserForm({ user, onClose, onSaved }: { user?: UserView | undefined; onClose(): void; onSaved(u: UserView): void }) {
  const { t } = useI18n();
  const [v, setV] = useState({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    initials: user?.initials ?? '',
    email: user?.email ?? '',
    role: user?.role ?? ('writer' as Role),
    password: '',
  });
  const { busy, error, errors, run } = useSubmit();
  const set = (k: keyof typeof v) => (value: string) => setV({ ...v, [k]: value });

  const submit = (e: FormEvent) =>
    void run(async () => {
      const saved = user
        ? await call('users.update', { id: user.id, displayName: v.displayName, initials: v.initials, email: v.email, role: v.role })
        : await call('users.create', v);
      onSaved(saved);
    }, e);

  return (
    <Modal title={user ? t('users.editTitle') : t('users.addTitle')} onClose={onClose}>
      <form onSubmit={submit} className="stack">
        {error && <Alert kind="error">{error}</Alert>}
        <div className="row">
          <TextField label={t('user.displayName')} value={v.displayName} onChange={set('displayName')} error={errors.displayName} required name="displayName" />
          <TextField label={t('user.initials')} hint={t('user.initials.hint')} value={v.initials} onChange={set('initials')} error={errors.initials} required maxLength={6} name="initials" />
        </div>
        <div className="row">
          <TextField label={t('user.username')} hint={user ? undefined : t('user.username.hint')} value={v.username} onChange={set('username')} error={errors.username} required disabled={!!user} name="username" />
          <TextField label={`${t('user.email')} ${t('common.optional')}`} type="email" value={v.email} onChange={set('email')} error={errors.email} name="email" />
        </div>
        <SelectField label={t('user.role')} value={v.role} onChange={set('role')} options={ROLES.map((r) => ({ value: r, label: `${t(`role.${r}`)} — ${t(`role.${r}.desc`)}` }))} name="role" />
        {!user && (
          <TextField label={t('users.tempPassword')} hint={t('users.tempPassword.hint')} type="text" value={v.password} onChange={set('password')} error={errors.password} required name="password" autoComplete="off" />
        )}
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function ResetPasswordForm({ user, onClose, onDone }: { user: UserView; onClose(): void; onDone(u: UserView): void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      onDone(await call('users.resetPassword', { id: user.id, password }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal title={t('users.resetTitle', { name: user.displayName })} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="stack">
        {error && <Alert kind="error">{error}</Alert>}
        <TextField label={t('users.tempPassword')} hint={t('users.tempPassword.hint')} value={password} onChange={setPassword} required name="password" autoComplete="off" />
        <div className="actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('users.reset')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
