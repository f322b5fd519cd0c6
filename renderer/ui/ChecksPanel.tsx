import { checkMessage, type CheckReport } from '../../src/shared/release-checks';
import { useI18n } from '../i18n/i18n';

/** The house rules as the writer types: errors block submission, warnings only inform. */
export function ChecksPanel({ report }: { report: CheckReport }) {
  const { t, lang } = useI18n();
  const errors = report.results.filter((r) => r.severity === 'error');
  const warnings = report.results.filter((r) => r.severity === 'warning');
  return (
    <section className="panel" aria-labelledby="checks-title" data-testid="checks">
      <h2 id="checks-title">{t('checks.title')}</h2>
      <p className="muted small">{t('checks.words', { n: report.words })}</p>
      {report.results.length === 0 && <p className="check-ok">{t('checks.allGood')}</p>}
      <ul className="checks">
        {errors.map((r, i) => (
          <li key={`e${i}`} className="checks__error">
            {checkMessage(lang, r)}
          </li>
        ))}
        {warnings.map((r, i) => (
          <li key={`w${i}`} className="checks__warning">
            {checkMessage(lang, r)}
          </li>
        ))}
      </ul>
    </section>
  );
}
