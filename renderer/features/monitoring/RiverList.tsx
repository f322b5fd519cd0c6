import { useEffect, useRef, useState } from 'react';
import type { RiverItem } from '../../../src/api/contract';
import { formatDateTime } from '../../app/format';
import { useZone } from '../../app/session';
import { useI18n } from '../../i18n/i18n';
import { Marked } from '../../ui/Marked';

/** Rows have one height, so only the ones on screen are in the DOM however many are loaded. */
export const ROW_HEIGHT = 88;
const OVERSCAN = 8;

interface Props {
  items: RiverItem[];
  selectedId: number | null;
  hasMore: boolean;
  loading: boolean;
  onSelect(item: RiverItem): void;
  onNearEnd(): void;
}

export function RiverList({ items, selectedId, hasMore, loading, onSelect, onNearEnd }: Props) {
  const { t, lang } = useI18n();
  const zone = useZone();
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keyboard selection scrolls the chosen row into view.
  useEffect(() => {
    const el = box.current;
    const index = items.findIndex((i) => i.id === selectedId);
    if (!el || index < 0) return;
    const top = index * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
  }, [selectedId, items]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  useEffect(() => {
    if (hasMore && !loading && last >= items.length - OVERSCAN) onNearEnd();
  }, [last, items.length, hasMore, loading, onNearEnd]);

  return (
    <div className="river" ref={box} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} role="listbox" aria-label={t('mon.river')} data-testid="river" data-loaded={items.length}>
      <div style={{ height: items.length * ROW_HEIGHT, position: 'relative' }}>
        {items.slice(first, last).map((item, k) => (
          <div
            key={item.id}
            role="option"
            aria-selected={item.id === selectedId}
            className={`river__row${item.read ? ' river__row--read' : ''}${item.id === selectedId ? ' river__row--selected' : ''}`}
            style={{ top: (first + k) * ROW_HEIGHT, height: ROW_HEIGHT }}
            onClick={() => onSelect(item)}
            data-testid="river-row"
          >
            <div className="river__title">
              {item.starred && <span aria-label={t('mon.starred')}>★ </span>}
              <Marked text={item.titleMarked} />
            </div>
            <div className="river__meta muted small">
              {item.feedTitle}
              {item.sources.length > 0 && ` · ${t('mon.moreSources', { n: item.sources.length })}`}
              {' · '}
              {formatDateTime(item.publishedAt ?? item.fetchedAt, zone, lang)}
              {item.watchlists.map((w) => (
                <span key={w.id} className="chip chip--watch">
                  {w.name}
                </span>
              ))}
              {item.caseId && <span className="chip">{t('mon.tracked', { id: item.caseId })}</span>}
            </div>
            <div className="river__snippet muted small">
              <Marked text={item.snippet} />
            </div>
          </div>
        ))}
      </div>
      {!loading && items.length === 0 && <p className="muted river__empty">{t('mon.empty')}</p>}
      {loading && <p className="muted small river__loading">{t('common.loading')}</p>}
    </div>
  );
}
