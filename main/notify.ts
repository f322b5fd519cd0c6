import { BrowserWindow, Notification } from 'electron';
import type { CoreEvent } from '../src/api/contract';

/**
 * A watchlist that asks for alerts shows a desktop notification; clicking it brings the window
 * forward on the watchlist's items. Text only: nothing from the feed is rendered as markup.
 */
export function notifyWatchlistHit(event: CoreEvent): void {
  if (event.type !== 'watchlist.hit' || !event.notify || !Notification.isSupported()) return;
  const n = new Notification({
    title: `Daftar pantau "${event.name}": ${event.count} berita baru`,
    body: event.title.slice(0, 200),
  });
  n.on('click', () => {
    const w = BrowserWindow.getAllWindows()[0];
    if (!w) return;
    if (w.isMinimized()) w.restore();
    w.focus();
    void w.webContents.executeJavaScript(`location.hash = '#/pantauan/pantau/${Number(event.watchlistId)}'`);
  });
  n.show();
}
