import { useCallback, useEffect, useState } from 'react';
import type { Me, WorkspaceStatus } from '../../src/api/contract';
import { ChangePasswordForm } from '../features/account/ChangePasswordForm';
import { LoginScreen } from '../features/login/LoginScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/id';
import { Alert } from '../ui/Alert';
import { ApiFailure, call, onSessionLost } from './api';
import { SessionContext, type SessionValue } from './session';
import { Shell } from './Shell';

type Phase =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'setup' }
  | { kind: 'login'; notice?: MessageKey | undefined }
  | { kind: 'signed-in'; me: Me };

export function App() {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [workspace, setWorkspace] = useState<WorkspaceStatus | undefined>();

  const boot = useCallback(async () => {
    try {
      const status = await call('workspace.status', {});
      setWorkspace(status);
      if (!status.initialized) return setPhase({ kind: 'setup' });
      try {
        setPhase({ kind: 'signed-in', me: await call('auth.me', {}) });
      } catch (e) {
        if (e instanceof ApiFailure && e.code === 'UNAUTHENTICATED') setPhase({ kind: 'login' });
        else throw e;
      }
    } catch (e) {
      setPhase({ kind: 'error', message: (e as Error).message });
    }
  }, []);

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(
    () => onSessionLost(() => setPhase((p) => (p.kind === 'signed-in' ? { kind: 'login', notice: 'login.sessionEnded' } : p))),
    [],
  );

  const signedIn = (me: Me) => setPhase({ kind: 'signed-in', me });

  if (phase.kind === 'loading') return <div className="center-screen">{t('common.loading')}</div>;
  if (phase.kind === 'error' || !workspace) {
    return (
      <div className="center-screen">
        <div className="card narrow">
          <h1>{t('error.title')}</h1>
          <Alert kind="error">{phase.kind === 'error' ? phase.message : ''}</Alert>
          <button className="btn btn--primary" onClick={() => void boot()}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (phase.kind === 'setup') {
    return (
      <SetupScreen
        onDone={(me) => {
          void call('workspace.status', {}).then(setWorkspace);
          signedIn(me);
        }}
      />
    );
  }
  if (phase.kind === 'login') return <LoginScreen workspace={workspace} notice={phase.notice} onSignedIn={signedIn} />;

  const session: SessionValue = {
    me: phase.me,
    workspace,
    refresh: async () => signedIn(await call('auth.me', {})),
    refreshWorkspace: async () => setWorkspace(await call('workspace.status', {})),
    signOut: async () => {
      try {
        await call('auth.logout', {});
      } finally {
        setPhase({ kind: 'login' });
      }
    },
  };

  if (phase.me.user.mustChangePassword) {
    return (
      <div className="center-screen">
        <div className="card narrow">
          <h1>{t('password.changeTitle')}</h1>
          <Alert kind="info">{t('password.forcedIntro')}</Alert>
          <ChangePasswordForm onChanged={signedIn} />
          <button className="btn btn--link" onClick={() => void session.signOut()}>
            {t('nav.logout')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <SessionContext.Provider value={session}>
      <Shell onRestored={() => setPhase({ kind: 'login', notice: 'login.restored' })} onEnded={() => setPhase({ kind: 'login', notice: 'login.sessionEnded' })} />
    </SessionContext.Provider>
  );
}
