import { isAppError } from '../errors';
import { translate, type Lang, type MessageKey } from '../i18n/messages';
import { ChannelError } from './adapters/types';
import { TransportError } from './http';

/**
 * A failure as stored on a job or a channel: a message key whose parameters may themselves be
 * failures ("gave up after 10 attempts: <why>"), said in the reader's language when shown.
 */
export interface Failure {
  key: MessageKey;
  params: Record<string, string | number | Failure>;
}

export function failure(key: MessageKey, params: Failure['params'] = {}): Failure {
  return { key, params };
}

/** Any failure of a channel call. The network's own words (mostly English) are kept as they came. */
export function describeFailure(e: unknown): Failure {
  if (e instanceof ChannelError) return failure(e.kind === 'auth' ? 'publishing.fail.auth' : 'publishing.fail.channel', { message: e.message });
  if (e instanceof TransportError) {
    if (e.code === 'BAD_URL') return failure('publishing.fail.badUrl');
    return failure(e.sent ? 'publishing.fail.lostAnswer' : 'publishing.fail.offline', { code: e.code });
  }
  if (isAppError(e)) return failure(e.key, e.params);
  return failure('publishing.fail.unexpected', { message: e instanceof Error ? e.message : String(e) });
}

export function say(lang: Lang, f: Failure): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.params)) params[k] = typeof v === 'object' ? say(lang, v) : v;
  return translate(lang, f.key, params);
}

/** Reads what was stored (JSON); text stored by an older build is shown as it is. */
export function sayStored(lang: Lang, stored: string | null): string | null {
  if (!stored) return null;
  try {
    return say(lang, JSON.parse(stored) as Failure);
  } catch {
    return stored;
  }
}
