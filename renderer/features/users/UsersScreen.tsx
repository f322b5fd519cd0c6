import { useState } from 'react';
import type { UserView } from '../../../src/api/contract';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatDateTime, formatTime } from '../../app/format';
import { useSession, useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { Modal } from '../../ui/Modal';
import { useToast } from '../../ui/toasts';
import { useAsync } from '../../ui/useAsync';
import { ResetPasswordForm, UserForm } from './UserForm';

type Dialog = { kind: 'add' } | { kind: 'edit'; user: UserView } | { kind: 'reset'; user: UserView } | { kind: 'deactivate'; user: UserView };

export function UsersScreen() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const zone = useZone();
  const toast = useToast();
  const users = useAsync(() => call('users.list', {}), []);
  const [dialog, setDialog] = useState<Dialog>();
  const [error, setError] = useState<string>();
  useCoreEvent((e) => e.type === 'users.changed' && users.reload());

  async function act(work: () => Promise<unknown>) {
    setError(undefined);
    try {
      await work();
      users.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  const status = (u: UserView) => {
    if (!u.active) return <span className="pill pill--off">{t('users.status.inactive')}</span>;
    if (u.lockedUntil) return <span className="pill pill--warn">{t('users.status.locked', { time: formatTime(u.lockedUntil, zone, lang) })}</span>;
    if (u.mustChangePassword) return <span className="pill pill--info">{t('users.status.mustChange')}</span>;
    return <span className="pill pill--ok">{t('users.status.active')}</span>;
  };

  return (
    <div className="page">
      <div className="page__head">
        <h1>{t('users.title')}</h1>
        <button className="btn btn--primary" onClick={() => setDialog({ kind: 'add' })}>
          {t('users.add')}
        </button>
      </div>
      {(error ?? users.error) && <Alert kind="error">{error ?? users.error}</Alert>}
      <table className="table" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('user.displayName')}</th>
            <th>{t('user.username')}</th>
            <th>{t('user.role')}</th>
            <th>{t('users.status')}</th>
            <th>{t('users.lastLogin')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.data?.map((u) => (
            <tr key={u.id} className={u.active ? undefined : 'row--muted'}>
              <td>
                {u.displayName} <span className="muted">({u.initials})</span> {u.id === me.user.id && <span className="muted">{t('users.you')}</span>}
              </td>
              <td>{u.username}</td>
              <td>
                <span className={`badge badge--${u.role}`}>{t(`role.${u.role}`)}</span>
              </td>
              <td>{status(u)}</td>
              <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, zone, lang) : t('users.never')}</td>
              <td className="row-actions">
                <button className="btn btn--small" onClick={() => setDialog({ kind: 'edit', user: u })}>
                  {t('users.edit')}
                </button>
                <button className="btn btn--small" onClick={() => setDialog({ kind: 'reset', user: u })}>
                  {t('users.reset')}
                </button>
                {u.lockedUntil && (
                  <button className="btn btn--small" onClick={() => void act(() => call('users.unlock', { id: u.id }))}>
                    {t('users.unlock')}
                  </button>
                )}
                {u.active ? (
                  u.id !== me.user.id && (
                    <button className="btn btn--small btn--danger" onClick={() => setDialog({ kind: 'deactivate', user: u })}>
                      {t('users.deactivate')}
                    </button>
                  )
                ) : (
                  <button className="btn btn--small" onClick={() => void act(() => call('users.update', { id: u.id, active: true }))}>
                    {t('users.activate')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {dialog?.kind === 'add' && <UserForm onClose={() => setDialog(undefined)} onSaved={() => (setDialog(undefined), users.reload())} />}
      {dialog?.kind === 'edit' && <UserForm user={dialog.user} onClose={() => setDialog(undefined)} onSaved={() => (setDialog(undefined), users.reload())} />}
      {dialog?.kind === 'reset' && (
        <ResetPasswordForm
          user={dialog.user}
          onClose={() => setDialog(undefined)}
          onDone={(u) => {
            setDialog(undefined);
            toast('success', t('users.resetDone', { name: u.displayName }));
            users.reload();
          }}
        />
      )}
      {dialog?.kind === 'deactivate' && (
        <Modal title={t('users.deactivate')} onClose={() => setDialog(undefined)}>
          <p>{t('users.deactivateConfirm', { name: dialog.user.displayName })}</p>
          <div className="actions">
            <button className="btn" onClick={() => setDialog(undefined)}>
              {t('common.cancel')}
            </button>
            <button
              className="btn btn--danger"
              onClick={() => {
                const id = dialog.user.id;
                setDialog(undefined);
                void act(() => call('users.update', { id, active: false }));
              }}
            >
              {t('users.deactivate')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
