import { useState, type FormEvent } from 'react';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatDateTime } from '../../app/format';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { useAsync } from '../../ui/useAsync';

/** What happened to the document, and the conversation about it. */
export function TimelinePanel({ docId, canComment }: { docId: number; canComment: boolean }) {
  const { t, lang } = useI18n();
  const zone = useZone();
  const timeline = useAsync(() => call('releases.timeline', { id: docId }), [docId]);
  const directory = useAsync(() => call('users.directory', {}), []);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  useCoreEvent((e) => e.type === 'release.changed' && e.id === docId && timeline.reload());

  async function send(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    try {
      await call('releases.comment', { id: docId, body: text });
      setText('');
      timeline.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <div data-testid="timeline">
      <ol className="timeline">
        {timeline.data?.map((e) => (
          <li key={`${e.kind}${e.id}`} className={`timeline__item timeline__item--${e.kind}`}>
            <div className="timeline__head">
              <strong>{e.actor.displayName}</strong> · {e.kind === 'comment' ? t('timeline.commented') : t(`timeline.${e.action}` as 'timeline.saved')}
              {e.version ? ` · v${e.version}` : ''}
              <span className="muted small"> · {formatDateTime(e.at, zone, lang)}</span>
            </div>
            {e.note && <div className="timeline__note">{e.note}</div>}
          </li>
        ))}
      </ol>
      {canComment && (
        <form onSubmit={(e) => void send(e)} className="comment-box">
          {error && <Alert kind="error">{error}</Alert>}
          <label htmlFor="comment">{t('timeline.comment')}</label>
          <textarea id="comment" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('timeline.commentHint')} />
          {directory.data && <div className="muted small">{t('timeline.mentionable')} {directory.data.map((u) => `@${u.username}`).join(' ')}</div>}
          <button className="btn btn--small" type="submit" disabled={!text.trim()}>
            {t('timeline.send')}
          </button>
        </form>
      )}
    </div>
  );
}
