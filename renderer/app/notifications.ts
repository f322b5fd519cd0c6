import type { CoreEvent } from '../../src/api/contract';
import { isDesktop } from './api';
import { navigate } from './router';

type Hit = Extract<CoreEvent, { type: 'watchlist.hit' }>;

/**
 * A watchlist that asks for alerts: a toast in the app, and in the browser (serve mode) a system
 * notification when the user allowed it. The desktop app's main process shows its own.
 */
export function notifyWatchlistHit(e: Hit, title: string, toast: (kind: 'info', text: string) => void): void {
  toast('info', `${title} — ${e.title}`);
  if (isDesktop || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const n = new Notification(title, { body: e.title.slice(0, 200), tag: `watchlist-${e.watchlistId}` });
  n.onclick = () => {
    window.focus();
    navigate(`/pantauan/pantau/${e.watchlistId}`);
  };
}
