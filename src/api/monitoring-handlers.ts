import { addFeed, createFolder, deleteFolder, feedById, listFeeds, refreshNow, removeFeed, renameFolder, setPaused, updateFeed } from '../monitoring/feeds';
import { getItem, listItems, markAllRead, markItems } from '../monitoring/items';
import { exportOpml, importOpml } from '../monitoring/opml';
import { trackItem } from '../monitoring/track';
import { listWatchlists, previewQuery, removeWatchlist, saveWatchlist, watchlistSummary } from '../monitoring/watchlists';
import { signedIn } from './signed-in';
import type { Method } from './contract';
import type { Handlers } from './handlers';

type MonitoringMethod = Extract<Method, `feeds.${string}` | `items.${string}` | `watchlists.${string}`>;

export const monitoringHandlers: Pick<Handlers, MonitoringMethod> = {
  'feeds.list': ({ core, actor, lang }) => listFeeds(core, signedIn(actor), lang),
  'feeds.add': async ({ core, actor, input, lang }) => {
    const { feedId, candidates } = await addFeed(core, signedIn(actor), input);
    return { feed: feedId ? feedById(core, signedIn(actor), feedId, lang) : null, candidates };
  },
  'feeds.update': ({ core, actor, input, lang }) => {
    updateFeed(core, signedIn(actor), input);
    return feedById(core, signedIn(actor), input.id, lang);
  },
  'feeds.setPaused': ({ core, actor, input, lang }) => {
    setPaused(core, signedIn(actor), input.id, input.paused);
    return feedById(core, signedIn(actor), input.id, lang);
  },
  'feeds.remove': ({ core, actor, input }) => {
    removeFeed(core, signedIn(actor), input.id);
    return null;
  },
  'feeds.refresh': async ({ core, actor, input, lang }) => {
    const outcome = await refreshNow(core, signedIn(actor), input.id);
    return { feed: feedById(core, signedIn(actor), input.id, lang), newItems: outcome.kind === 'updated' ? outcome.newItems.length : 0 };
  },
  'feeds.createFolder': ({ core, actor, input }) => createFolder(core, signedIn(actor), input.name),
  'feeds.renameFolder': ({ core, actor, input }) => {
    renameFolder(core, signedIn(actor), input.id, input.name);
    return null;
  },
  'feeds.deleteFolder': ({ core, actor, input }) => {
    deleteFolder(core, signedIn(actor), input.id);
    return null;
  },
  'feeds.importOpml': ({ core, actor, input }) => importOpml(core, signedIn(actor), input.text),
  'feeds.exportOpml': ({ core, actor }) => exportOpml(core, signedIn(actor)),
  'items.list': ({ core, actor, input }) => listItems(core, signedIn(actor), input),
  'items.get': ({ core, actor, input }) => getItem(core, signedIn(actor), input.id),
  'items.mark': ({ core, actor, input }) => {
    markItems(core, signedIn(actor), input);
    return null;
  },
  'items.markAllRead': ({ core, actor, input }) => ({ marked: markAllRead(core, signedIn(actor), input.scope, input.upTo) }),
  'items.track': ({ core, actor, input }) => ({ caseId: trackItem(core, signedIn(actor), input.id, input.kind) }),
  'watchlists.list': ({ core, actor }) => listWatchlists(core, signedIn(actor)),
  'watchlists.save': ({ core, actor, input }) => saveWatchlist(core, signedIn(actor), input),
  'watchlists.remove': ({ core, actor, input }) => {
    removeWatchlist(core, signedIn(actor), input.id);
    return null;
  },
  'watchlists.preview': ({ core, actor, input }) => {
    const { count, titles } = previewQuery(core, signedIn(actor), input.query, input.folderIds);
    return { count, titles };
  },
  'watchlists.summary': ({ core, actor }) => watchlistSummary(core, signedIn(actor)),
};
