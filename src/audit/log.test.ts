import { describe, expect, it } from 'vitest';
import { openTestCore } from '../../test/support/workspace';
import { appendAudit, listAudit, verifyAudit } from './log';

function seed(n: number) {
  const core = openTestCore();
  for (let i = 1; i <= n; i++) {
    appendAudit(core.ws.db, { id: null, name: `user${i % 3}` }, i % 2 ? 'auth.login' : 'users.updated', `target-${i}`, { i });
  }
  return core.ws.db;
}

describe('hash-chained audit log', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAudit(seed(50))).toEqual({ ok: true, checked: 50 });
  });

  it('detects an edited row and names it', () => {
    const db = seed(20);
    db.prepare("UPDATE audit_log SET actor_name = 'someone-else' WHERE id = 7").run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 7, problem: 'edited' });
  });

  it('detects an edited row even when its own hash was recomputed (the next link breaks)', () => {
    const db = seed(20);
    const row = db.prepare('SELECT hash FROM audit_log WHERE id = 8').get() as { hash: string };
    db.prepare("UPDATE audit_log SET details = '{\"i\":999}', hash = ? WHERE id = 8").run('f'.repeat(64));
    expect(row.hash).not.toBe('f'.repeat(64));
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 8 });
  });

  it('detects a deleted row in the middle', () => {
    const db = seed(20);
    db.prepare('DELETE FROM audit_log WHERE id = 12').run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 13, problem: 'deleted' });
  });

  it('detects rows cut off the end', () => {
    const db = seed(20);
    db.prepare('DELETE FROM audit_log WHERE id > 17').run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, problem: 'truncated' });
  });

  it('filters by action group, actor, text and pages newest first', () => {
    const db = seed(30);
    const logins = listAudit(db, { action: 'auth', limit: 100 });
    expect(logins).toHaveLength(15);
    expect(logins.every((e) => e.action === 'auth.login')).toBe(true);
    const page1 = listAudit(db, { limit: 10 });
    const page2 = listAudit(db, { limit: 10, beforeId: page1[9]!.id });
    expect(page1[0]!.id).toBe(30);
    expect(page2[0]!.id).toBe(20);
    expect(listAudit(db, { text: 'target-2', limit: 100 }).map((e) => e.target).sort()).toEqual(
      ['target-2', 'target-20', 'target-21', 'target-22', 'target-23', 'target-24', 'target-25', 'target-26', 'target-27', 'target-28', 'target-29'].sort(),
    );
    // LIKE wildcards in user text are literal.
    expect(listAudit(db, { text: '%', limit: 100 })).toHaveLength(0);
  });
});
