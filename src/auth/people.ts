import type { Db } from '../storage/database';

/** How a user is shown beside what they did: name and writer's initials. */
export interface PersonRef {
  id: number;
  displayName: string;
  initials: string;
}

export function person(db: Db, id: number): PersonRef {
  const r = db.prepare('SELECT id, display_name, initials FROM users WHERE id = ?').get(id) as { id: number; display_name: string; initials: string } | undefined;
  return r ? { id: r.id, displayName: r.display_name, initials: r.initials } : { id, displayName: '?', initials: '?' };
}
