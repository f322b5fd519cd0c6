import { countWords, plainText, toBlocks, runsText, walkBlocks } from './doc-model';
import { ATTACHMENT_SRC, isAllowedLink, type DocJSON } from './editor-schema';
import type { HakJawabFields, KlarifikasiFields, ReleaseFields, ReleaseKind, SiaranPersFields } from './release-kinds';

export const HEADLINE_MAX = 100;
export const WORD_TARGET = { min: 300, max: 500 } as const;

export interface CheckInput {
  kind: ReleaseKind;
  title: string;
  fields: ReleaseFields;
  body: DocJSON;
  office: { city: string; unitCode: string } | null;
  now?: Date;
}

export type CheckId =
  | 'title.missing'
  | 'title.tooLong'
  | 'words.outsideTarget'
  | 'lead.missing'
  | 'dateline.missing'
  | 'image.altMissing'
  | 'image.notAttachment'
  | 'link.invalid'
  | 'contact.missing'
  | 'embargo.past'
  | 'claim.missing'
  | 'verdict.missing'
  | 'sources.missing'
  | 'source.invalid'
  | 'outlet.missing'
  | 'articleUrl.invalid'
  | 'articleDate.missing'
  | 'placeholder.left';

export interface CheckResult {
  id: CheckId;
  /** Errors block submission; warnings only inform. */
  severity: 'error' | 'warning';
  params?: Record<string, string | number>;
}

export interface CheckReport {
  words: number;
  results: CheckResult[];
  blocking: boolean;
}

/** Every text a person typed into the fields (not the JSON around them). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

const isUrl = (u: string) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(u.trim());

/**
 * The house rules, run as the writer types (renderer) and again before submission (core), from the
 * same code so both always agree.
 */
export function checkRelease(input: CheckInput): CheckReport {
  const results: CheckResult[] = [];
  const add = (id: CheckId, severity: 'error' | 'warning', params?: Record<string, string | number>) =>
    results.push(params ? { id, severity, params } : { id, severity });
  const title = input.title.trim();
  if (!title) add('title.missing', 'error');
  else if ([...title].length > HEADLINE_MAX) add('title.tooLong', 'error', { length: [...title].length, max: HEADLINE_MAX });

  const blocks = toBlocks(input.body);
  // Template prompts look like "[Paragraf pembuka: …]"; none may reach a journalist.
  const prompt = /\[[^\]\n]{3,}\]/.exec([title, plainText(input.body), ...stringsIn(input.fields)].join('\n'));
  if (prompt) add('placeholder.left', 'error', { text: prompt[0].slice(0, 60) });
  const words = countWords(plainText(input.body));
  const firstText = blocks.find((b) => b.type === 'paragraph' || b.type === 'heading');
  if (!firstText || firstText.type !== 'paragraph' || countWords(runsText(firstText.runs)) < 5) add('lead.missing', 'error');
  if (!input.office?.city.trim() || !input.office.unitCode.trim()) add('dateline.missing', 'error');

  let images = 0;
  walkBlocks(blocks, (b) => {
    if (b.type === 'image') {
      images++;
      if (!b.alt.trim()) add('image.altMissing', 'error', { n: images });
      if (!ATTACHMENT_SRC.test(b.src)) add('image.notAttachment', 'error', { n: images });
    }
    if (b.type === 'paragraph' || b.type === 'heading') {
      for (const r of b.runs) if (r.href !== undefined && !isAllowedLink(r.href)) add('link.invalid', 'error', { href: r.href.slice(0, 80) });
    }
  });

  const contact = (input.fields as { contact?: { name: string; phone: string; email: string } }).contact;
  if (!contact?.name.trim() || (!contact.phone.trim() && !contact.email.trim())) add('contact.missing', 'error');

  if (input.kind === 'siaran_pers') {
    const f = input.fields as SiaranPersFields;
    if (words < WORD_TARGET.min || words > WORD_TARGET.max) add('words.outsideTarget', 'warning', { words, min: WORD_TARGET.min, max: WORD_TARGET.max });
    if (f.embargoAt && Date.parse(f.embargoAt) < (input.now ?? new Date()).getTime()) add('embargo.past', 'warning');
  } else if (input.kind === 'klarifikasi') {
    const f = input.fields as KlarifikasiFields;
    if (!f.claim.trim()) add('claim.missing', 'error');
    if (!f.verdict) add('verdict.missing', 'error');
    if (f.sources.length === 0) add('sources.missing', 'error');
    f.sources.forEach((s, i) => !isUrl(s.url) && add('source.invalid', 'error', { n: i + 1 }));
  } else {
    const f = input.fields as HakJawabFields;
    if (!f.outlet.trim()) add('outlet.missing', 'error');
    if (!isUrl(f.articleUrl)) add('articleUrl.invalid', 'error');
    if (!f.articleDate) add('articleDate.missing', 'error');
  }
  return { words, results, blocking: results.some((r) => r.severity === 'error') };
}

const MESSAGES: Record<'id' | 'en', Record<CheckId, string>> = {
  id: {
    'title.missing': 'Judul belum diisi.',
    'title.tooLong': 'Judul {length} karakter; maksimal {max}.',
    'words.outsideTarget': '{words} kata; target siaran pers {min}–{max} kata.',
    'lead.missing': 'Paragraf pembuka (lead) belum ada: tulis minimal satu kalimat utuh di awal naskah.',
    'dateline.missing': 'Dateline belum lengkap: isi kota dan kode unit di Pengaturan → Kantor.',
    'image.altMissing': 'Gambar ke-{n} belum punya teks alternatif (alt).',
    'image.notAttachment': 'Gambar ke-{n} bukan lampiran ruang kerja; unggah ulang gambarnya.',
    'link.invalid': 'Tautan tidak sah: {href}',
    'contact.missing': 'Narahubung belum lengkap: nama dan telepon atau surel.',
    'embargo.past': 'Waktu embargo sudah lewat.',
    'claim.missing': 'Klaim yang beredar belum diisi.',
    'verdict.missing': 'Label penilaian (HOAKS, DISINFORMASI, …) belum dipilih.',
    'sources.missing': 'Belum ada sumber dengan tautan.',
    'source.invalid': 'Sumber ke-{n} belum punya tautan http(s) yang sah.',
    'outlet.missing': 'Nama media belum diisi.',
    'articleUrl.invalid': 'Tautan artikel yang disanggah belum sah.',
    'articleDate.missing': 'Tanggal artikel belum diisi.',
    'placeholder.left': 'Masih ada isian templat yang belum diganti: {text}',
  },
  en: {
    'title.missing': 'The headline is empty.',
    'title.tooLong': 'The headline has {length} characters; at most {max}.',
    'words.outsideTarget': '{words} words; a press release aims for {min}–{max}.',
    'lead.missing': 'There is no lead paragraph: start with at least one full sentence.',
    'dateline.missing': 'The dateline is incomplete: set the city and unit code in Settings → Office.',
    'image.altMissing': 'Image {n} has no alternative text (alt).',
    'image.notAttachment': 'Image {n} is not a workspace attachment; upload it again.',
    'link.invalid': 'Invalid link: {href}',
    'contact.missing': 'The contact person is incomplete: a name and a phone or email.',
    'embargo.past': 'The embargo time has passed.',
    'claim.missing': 'The circulating claim is empty.',
    'verdict.missing': 'No verdict label (HOAKS, DISINFORMASI, …) chosen.',
    'sources.missing': 'No source with a link yet.',
    'source.invalid': 'Source {n} has no valid http(s) link.',
    'outlet.missing': 'The media outlet is empty.',
    'articleUrl.invalid': 'The disputed article link is not valid.',
    'articleDate.missing': 'The article date is empty.',
    'placeholder.left': 'A template prompt is still in the text: {text}',
  },
};

export function checkMessage(lang: 'id' | 'en', r: CheckResult): string {
  return MESSAGES[lang][r.id].replace(/\{(\w+)\}/g, (_, k: string) => String(r.params?.[k] ?? ''));
}
