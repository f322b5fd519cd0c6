import type { ChannelKind } from '../../shared/channel-rules';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { mastodon } from './mastodon';
import { telegram } from './telegram';
import type { Adapter } from './types';
import { wordpress } from './wordpress';
import { x } from './x';

export const ADAPTERS: Record<ChannelKind, Adapter> = { wordpress, facebook, instagram, x, telegram, mastodon };

/** Where each network's API lives unless the admin sets another base URL (self-hosted, tests). */
export const DEFAULT_BASE_URL: Record<ChannelKind, string> = {
  wordpress: '',
  facebook: 'https://graph.facebook.com/v21.0',
  instagram: 'https://graph.facebook.com/v21.0',
  x: 'https://api.x.com',
  telegram: 'https://api.telegram.org',
  mastodon: '',
};

/** The secret fields each kind needs (never shown again once saved). */
export const SECRET_FIELDS: Record<ChannelKind, string[]> = {
  wordpress: ['appPassword'],
  facebook: ['accessToken'],
  instagram: ['accessToken'],
  x: ['accessToken'],
  telegram: ['botToken'],
  mastodon: ['accessToken'],
};
