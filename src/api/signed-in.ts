import type { Actor } from '../core';

/** The caller of a method the contract marks as needing a session; dispatch has checked it. */
export function signedIn(actor: Actor | undefined): Actor {
  if (!actor) throw new Error('handler needs a session; the contract says otherwise');
  return actor;
}
