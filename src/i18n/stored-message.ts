import { translate, type Lang, type MessageKey, type MessageParams } from './messages';

/**
 * A message kept in the database (a feed's last error, a job's failure) as its key, so each
 * reader sees it in their own language. A parameter may itself be a stored message
 * ("gave up after 10 attempts: <why>").
 */
export interface StoredMessage {
  key: MessageKey;
  params: Record<string, string | number | StoredMessage>;
}

/** One whose parameters are plain values: it can also be thrown as an AppError. */
export interface FlatMessage extends StoredMessage {
  params: MessageParams;
}

export function message<P extends StoredMessage['params'] = MessageParams>(key: MessageKey, params: P = {} as P): { key: MessageKey; params: P } {
  return { key, params };
}

export function say(lang: Lang, m: StoredMessage): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params)) params[k] = typeof v === 'object' ? say(lang, v) : v;
  return translate(lang, m.key, params);
}

/** Reads what was stored (JSON); plain text stored by an older version is shown as it is. */
export function sayStored(lang: Lang, stored: string | null): string | null {
  if (!stored) return null;
  try {
    return say(lang, JSON.parse(stored) as StoredMessage);
  } catch {
    return stored;
  }
}
