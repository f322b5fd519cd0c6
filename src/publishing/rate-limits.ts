import type { ChannelKind } from '../shared/channel-rules';

/** Requests a channel allows per window, counted here so the outbox waits instead of being refused. */
export const REQUEST_LIMITS: Partial<Record<ChannelKind, { max: number; windowMs: number }>> = {
  // Mastodon's default: 300 requests per 5 minutes per account (a margin kept for the UI's own calls).
  mastodon: { max: 290, windowMs: 5 * 60_000 },
  // Telegram: about 20 messages a minute to one channel.
  telegram: { max: 20, windowMs: 60_000 },
};

const recent = new Map<number, number[]>();

export function countRequest(channelId: number, now: Date): void {
  const list = recent.get(channelId) ?? [];
  list.push(now.getTime());
  recent.set(channelId, list);
}

/** When the channel may next be called: now, or when the oldest request in the window expires. */
export function nextAllowed(channelId: number, kind: ChannelKind, now: Date): number {
  const limit = REQUEST_LIMITS[kind];
  if (!limit) return now.getTime();
  const since = now.getTime() - limit.windowMs;
  const list = (recent.get(channelId) ?? []).filter((t) => t > since);
  recent.set(channelId, list);
  // A send makes a few requests (media, then the post); keep room for them.
  return list.length + 3 <= limit.max ? now.getTime() : list[list.length + 3 - limit.max]! + limit.windowMs;
}
