/**
 * What each network accepts, counted the way the network counts. Shared by the editor's live
 * counters and the core's final check, so the UI never promises what the core will refuse.
 */
export const CHANNEL_KINDS = ['wordpress', 'facebook', 'instagram', 'x', 'telegram', 'mastodon'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Where each network's API lives unless the admin sets another base URL (self-hosted, tests). */
export const DEFAULT_BASE_URL: Record<ChannelKind, string> = {
  wordpress: '',
  facebook: 'https://graph.facebook.com/v21.0',
  instagram: 'https://graph.facebook.com/v21.0',
  x: 'https://api.x.com',
  telegram: 'https://api.telegram.org',
  mastodon: '',
};

/** The one credential each kind needs (sealed at rest, never shown again). */
export const SECRET_FIELD: Record<ChannelKind, string> = {
  wordpress: 'appPassword',
  facebook: 'accessToken',
  instagram: 'accessToken',
  x: 'accessToken',
  telegram: 'botToken',
  mastodon: 'accessToken',
};

/** Stands for the website post's address until it exists; replaced when the post goes out. */
export const LINK_PLACEHOLDER = '{tautan}';
const URL_RE = /https?:\/\/[^\s]+|\{tautan\}/g;

export interface ChannelLimits {
  maxChars: number;
  maxImages: number;
  needsImage: boolean;
  /** How long any link counts (X and Mastodon shorten every link to 23). */
  linkLength: number | null;
  /** X splits long text into a thread instead of refusing it. */
  threads: boolean;
}

export const LIMITS: Record<Exclude<ChannelKind, 'wordpress'>, ChannelLimits> = {
  x: { maxChars: 280, maxImages: 4, needsImage: false, linkLength: 23, threads: true },
  mastodon: { maxChars: 500, maxImages: 4, needsImage: false, linkLength: 23, threads: false },
  telegram: { maxChars: 4096, maxImages: 1, needsImage: false, linkLength: null, threads: false },
  facebook: { maxChars: 63_206, maxImages: 1, needsImage: false, linkLength: null, threads: false },
  instagram: { maxChars: 2_200, maxImages: 1, needsImage: true, linkLength: null, threads: false },
};

/** Telegram captions under a photo are shorter than messages. */
export const TELEGRAM_CAPTION = 1024;

/** X's weighting (twitter-text v3): Latin and common punctuation count 1, everything else 2. */
function xWeight(cp: number): number {
  return cp <= 0x10ff || (cp >= 0x2000 && cp <= 0x200d) || (cp >= 0x2010 && cp <= 0x201f) || (cp >= 0x2032 && cp <= 0x2037) ? 1 : 2;
}

/** Characters as the network counts them; a link placeholder counts as a typical address would. */
export function countChars(kind: Exclude<ChannelKind, 'wordpress'>, text: string): number {
  const limits = LIMITS[kind];
  let n = 0;
  let last = 0;
  const plain = (s: string) => {
    for (const ch of s) n += kind === 'x' ? xWeight(ch.codePointAt(0)!) : 1;
  };
  for (const m of text.matchAll(URL_RE)) {
    plain(text.slice(last, m.index));
    n += limits.linkLength ?? (m[0] === LINK_PLACEHOLDER ? 60 : [...m[0]].length);
    last = m.index + m[0].length;
  }
  plain(text.slice(last));
  return n;
}

/** A long text for X as a thread: parts of at most 280, split between words, numbered "1/3". */
export function splitThread(text: string, max = 280): string[] {
  if (countChars('x', text) <= max) return [text];
  const words = text.split(/(\s+)/);
  const parts: string[] = [];
  let cur = '';
  const room = max - 8; // " (10/12)"
  for (const w of words) {
    if (countChars('x', cur + w) > room && cur.trim()) {
      parts.push(cur.trim());
      cur = w.trimStart();
    } else cur += w;
  }
  if (cur.trim()) parts.push(cur.trim());
  return parts.map((p, i) => `${p} (${i + 1}/${parts.length})`);
}

export type VariantProblem = { code: 'tooLong'; count: number; max: number } | { code: 'needsImage' } | { code: 'tooManyImages'; count: number; max: number } | { code: 'empty' };

/** What the network would refuse in this text and image count. */
export function checkVariant(kind: Exclude<ChannelKind, 'wordpress'>, text: string, images: number, maxChars?: number): VariantProblem[] {
  const limits = LIMITS[kind];
  const problems: VariantProblem[] = [];
  if (!text.trim() && !images) problems.push({ code: 'empty' });
  const max = kind === 'telegram' && images ? TELEGRAM_CAPTION : (maxChars ?? limits.maxChars);
  const count = countChars(kind, text);
  if (count > max && !limits.threads) problems.push({ code: 'tooLong', count, max });
  if (limits.needsImage && !images) problems.push({ code: 'needsImage' });
  if (images > limits.maxImages) problems.push({ code: 'tooManyImages', count: images, max: limits.maxImages });
  return problems;
}
