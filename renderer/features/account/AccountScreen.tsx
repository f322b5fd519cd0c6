import { useSession, useZone } from '../../app/session';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../i18n/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountScreen() {
  const { t, lang } = useI18n();
  const { me, refresh } = useSession();
  const zone = useZone();
  const u = me.user;
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <div className="grid2">
        <section className="card">
          <dl className="facts">
            <dt>{t('user.displayName')}</dt>
            <dd>{u.displayName}</dd>
            <dt>{t('user.username')}</dt>
            <dd>{u.username}</dd>
            <dt>{t('user.initials')}</dt>
            <dd>({u.initials})</dd>
            <dt>{t('user.role')}</dt>
            <dd>
              {t(`role.${u.role}`)} — {t(`role.${u.role}.desc`)}
            </dd>
            <dt>{t('home.lastLogin')}</dt>
            <dd>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, zone, lang) : t('users.never')}</dd>
          </dl>
        </section>
        <section className="card">
          <h2>{t('password.changeTitle')}</h2>
          <ChangePasswordForm onChanged={() => void refresh()} />
        </section>
      </div>
    </div>
  );
}
