import { call } from '../../app/api';
import { useI18n } from '../../i18n/i18n';
import { useToast } from '../../ui/toasts';
import { useAsync } from '../../ui/useAsync';

/** The ClaimReview JSON-LD of a published clarification, ready to paste into the website. */
export function ClaimReviewPanel({ docId, version }: { docId: number; version: number }) {
  const { t } = useI18n();
  const toast = useToast();
  const review = useAsync(() => call('cases.claimReview', { documentId: docId }), [docId, version]);
  if (!review.data) return null;
  const text = `<script type="application/ld+json">\n${JSON.stringify(review.data, null, 2)}\n</script>`;
  return (
    <section className="panel" data-testid="claim-review">
      <h2>{t('claimReview.title')}</h2>
      <p className="muted small">{t('claimReview.hint')}</p>
      <pre className="jsonld">{text}</pre>
      <button className="btn btn--small" onClick={() => void navigator.clipboard.writeText(text).then(() => toast('success', t('claimReview.copied')), (e: Error) => toast('error', e.message))}>
        {t('claimReview.copy')}
      </button>
    </section>
  );
}
