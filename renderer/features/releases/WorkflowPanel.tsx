import { useState, type FormEvent } from 'react';
import type { DocumentView } from '../../../src/api/contract';
import { call } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/id';
import { Alert } from '../../ui/Alert';
import { TextField } from '../../ui/Field';
import { Modal } from '../../ui/Modal';

type Action = 'submit' | 'approve' | 'request_changes' | 'mark_published' | 'withdraw';

const ASK: Partial<Record<Action, 'note' | 'url'>> = { request_changes: 'note', withdraw: 'note', mark_published: 'url' };

/** The next steps this person may take, as buttons; each asks for its note or URL first. */
export function WorkflowPanel({ doc, beforeAction, onDone }: { doc: DocumentView; beforeAction(): Promise<boolean>; onDone(d: DocumentView): void }) {
  const { t, lang } = useI18n();
  const zone = useZone();
  const [asking, setAsking] = useState<Action>();
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(action: Action, input: { note?: string; url?: string } = {}) {
    setBusy(true);
    setError(undefined);
    try {
      if (!(await beforeAction())) return;
      onDone(await call('releases.transition', { id: doc.id, action, ...input }));
      setAsking(undefined);
      setText('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const buttons: { action: Action; allowed: boolean; label: MessageKey; primary?: boolean }[] = [
    { action: 'submit', allowed: doc.can.submit, label: 'workflow.submit', primary: true },
    { action: 'approve', allowed: doc.can.approve, label: 'workflow.approve', primary: true },
    { action: 'request_changes', allowed: doc.can.requestChanges, label: 'workflow.requestChanges' },
    { action: 'mark_published', allowed: doc.can.markPublished, label: 'workflow.markPublished', primary: true },
    { action: 'withdraw', allowed: doc.can.withdraw, label: 'workflow.withdraw' },
  ];
  const visible = buttons.filter((b) => b.allowed);
  const ownInReview = doc.status === 'in_review' && !doc.can.approve && doc.can.requestChanges;

  function submitAsk(e: FormEvent) {
    e.preventDefault();
    if (!asking) return;
    void run(asking, ASK[asking] === 'url' ? { url: text } : { note: text });
  }

  return (
    <section className="panel" aria-labelledby="workflow-title" data-testid="workflow">
      <h2 id="workflow-title">{t('workflow.title')}</h2>
      <p>
        <span className={`pill pill--status-${doc.status}`}>{t(`status.${doc.status}`)}</span>
        {doc.isCorrection && <span className="pill pill--warn">{t('workflow.correction')}</span>}
      </p>
      {doc.publishedUrl && (
        <p className="small">
          {t('workflow.liveAt')}{' '}
          <a href={doc.publishedUrl} target="_blank" rel="noreferrer noopener">
            {doc.publishedUrl}
          </a>
          {doc.publishedAt && ` · ${formatDateTime(doc.publishedAt, zone, lang)}`}
        </p>
      )}
      {ownInReview && <p className="muted small">{t('workflow.ownText')}</p>}
      {error && <Alert kind="error">{error}</Alert>}
      <div className="stack-buttons">
        {visible.map((b) => (
          <button
            key={b.action}
            className={`btn${b.primary ? ' btn--primary' : ''}`}
            disabled={busy}
            onClick={() => (ASK[b.action] ? (setAsking(b.action), setText(''), setError(undefined)) : void run(b.action))}
          >
            {t(b.label)}
          </button>
        ))}
      </div>
      {visible.length === 0 && <p className="muted small">{t('workflow.nothingToDo')}</p>}
      {asking && (
        <Modal title={t(buttons.find((b) => b.action === asking)!.label)} onClose={() => setAsking(undefined)}>
          <form onSubmit={submitAsk}>
            {error && <Alert kind="error">{error}</Alert>}
            {ASK[asking] === 'url' ? (
              <TextField label={t('workflow.url')} hint={t('workflow.urlHint')} type="url" value={text} onChange={setText} autoFocus name="url" />
            ) : (
              <div className="field">
                <label htmlFor="workflow-note">{t('workflow.note')}</label>
                <textarea id="workflow-note" rows={4} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
              </div>
            )}
            <div className="actions">
              <button type="button" className="btn" onClick={() => setAsking(undefined)}>
                {t('common.cancel')}
              </button>
              <button type="submit" className="btn btn--primary" disabled={busy}>
                {t(buttons.find((b) => b.action === asking)!.label)}
              </button>
            </div>
          </form>
        </Modal>
      )}
    </section>
  );
}
