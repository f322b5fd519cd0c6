import { useRef, useState } from 'react';
import { escapeHtml } from '../../../src/shared/escape-html';
import type { ItemView } from '../../../src/api/contract';
import { call } from '../../app/api';
import { formatDateTime } from '../../app/format';
import { navigate } from '../../app/router';
import { useSession, useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Alert } from '../../ui/Alert';
import { useAsync } from '../../ui/useAsync';
import { QuoteModal } from './QuoteModal';

interface Props {
  id: number;
  /** Bumped by the screen when it changes the item (star, read), so the reader shows it. */
  revision: number;
  onToggleStar(item: ItemView): void;
  onMarkUnread(item: ItemView): void;
}

/** One item: its sanitized HTML (from the core), its other outlets, and what can be done with it. */
export function Reader({ id, revision, onToggleStar, onMarkUnread }: Props) {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const zone = useZone();
  const item = useAsync(() => call('items.get', { id }), [id, revision]);
  const body = useRef<HTMLDivElement>(null);
  const [imagesShown, setImagesShown] = useState<number | null>(null);
  const [error, setError] = useState<string>();
  const [quote, setQuote] = useState<string | null>(null);

  if (item.error) return <Alert kind="error">{item.error}</Alert>;
  const it = item.data;
  if (!it || it.id !== id) return <p className="muted">{t('common.loading')}</p>;

  function showImages() {
    for (const img of body.current?.querySelectorAll<HTMLImageElement>('img[data-src]') ?? []) img.src = img.dataset.src!;
    setImagesShown(id);
  }

  async function track(kind: 'rumor' | 'complaint') {
    setError(undefined);
    try {
      const { caseId } = await call('items.track', { id, kind });
      navigate(`/kasus/${caseId}`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function startQuote() {
    const selected = window.getSelection()?.toString().trim() ?? '';
    const inside = selected && body.current?.contains(window.getSelection()?.anchorNode ?? null);
    setQuote(inside ? selected : it!.text.split(/\s+/).slice(0, 60).join(' '));
  }

  return (
    <article className="reader" data-testid="reader" aria-label={it.title}>
      <h2 className="reader__title">{it.title}</h2>
      <p className="muted small">
        {it.feedTitle}
        {it.author && ` · ${it.author}`} · {formatDateTime(it.publishedAt ?? it.fetchedAt, zone, lang)}
      </p>
      {it.watchlists.length > 0 && (
        <p>
          {it.watchlists.map((w) => (
            <span key={w.id} className="chip chip--watch">
              {w.name}
            </span>
          ))}
        </p>
      )}
      <div className="actions actions--left">
        {it.link && (
          <a className="btn" href={it.link} target="_blank" rel="noopener noreferrer" data-testid="reader-open">
            {t('mon.openOriginal')}
          </a>
        )}
        <button className="btn" onClick={() => onToggleStar(it)} aria-pressed={it.starred}>
          {it.starred ? t('mon.unstar') : t('mon.star')}
        </button>
        <button className="btn" onClick={() => onMarkUnread(it)}>
          {t('mon.markUnread')}
        </button>
        {it.images > 0 && imagesShown !== id && (
          <button className="btn" onClick={showImages} data-testid="show-images">
            {t('mon.showImages', { n: it.images })}
          </button>
        )}
      </div>
      <div className="actions actions--left">
        {me.permissions.includes('cases.write') &&
          (it.caseId ? (
            <a className="btn" href={`#/kasus/${it.caseId}`}>
              {t('mon.tracked', { id: it.caseId })}
            </a>
          ) : (
            <>
              <button className="btn" onClick={() => void track('rumor')} data-testid="track-rumor">
                {t('mon.trackRumor')}
              </button>
              <button className="btn" onClick={() => void track('complaint')}>
                {t('mon.trackComplaint')}
              </button>
            </>
          ))}
        {me.permissions.includes('releases.write') && (
          <button className="btn" onClick={startQuote} title={t('mon.useInReleaseHint')}>
            {t('mon.useInRelease')}
          </button>
        )}
      </div>
      {error && <Alert kind="error">{error}</Alert>}
      {/* Sanitized by DOMPurify in the core; images arrive without src, links open outside the app. */}
      <div className="reader__body" ref={body} dangerouslySetInnerHTML={{ __html: it.html || `<p>${escapeHtml(it.text)}</p>` }} />
      {it.sources.length > 0 && (
        <section className="reader__sources">
          <h3>{t('mon.sources')}</h3>
          <ul>
            {it.sources.map((s) => (
              <li key={s.itemId}>
                {s.link ? (
                  <a href={s.link} target="_blank" rel="noopener noreferrer">
                    {s.feedTitle}
                  </a>
                ) : (
                  s.feedTitle
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {quote !== null && <QuoteModal item={it} text={quote} onClose={() => setQuote(null)} />}
    </article>
  );
}
