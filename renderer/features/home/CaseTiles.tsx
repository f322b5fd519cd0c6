import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { useI18n } from '../../i18n/i18n';
import { useAsync } from '../../ui/useAsync';

/** Opened vs closed per day, as plain SVG bars (no chart library, nothing inline to trip the CSP). */
function Chart({ daily }: { daily: { day: string; opened: number; closed: number }[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...daily.flatMap((d) => [d.opened, d.closed]));
  const w = 600;
  const h = 120;
  const slot = w / daily.length;
  return (
    <figure className="chart" data-testid="case-chart">
      <svg viewBox={`0 0 ${w} ${h + 18}`} role="img" aria-label={t('home.chartTitle')}>
        {daily.map((d, i) => {
          const oh = (d.opened / max) * h;
          const ch = (d.closed / max) * h;
          return (
            <g key={d.day}>
              <title>{`${d.day}: ${t('home.chartOpened')} ${d.opened}, ${t('home.chartClosed')} ${d.closed}`}</title>
              <rect className="chart__opened" x={i * slot + 2} y={h - oh} width={slot / 2 - 2} height={oh} />
              <rect className="chart__closed" x={i * slot + slot / 2} y={h - ch} width={slot / 2 - 2} height={ch} />
              {i % 5 === 0 && (
                <text x={i * slot + 2} y={h + 14} className="chart__label">
                  {d.day.slice(8)}/{d.day.slice(5, 7)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">
        <span className="swatch swatch--opened" /> {t('home.chartOpened')} <span className="swatch swatch--closed" /> {t('home.chartClosed')} · {t('home.chartTitle')}
      </figcaption>
    </figure>
  );
}

function CountTile({ label, n, alert = false }: { label: string; n: number; alert?: boolean }) {
  return (
    <a className={`tile${alert && n ? ' tile--alert' : ''}`} href="#/kasus">
      <div className="tile__label">{label}</div>
      <div className="tile__value tile__value--big">{n}</div>
    </a>
  );
}

export function CaseTiles() {
  const { t } = useI18n();
  const stats = useAsync(() => call('cases.stats', {}), []);
  useCoreEvent((e) => e.type === 'case.changed' && stats.reload());
  const s = stats.data;
  if (!s) return null;
  return (
    <>
      <h2 className="section-title">{t('cases.title')}</h2>
      <div className="tiles" data-testid="case-tiles">
        <a className="tile" href="#/kasus">
          <div className="tile__label">{t('home.openBySeverity')}</div>
          <div className="sev-row">
            {(['critical', 'high', 'medium', 'low'] as const).map((k) => (
              <span key={k} className={`pill sev sev--${k}`}>
                {t(`severity.${k}`)} {s.openBySeverity[k]}
              </span>
            ))}
          </div>
        </a>
        <CountTile label={t('cases.overdue')} n={s.overdue} alert />
        <CountTile label={t('cases.dueToday')} n={s.dueToday} />
        <CountTile label={t('home.new24h')} n={s.new24h} />
        <CountTile label={t('home.mine')} n={s.mine} />
      </div>
      <Chart daily={s.daily} />
    </>
  );
}
