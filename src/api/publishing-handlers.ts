import { listChannels, removeChannel, saveChannel, testChannel } from '../publishing/channels';
import { cancelPublication, outbox, prepare, publicationsOf, publish, resolveUnknown, retryPublication } from '../publishing/service';
import { signedIn } from './signed-in';
import type { Method } from './contract';
import type { Handlers } from './handlers';

type PublishingMethod = Extract<Method, `channels.${string}` | `publications.${string}`>;

export const publishingHandlers: Pick<Handlers, PublishingMethod> = {
  'channels.list': ({ core, actor, lang }) => listChannels(core, signedIn(actor), lang),
  'channels.save': ({ core, actor, input }) => saveChannel(core, signedIn(actor), input),
  'channels.remove': ({ core, actor, input }) => {
    removeChannel(core, signedIn(actor), input.id);
    return null;
  },
  'channels.test': ({ core, actor, input, lang }) => testChannel(core, signedIn(actor), input.id, lang),
  'publications.prepare': ({ core, actor, input }) => prepare(core, signedIn(actor), input.documentId, input.channelIds),
  'publications.publish': ({ core, actor, input, lang }) => publish(core, signedIn(actor), input, lang),
  'publications.ofDocument': ({ core, actor, input, lang }) => publicationsOf(core, signedIn(actor), input.documentId, lang),
  'publications.outbox': ({ core, actor, input, lang }) => outbox(core, signedIn(actor), input.status, lang),
  'publications.cancel': ({ core, actor, input }) => {
    cancelPublication(core, signedIn(actor), input.id);
    return null;
  },
  'publications.retry': ({ core, actor, input }) => {
    retryPublication(core, signedIn(actor), input.id);
    return null;
  },
  'publications.resolve': ({ core, actor, input }) => {
    resolveUnknown(core, signedIn(actor), input.id, input.posted, input.url);
    return null;
  },
};
