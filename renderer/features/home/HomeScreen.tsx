import { useState } from 'react';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatDateTime, formatLongDate, hourIn } from '../../app/format';
import { useSession, useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/id';
import { useAsync } from '../../ui/useAsync';
import { CaseTiles } from './CaseTiles';
import { MonitoringTiles } from './MonitoringTiles';
import { TasksPanel } from './TasksPanel';

const DAY_MS = 24 * 60 * 60 * 1000;

function greetingKey(hour: number): MessageKey {
  if (hour < 11) return 'home.greeting.morning';
  if (hour < 15) return 'home.greeting.noon';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

function AdminTiles() {
  const { t, lang } = useI18n();
  const zone = useZone();
  const backups = useAsync(() => call('backups.list', {}), []);
  const users = useAsync(() => call('users.list', {}), []);
  useCoreEvent((e) => {
    if (e.type === 'backup.created') backups.reload();
    if (e.type === 'users.changed') users.reload();
  });
  const [now] = useState(() => Date.now());
  const latest = backups.data?.[0];
  const stale = latest && now - Date.parse(latest.createdAt) > DAY_MS + 60 * 60 * 1000;
  return (
    <>
      <a className="tile" href="#/pengaturan/cadangan" data-testid="tile-backup">
        <div className="tile__label">{t('home.backup')}</div>
        <div className="tile__value">{latest ? formatDateTime(latest.createdAt, zone, lang) : t('home.backup.none')}</div>
        {stale && <div className="tile__warn">{t('home.backup.stale')}</div>}
      </a>
      <a className="tile" href="#/pengaturan/pengguna">
        <div className="tile__label">{t('home.users')}</div>
        <div className="tile__value tile__value--big">{users.data ? users.data.filter((u) => u.active).length : '…'}</div>
      </a>
    </>
  );
}

export function HomeScreen() {
  const { t, lang } = useI18n();
  const { me, workspace } = useSession();
  const zone = useZone();
  const now = new Date();
  const firstName = me.user.displayName.split(' ')[0];
  return (
    <div className="page">
      <h1 data-testid="greeting">
        {t(greetingKey(hourIn(now, zone)))}, {firstName}
      </h1>
      <p className="muted">
        {formatLongDate(now, zone, lang)} · {workspace.office?.officeName}
      </p>
      <div className="tiles">
        <div className="tile">
          <div className="tile__label">{t('home.yourRole')}</div>
          <div className="tile__value">{t(`role.${me.user.role}`)}</div>
          <div className="tile__note">{t(`role.${me.user.role}.desc`)}</div>
        </div>
        <div className="tile">
          <div className="tile__label">{t('home.office')}</div>
          <div className="tile__value">
            {workspace.office?.city.toUpperCase()}, {workspace.office?.unitCode} –
          </div>
          <div className="tile__note">{t(`tz.${zone}`)}</div>
        </div>
        {me.permissions.includes('backups.manage') && <AdminTiles />}
      </div>
      {me.permissions.includes('cases.read') && <CaseTiles />}
      {me.permissions.includes('monitoring.read') && <MonitoringTiles />}
      <h2 className="section-title">{t('tasks.title')}</h2>
      <TasksPanel />
    </div>
  );
}
