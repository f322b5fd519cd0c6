import type { Core } from '../core';
import type { ChannelKind } from '../shared/channel-rules';

/** Requests a channel allows per window, counted here so the outbox waits instead of being refused. */
export const REQUEST_LIMITS: Partial<Record<ChannelKind, { max: number; windowMs: number }>> = {
  // Mastodon's default: 300 requests per 5 minutes per account (a margin kept for the UI's own calls).
  mastodon: { max: 290, windowMs: 5 * 60_000 },
  // Telegram: about 20 messages a minute to one channel.
  telegram: { max: 20, windowMs: 60_000 },
};

// Keyed by workspace folder and channel id: a process may open more than one workspace (tests).
const recent = new Map<string, number[]>();

export function rateKey(core: Core, channelId: number): string {
  return `${core.ws.dir}#${channelId}`;
}

export function countRequest(key: string, now: Date): void {
  const list = recent.get(key) ?? [];
  list.push(now.getTime());
  recent.set(key, list);
}

/** When the channel may next be called: now, or when the oldest request in the window expires. */
export function nextAllowed(key: string, kind: ChannelKind, now: Date): number {
  const limit = REQUEST_LIMITS[kind];
  if (!limit) return now.getTime();
  const since = now.getTime() - limit.windowMs;
  const list = (recent.get(key) ?? []).filter((t) => t > since);
  recent.set(key, list);
  // A send makes a few requests (media, then the post); keep room for them.
  return list.length + 3 <= limit.max ? now.getTime() : list[list.length + 3 - limit.max]! + limit.windowMs;
}
