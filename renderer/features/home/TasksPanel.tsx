import type { MyTasks } from '../../../src/api/contract';
import { call } from '../../app/api';
import { useCoreEvent } from '../../app/events';
import { formatDateTime } from '../../app/format';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/id';
import { useAsync } from '../../ui/useAsync';

function DocTasks({ title, items, empty }: { title: MessageKey; items: MyTasks['drafts']; empty: MessageKey }) {
  const { t, lang } = useI18n();
  const zone = useZone();
  return (
    <section className="panel">
      <h2>
        {t(title)} <span className="count">{items.length}</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted small">{t(empty)}</p>
      ) : (
        <ul className="task-list">
          {items.map((d) => (
            <li key={d.id}>
              <a href={`#/naskah/${d.id}`}>{d.title || t('releases.untitled')}</a>
              <div className="muted small">
                {t(`kind.${d.kind}`)} · {d.author.displayName} · {formatDateTime(d.updatedAt, zone, lang)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "My tasks": my drafts, what waits for my review, changes asked of me, and where I was mentioned. */
export function TasksPanel() {
  const { t, lang } = useI18n();
  const zone = useZone();
  const tasks = useAsync(() => call('releases.tasks', {}), []);
  useCoreEvent((e) => (e.type === 'tasks.changed' || e.type === 'release.changed') && tasks.reload());
  if (!tasks.data) return null;
  const d = tasks.data;
  return (
    <div className="tasks" data-testid="tasks">
      <DocTasks title="tasks.toReview" items={d.toReview} empty="tasks.none" />
      <DocTasks title="tasks.changesRequested" items={d.changesRequested} empty="tasks.none" />
      <DocTasks title="tasks.drafts" items={d.drafts} empty="tasks.none" />
      <section className="panel">
        <h2>
          {t('tasks.mentions')} <span className="count">{d.mentions.length}</span>
        </h2>
        {d.mentions.length === 0 ? (
          <p className="muted small">{t('tasks.none')}</p>
        ) : (
          <ul className="task-list">
            {d.mentions.map((m) => (
              <li key={m.commentId}>
                <a href={`#/naskah/${m.documentId}`}>{m.documentTitle || t('releases.untitled')}</a>
                <div className="small">
                  <strong>{m.by.displayName}</strong>: {m.body}
                </div>
                <div className="muted small">
                  {formatDateTime(m.at, zone, lang)} ·{' '}
                  <button className="btn btn--link" onClick={() => void call('releases.mentionDone', { commentId: m.commentId }).then(tasks.reload)}>
                    {t('tasks.done')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
