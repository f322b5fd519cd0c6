import { useState } from 'react';
import type { ItemView } from '../../../src/api/contract';
import { call } from '../../app/api';
import { formatLongDate } from '../../app/format';
import { setPendingQuote } from '../../app/handoff';
import { navigate } from '../../app/router';
import { useSession, useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { Modal } from '../../ui/Modal';
import { useAsync } from '../../ui/useAsync';

/** "Use in release": picks a draft the user may edit (or starts a new release) and carries the quote there. */
export function QuoteModal({ item, text, onClose }: { item: ItemView; text: string; onClose(): void }) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const zone = useZone();
  const [error, setError] = useState<string>();
  const editAny = me.permissions.includes('releases.editAny');
  const drafts = useAsync(() => call('releases.list', { status: 'draft', sort: 'updated', limit: 20, ...(editAny ? {} : { authorId: me.user.id }) }), []);

  function go(docId: number) {
    setPendingQuote({ docId, text, source: item.feedTitle, link: item.link, date: formatLongDate(new Date(item.publishedAt ?? item.fetchedAt), zone, lang) });
    navigate(`/naskah/${docId}`);
  }

  async function startNew() {
    try {
      const doc = await call('releases.create', { kind: 'siaran_pers' });
      go(doc.id);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <Modal title={t('mon.useInRelease')} onClose={onClose}>
      <blockquote className="quote-preview">“{text}”</blockquote>
      <p className="muted small">{t('mon.quoteSource', { source: item.feedTitle })}</p>
      {(error ?? drafts.error) && <Alert kind="error">{error ?? drafts.error}</Alert>}
      <h3>{t('mon.chooseDraft')}</h3>
      <ul className="plain-list">
        {drafts.data?.items.map((d) => (
          <li key={d.id}>
            <button className="btn btn--link" onClick={() => go(d.id)}>
              {d.title || t('releases.untitled')}
            </button>{' '}
            <span className="muted small">{d.author.displayName}</span>
          </li>
        ))}
        {drafts.data?.items.length === 0 && <li className="muted">{t('mon.noDrafts')}</li>}
      </ul>
      <div className="actions">
        <button className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button className="btn btn--primary" onClick={() => void startNew()}>
          {t('mon.newRelease')}
        </button>
      </div>
    </Modal>
  );
}
