import { isAppError } from '../errors';
import { message as failure, type StoredMessage as Failure } from '../i18n/stored-message';
import { ChannelError } from './adapters/types';
import { TransportError } from './http';

export { failure, type Failure };

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
