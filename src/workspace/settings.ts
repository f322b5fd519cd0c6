import type { Db } from '../storage/database';
import type { ZoneLabel } from '../time/zones';

export interface OfficeSettings {
  officeName: string;
  unitCode: string;
  city: string;
  timeZone: ZoneLabel;
}

const OFFICE_KEY = 'office';

export function readSetting<T>(db: Db, key: string): T | undefined {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function readOffice(db: Db): OfficeSettings | undefined {
  return readSetting<OfficeSettings>(db, OFFICE_KEY);
}

export function writeOffice(db: Db, office: OfficeSettings): void {
  writeSetting(db, OFFICE_KEY, office);
}
