import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { QueryError, toFtsQuery } from './watchlist-query';

describe('watchlist queries', () => {
  it('translates words, phrases, AND, OR, NOT and parentheses', () => {
    expect(toFtsQuery('purbalingga AND (hoaks OR pungli)')).toBe('"purbalingga" AND ("hoaks" OR "pungli")');
    expect(toFtsQuery('purbalingga hoaks')).toBe('"purbalingga" AND "hoaks"');
    expect(toFtsQuery('"hari jadi" NOT festival')).toBe('"hari jadi" NOT "festival"');
    expect(toFtsQuery('banjir OR longsor')).toBe('"banjir" OR "longsor"');
    expect(toFtsQuery('banjir kejobong OR longsor')).toBe('("banjir" AND "kejobong") OR "longsor"');
    expect(toFtsQuery('e-KTP')).toBe('"e" AND "KTP"');
  });

  it('refuses what it cannot read, with a reason', () => {
    for (const bad of ['(hoaks', 'hoaks)', 'NOT hoaks', '"hoaks', 'AND', '']) expect(() => toFtsQuery(bad), bad).toThrow(QueryError);
  });

  it('matches the way the user meant, in FTS5', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')");
    const rows = ['Hoaks vaksin di Purbalingga', 'Pungli sekolah di Purbalingga', 'Festival hari jadi Purbalingga', 'Hoaks gempa di Banyumas'];
    rows.forEach((r) => db.prepare('INSERT INTO t (text) VALUES (?)').run(r));
    const match = (q: string) => (db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').all(toFtsQuery(q)) as { rowid: number }[]).map((r) => r.rowid);
    expect(match('purbalingga AND (hoaks OR pungli)')).toEqual([1, 2]);
    expect(match('purbalingga NOT "hari jadi"')).toEqual([1, 2]);
    expect(match('"hari jadi"')).toEqual([3]);
    expect(match('hoaks')).toEqual([1, 4]);
  });
});
