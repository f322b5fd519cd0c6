import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../ui/useAsync';

/** Pantauan on the home screen: today's watchlist matches, spikes, and feeds that need attention. */
export function MonitoringTiles() {
  const { t } = useI18n();
  const summary = useAsync(() => call('watchlists.summary', {}), []);
  useCoreEvent((e) => (e.type === 'watchlist.hit' || e.type === 'feeds.changed') && summary.reload());
  const s = summary.data;
  if (!s) return null;
  return (
    <>
    <h2 className="section-title">{t('nav.monitoring')}</h2>
    <section className="tiles" aria-label={t('nav.monitoring')} data-testid="monitoring-tiles">
      <a className="tile" href="#/pantauan/daftar">
        <div className="tile__label">{t('home.watchHits')}</div>
        <div className="tile__value tile__value--big">{s.hits24h}</div>
      </a>
      <a className="tile" href="#/pantauan">
        <div className="tile__label">{t('home.watchUnread')}</div>
        <div className="tile__value tile__value--big">{s.unread}</div>
      </a>
      {s.spiking.map((w) => (
        <a key={w.id} className="tile tile--alert" href={`#/pantauan/pantau/${w.id}`}>
          <div className="tile__label">{t('home.watchSpike', { name: w.name })}</div>
          <div className="tile__value tile__value--big">↑</div>
        </a>
      ))}
      {s.failingFeeds > 0 && (
        <a className="tile tile--alert" href="#/pantauan">
          <div className="tile__label">{t('home.failingFeeds')}</div>
          <div className="tile__value tile__value--big">{s.failingFeeds}</div>
        </a>
      )}
    </section>
    </>
  );
}
