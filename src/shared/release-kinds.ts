/** The three kinds of document a humas office writes. */
export const RELEASE_KINDS = ['siaran_pers', 'klarifikasi', 'hak_jawab'] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

export const RELEASE_STATUSES = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'withdrawn'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const VERDICTS = ['HOAKS', 'DISINFORMASI', 'MISINFORMASI', 'FAKTA', 'BELUM TERVERIFIKASI'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface Contact {
  name: string;
  phone: string;
  email: string;
}

export interface SiaranPersFields {
  /** "UNTUK DISIARKAN SEGERA" when null; otherwise not before this UTC time. */
  embargoAt: string | null;
  /** The day of the event, "YYYY-MM-DD", shown as "Selasa (4/4)". */
  eventDate: string | null;
  withNumber: boolean;
  contact: Contact;
  /** The office boilerplate ("Tentang …"). */
  boilerplate: string;
}

export interface KlarifikasiFields {
  claim: string;
  verdict: Verdict | null;
  sources: { title: string; url: string }[];
  withNumber: boolean;
  contact: Contact;
}

export interface HakJawabFields {
  outlet: string;
  articleTitle: string;
  articleUrl: string;
  articleDate: string | null;
  sentAt: string | null;
  printed: boolean;
  printedAt: string | null;
  withNumber: boolean;
  contact: Contact;
}

export type ReleaseFields = SiaranPersFields | KlarifikasiFields | HakJawabFields;

const noContact: Contact = { name: '', phone: '', email: '' };

export function defaultFields(kind: ReleaseKind): ReleaseFields {
  switch (kind) {
    case 'siaran_pers':
      return { embargoAt: null, eventDate: null, withNumber: true, contact: { ...noContact }, boilerplate: '' };
    case 'klarifikasi':
      return { claim: '', verdict: null, sources: [], withNumber: true, contact: { ...noContact } };
    case 'hak_jawab':
      return { outlet: '', articleTitle: '', articleUrl: '', articleDate: null, sentAt: null, printed: false, printedAt: null, withNumber: true, contact: { ...noContact } };
  }
}
