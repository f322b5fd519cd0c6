import type { ChannelKind } from '../../shared/channel-rules';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { mastodon } from './mastodon';
import { telegram } from './telegram';
import type { Adapter } from './types';
import { wordpress } from './wordpress';
import { x } from './x';

export const ADAPTERS: Record<ChannelKind, Adapter> = { wordpress, facebook, instagram, x, telegram, mastodon };
