import { useEffect, useState, type ReactNode } from 'react';
import type { Permission } from '../../src/api/contract';
import { AccountScreen } from '../features/account/AccountScreen';
import { AuditScreen } from '../features/audit/AuditScreen';
import { BackupsScreen } from '../features/backups/BackupsScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { OfficeScreen } from '../features/office/OfficeScreen';
import { ReleaseScreen } from '../features/releases/ReleaseScreen';
import { ReleasesListScreen } from '../features/releases/ReleasesListScreen';
import { TemplatesScreen } from '../features/templates/TemplatesScreen';
import { CaseScreen } from '../features/cases/CaseScreen';
import { CasesScreen } from '../features/cases/CasesScreen';
import { NewCaseScreen } from '../features/cases/NewCaseScreen';
import { CaseSettingsScreen } from '../features/case-settings/CaseSettingsScreen';
import { UsersScreen } from '../features/users/UsersScreen';
import { MonitoringScreen } from '../features/monitoring/MonitoringScreen';
import { WatchlistsScreen } from '../features/watchlists/WatchlistsScreen';
import { notifyWatchlistHit } from './notifications';
import { ChannelsScreen } from '../features/channels/ChannelsScreen';
import { OutboxScreen } from '../features/outbox/OutboxScreen';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/id';
import { useToast } from '../ui/toasts';
import { subscribeEvents, type ConnectionState } from './api';
import { emitCoreEvent } from './events';
import { useRoute } from './router';
import { useSession } from './session';

interface RouteDef {
  path: string;
  label: MessageKey;
  needs?: Permission;
  group: 'main' | 'settings' | 'hidden';
  render(params: string[]): ReactNode;
}

const ROUTES: RouteDef[] = [
  { path: '/', label: 'nav.home', group: 'main', render: () => <HomeScreen /> },
  { path: '/naskah', label: 'nav.releases', needs: 'releases.read', group: 'main', render: () => <ReleasesListScreen /> },
  { path: '/naskah/:id', label: 'nav.releases', needs: 'releases.read', group: 'hidden', render: ([id]) => <ReleaseScreen key={id} id={Number(id)} /> },
  { path: '/kasus', label: 'nav.cases', needs: 'cases.read', group: 'main', render: () => <CasesScreen /> },
  { path: '/kasus/baru/:kind', label: 'nav.cases', needs: 'cases.write', group: 'hidden', render: ([kind]) => <NewCaseScreen kind={kind === 'complaint' ? 'complaint' : 'rumor'} /> },
  { path: '/kasus/:id', label: 'nav.cases', needs: 'cases.read', group: 'hidden', render: ([id]) => <CaseScreen key={id} id={Number(id)} /> },
  { path: '/pantauan', label: 'nav.monitoring', needs: 'monitoring.read', group: 'main', render: () => <MonitoringScreen /> },
  { path: '/pantauan/pantau/:id', label: 'nav.monitoring', needs: 'monitoring.read', group: 'hidden', render: ([id]) => <MonitoringScreen watchlistId={Number(id)} /> },
  { path: '/pantauan/daftar', label: 'nav.watchlists', needs: 'monitoring.read', group: 'hidden', render: () => <WatchlistsScreen /> },
  { path: '/publikasi', label: 'nav.outbox', needs: 'releases.read', group: 'main', render: () => <OutboxScreen /> },
  { path: '/akun', label: 'nav.account', group: 'main', render: () => <AccountScreen /> },
  { path: '/pengaturan/kasus', label: 'nav.caseSettings', needs: 'cases.configure', group: 'settings', render: () => <CaseSettingsScreen /> },
  { path: '/pengaturan/saluran', label: 'nav.channels', needs: 'channels.manage', group: 'settings', render: () => <ChannelsScreen /> },
  { path: '/pengaturan/templat', label: 'nav.templates', needs: 'templates.manage', group: 'settings', render: () => <TemplatesScreen /> },
  { path: '/pengaturan/kantor', label: 'nav.office', needs: 'settings.manage', group: 'settings', render: () => <OfficeScreen /> },
  { path: '/pengaturan/pengguna', label: 'nav.users', needs: 'users.manage', group: 'settings', render: () => <UsersScreen /> },
  { path: '/pengaturan/cadangan', label: 'nav.backups', needs: 'backups.manage', group: 'settings', render: () => <BackupsScreen /> },
  { path: '/pengaturan/audit', label: 'nav.audit', needs: 'audit.read', group: 'settings', render: () => <AuditScreen /> },
];

/** "/naskah/12" matches "/naskah/:id" with params ["12"]. */
function matchRoute(path: string): { route: RouteDef; params: string[] } | undefined {
  for (const route of ROUTES) {
    const want = route.path.split('/');
    const got = path.split('/');
    if (want.length !== got.length) continue;
    const params: string[] = [];
    // ":id" matches digits only; other parameters (":kind") any word.
    const fits = (w: string, g: string) => (w === ':id' ? /^\d+$/.test(g) : w.startsWith(':') ? /^\w+$/.test(g) : w === g);
    if (want.every((w, i) => fits(w, got[i]!))) {
      want.forEach((w, i) => w.startsWith(':') && params.push(decodeURIComponent(got[i]!)));
      return { route, params };
    }
  }
  return undefined;
}

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

export function Shell({ onRestored, onEnded }: { onRestored(): void; onEnded(): void }) {
  const { t, lang, setLang } = useI18n();
  const { me, workspace, signOut } = useSession();
  const toast = useToast();
  const path = useRoute();
  const online = useOnline();
  const [conn, setConn] = useState<ConnectionState>('connecting');

  useEffect(
    () =>
      subscribeEvents((e) => {
        emitCoreEvent(e);
        if (e.type === 'workspace.restored') onRestored();
        if (e.type === 'session.ended' && e.userId === me.user.id) onEnded();
        if (e.type === 'backup.failed' && me.permissions.includes('backups.manage')) toast('error', e.message);
        if (e.type === 'watchlist.hit' && e.notify) notifyWatchlistHit(e, t('mon.alertTitle', { name: e.name, n: e.count }), toast);
      }, setConn),
    [me.user.id, me.permissions, onRestored, onEnded, toast, t],
  );

  const allowed = ROUTES.filter((r) => !r.needs || me.permissions.includes(r.needs));
  const matched = matchRoute(path);
  const route = matched?.route;
  const settings = allowed.filter((r) => r.group === 'settings');

  let content: ReactNode;
  if (!route) content = <h1>{t('notfound.title')}</h1>;
  else if (route.needs && !me.permissions.includes(route.needs)) {
    content = (
      <div className="card narrow" data-testid="forbidden">
        <h1>{t('forbidden.title')}</h1>
        <p>{t('forbidden.body', { roles: t('role.admin') })}</p>
      </div>
    );
  } else content = route.render(matched.params);

  const link = (r: RouteDef) => (
    <li key={r.path}>
      <a href={`#${r.path}`} className={route?.label === r.label ? 'active' : undefined} aria-current={r.path === path ? 'page' : undefined}>
        {t(r.label)}
      </a>
    </li>
  );

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Navigasi">
        <div className="brand">
          <div className="brand__name">{t('app.name')}</div>
          <div className="brand__office">{workspace.office?.unitCode} · {workspace.office?.city}</div>
        </div>
        <ul>{allowed.filter((r) => r.group === 'main').map(link)}</ul>
        {settings.length > 0 && (
          <>
            <div className="sidebar__group">{t('nav.settings')}</div>
            <ul>{settings.map(link)}</ul>
          </>
        )}
      </nav>
      <div className="main">
        <header className="topbar">
          <div className="status" data-testid="connection">
            <span className={`dot ${online && conn !== 'lost' ? 'dot--ok' : 'dot--off'}`} aria-hidden="true" />
            {!online ? t('conn.offline') : conn === 'lost' ? t('conn.serverLost') : t('conn.online')}
          </div>
          <div className="topbar__right">
            <button className="btn btn--ghost" onClick={() => setLang(lang === 'id' ? 'en' : 'id')} data-testid="lang-switch">
              {t('lang.switch')}
            </button>
            <span className="who" data-testid="signed-in-user">
              {me.user.displayName} <span className={`badge badge--${me.user.role}`}>{t(`role.${me.user.role}`)}</span>
            </span>
            <button className="btn btn--ghost" onClick={() => void signOut()}>
              {t('nav.logout')}
            </button>
          </div>
        </header>
        <main className="content">{content}</main>
      </div>
    </div>
  );
}
