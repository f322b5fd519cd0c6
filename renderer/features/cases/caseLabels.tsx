import type { CaseSummary } from '../../../src/api/contract';
import { formatDateTime } from '../../app/format';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';

/** Severity and deadline, as every place that shows a case shows them. */
export function CaseBadges({ c }: { c: CaseSummary }) {
  const { t, lang } = useI18n();
  const zone = useZone();
  return (
    <span className="case-badges">
      <span className={`pill sev sev--${c.severity}`}>{t(`severity.${c.severity}`)}</span>
      {c.urgency === 'overdue' && <span className="pill pill--late">{t('cases.overdue')}</span>}
      {c.urgency === 'due_today' && <span className="pill pill--warn">{t('cases.dueToday')}</span>}
      {c.dueAt && c.urgency !== 'none' && <span className="muted small">{t('cases.due', { time: formatDateTime(c.dueAt, zone, lang) })}</span>}
    </span>
  );
}
