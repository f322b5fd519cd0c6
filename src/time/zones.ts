import { TIME_ZONES, type ZoneLabel } from '../shared/zones';

export { TIME_ZONES, type ZoneLabel };

/** "Selasa, 4 April 2023 09.30 WIB": how offices write a time, in the workspace's own zone. */
export function formatDateTime(iso: string | Date, zone: ZoneLabel, lang: 'id' | 'en' = 'id'): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const text = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone: TIME_ZONES[zone],
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
  return `${text} ${zone}`;
}

export function formatTime(iso: string | Date, zone: ZoneLabel): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const text = new Intl.DateTimeFormat('id-ID', { timeZone: TIME_ZONES[zone], hour: '2-digit', minute: '2-digit' }).format(d);
  return `${text} ${zone}`;
}
