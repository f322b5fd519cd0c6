import { toBlocks, type Block } from '../../shared/doc-model';
import type { DocJSON } from '../../shared/editor-schema';
import { dateline, dateTimeId, longDateId } from '../../shared/indonesian-dates';
import type { Contact, HakJawabFields, KlarifikasiFields, ReleaseFields, ReleaseKind, SiaranPersFields } from '../../shared/release-kinds';
import type { OfficeSettings } from '../../workspace/settings';
import { slugify } from '../../shared/slug';

/** Everything an exporter lays out, in reading order, already in the house style. */
export interface ReleaseLayout {
  kindLabel: string;
  officeName: string;
  number: string | null;
  /** "UNTUK DISIARKAN SEGERA" or "EMBARGO HINGGA …" (siaran pers only). */
  releaseLine: string | null;
  headline: string;
  /** "PURBALINGGA, DINKOMINFO –", to open the first paragraph. */
  dateline: string;
  /** Lines before the body: the claim and verdict, or the disputed article. */
  facts: { label: string; value: string; href?: string }[];
  blocks: Block[];
  sources: { title: string; url: string }[];
  boilerplate: string;
  contact: Contact | null;
  /** "(y)": the writer's initials close the text. */
  closing: string;
  correctionNote: string | null;
}

const KIND_LABEL: Record<ReleaseKind, string> = { siaran_pers: 'SIARAN PERS', klarifikasi: 'KLARIFIKASI', hak_jawab: 'HAK JAWAB' };

export interface LayoutInput {
  kind: ReleaseKind;
  number: string | null;
  title: string;
  fields: ReleaseFields;
  body: DocJSON;
  office: OfficeSettings;
  authorInitials: string;
  correctionNote?: string | null;
}

export function layoutRelease(d: LayoutInput): ReleaseLayout {
  const facts: ReleaseLayout['facts'] = [];
  let releaseLine: string | null = null;
  let sources: ReleaseLayout['sources'] = [];
  let boilerplate = '';
  if (d.kind === 'siaran_pers') {
    const f = d.fields as SiaranPersFields;
    releaseLine = f.embargoAt ? `EMBARGO HINGGA ${dateTimeId(f.embargoAt, d.office.timeZone).toUpperCase()}` : 'UNTUK DISIARKAN SEGERA';
    boilerplate = f.boilerplate.trim();
  } else if (d.kind === 'klarifikasi') {
    const f = d.fields as KlarifikasiFields;
    facts.push({ label: 'Klaim yang beredar', value: f.claim.trim() });
    if (f.verdict) facts.push({ label: 'Penilaian', value: f.verdict });
    sources = f.sources.filter((s) => s.url.trim());
  } else {
    const f = d.fields as HakJawabFields;
    facts.push({ label: 'Media', value: f.outlet.trim() });
    if (f.articleTitle.trim()) facts.push({ label: 'Artikel', value: f.articleTitle.trim(), href: f.articleUrl.trim() });
    else facts.push({ label: 'Artikel', value: f.articleUrl.trim(), href: f.articleUrl.trim() });
    if (f.articleDate) facts.push({ label: 'Tanggal artikel', value: longDateId(f.articleDate) });
  }
  const contact = (d.fields as { contact?: Contact }).contact ?? null;
  return {
    kindLabel: KIND_LABEL[d.kind],
    officeName: d.office.officeName,
    number: d.number,
    releaseLine,
    headline: d.title.trim(),
    dateline: dateline(d.office.city, d.office.unitCode),
    facts,
    blocks: toBlocks(d.body),
    sources,
    boilerplate,
    contact: contact && contact.name.trim() ? contact : null,
    closing: `(${d.authorInitials})`,
    correctionNote: d.correctionNote ?? null,
  };
}

export function contactLine(c: Contact): string {
  return [c.name, c.phone, c.email].map((s) => s.trim()).filter(Boolean).join(' · ');
}

/** A safe file name from the headline: "siaran-pers-bakohumas-purbalingga". */
export function fileStem(l: ReleaseLayout): string {
  const slug = slugify(l.headline);
  return `${l.kindLabel.toLowerCase().replace(/ /g, '-')}${slug ? `-${slug}` : ''}`;
}
