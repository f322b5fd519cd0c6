import type { Db } from '../storage/database';
import type { DocJSON } from '../shared/editor-schema';
import { defaultFields, type ReleaseFields, type ReleaseKind } from '../shared/release-kinds';
import { readSetting, writeSetting, type OfficeSettings } from '../workspace/settings';

export interface Template {
  title: string;
  fields: ReleaseFields;
  body: DocJSON;
}

const KEY = 'releases.templates';

const p = (text: string): DocJSON => ({ type: 'paragraph', content: [{ type: 'text', text }] });

/**
 * The house style of the sample release: a lead that names who, what, when ("Selasa (4/4)") and
 * where; quotes attributed with "kata …"; background; closing with the writer's initials (added on
 * export). Bracketed text is a prompt the checks refuse to let through.
 */
export function builtInTemplate(kind: ReleaseKind, office: OfficeSettings | undefined): Template {
  const officeName = office?.officeName ?? 'kantor ini';
  if (kind === 'siaran_pers') {
    return {
      title: '',
      fields: { ...defaultFields('siaran_pers'), boilerplate: `Tentang ${officeName}: [satu paragraf tentang tugas dan layanan kantor].` } as ReleaseFields,
      body: {
        type: 'doc',
        content: [
          p('[Paragraf pembuka: siapa melakukan apa, kapan (mis. Selasa (4/4)), di mana, dan mengapa penting bagi warga.]'),
          p('[Paragraf kedua: rincian acara, narasumber dan tema.]'),
          { type: 'blockquote', content: [p('“[Kutipan narasumber],” kata [jabatan dan nama].')] },
          p('[Paragraf latar: data, program terkait, dasar hukum bila perlu.]'),
          p('[Penutup: kutipan atau langkah berikutnya.]'),
        ],
      },
    };
  }
  if (kind === 'klarifikasi') {
    return {
      title: 'Klarifikasi: [ringkasan klaim yang beredar]',
      fields: defaultFields('klarifikasi'),
      body: {
        type: 'doc',
        content: [
          p(`[Pembuka: ${officeName} menanggapi informasi yang beredar di media sosial tentang …]`),
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Penjelasan' }] },
          p('[Fakta yang benar, dengan data dan sumber resmi.]'),
          p('[Imbauan kepada masyarakat dan saluran pengaduan resmi.]'),
        ],
      },
    };
  }
  return {
    title: 'Hak Jawab atas Pemberitaan [nama media] tentang [topik]',
    fields: defaultFields('hak_jawab'),
    body: {
      type: 'doc',
      content: [
        p(`[Pembuka: sehubungan dengan pemberitaan [media] tanggal [tanggal] berjudul "[judul]", ${officeName} menyampaikan hak jawab sebagai berikut.]`),
        p('[Pokok-pokok yang diluruskan, satu per paragraf.]'),
        p('[Penutup: permintaan pemuatan hak jawab sesuai UU No. 40 Tahun 1999 tentang Pers.]'),
      ],
    },
  };
}

export function readTemplates(db: Db, office: OfficeSettings | undefined): Record<ReleaseKind, Template> {
  const saved = readSetting<Partial<Record<ReleaseKind, Template>>>(db, KEY) ?? {};
  return {
    siaran_pers: saved.siaran_pers ?? builtInTemplate('siaran_pers', office),
    klarifikasi: saved.klarifikasi ?? builtInTemplate('klarifikasi', office),
    hak_jawab: saved.hak_jawab ?? builtInTemplate('hak_jawab', office),
  };
}

export function writeTemplate(db: Db, kind: ReleaseKind, t: Template): void {
  const saved = readSetting<Partial<Record<ReleaseKind, Template>>>(db, KEY) ?? {};
  writeSetting(db, KEY, { ...saved, [kind]: t });
}

export function resetTemplate(db: Db, kind: ReleaseKind): void {
  const saved = readSetting<Partial<Record<ReleaseKind, Template>>>(db, KEY) ?? {};
  delete saved[kind];
  writeSetting(db, KEY, saved);
}
