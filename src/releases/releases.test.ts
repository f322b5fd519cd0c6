import { describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { checkRelease } from '../shared/release-checks';
import { sanitizeDoc } from '../shared/sanitize-doc';
import { eventDayLabel } from '../shared/indonesian-dates';
import { makeUser, OFFICE, setUpCore, tempDir } from '../../test/support/workspace';
import { sampleRelease } from '../../test/support/releases';
import { findUserById } from '../auth/users';
import { autosaveDocument, createDocument, getDocument, saveDocument } from './service';
import { formatNumber } from './numbering';

describe('autosave survives a crash', () => {
  it('offers the unsaved text after the app is closed without saving and opened again', async () => {
    const dir = tempDir();
    const { core, admin } = await setUpCore({ dir });
    const w = await makeUser(core, admin, 'writer');
    const actor = { user: findUserById(core.ws.db, w.id)!, tokenHash: 'x' };
    const d = createDocument(core, actor, 'siaran_pers');
    autosaveDocument(core, actor, { id: d.id, baseVersion: d.version, ...sampleRelease(), title: 'Belum sempat disimpan' });
    core.close(); // the window closes, the machine dies: no save happened
    const reopened = createCore({ dataDir: dir, autoBackup: false, polling: false, outbox: false });
    try {
      const view = getDocument(reopened, actor, d.id);
      expect(view.title).toBe('');
      expect(view.autosave?.title).toBe('Belum sempat disimpan');
      expect(view.autosave?.body).toEqual(sampleRelease().body);
      const saved = saveDocument(reopened, actor, { id: d.id, baseVersion: view.version, title: view.autosave!.title, fields: view.autosave!.fields, body: view.autosave!.body });
      expect(saved.autosave).toBeNull();
    } finally {
      reopened.close();
    }
  });
});

describe('house-style checks', () => {
  const office = { city: OFFICE.city, unitCode: OFFICE.unitCode };
  it('pass the sample release with only the word-count warning (it has 560 words)', () => {
    const r = checkRelease({ kind: 'siaran_pers', ...sampleRelease(), office });
    expect(r.blocking).toBe(false);
    expect(r.results.map((x) => x.id)).toEqual(['words.outsideTarget']);
    expect(r.words).toBe(560);
  });

  it('block a long headline, a missing lead, an image without alt text and template prompts', () => {
    const body = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Subjudul' }] },
        { type: 'paragraph', content: [{ type: 'text', text: '[Paragraf pembuka: siapa melakukan apa]' }] },
        { type: 'image', attrs: { src: `att:${'a'.repeat(64)}`, alt: '', caption: '' } },
      ],
    };
    const r = checkRelease({ kind: 'siaran_pers', title: 'x'.repeat(101), fields: sampleRelease().fields, body, office });
    expect(r.results.filter((x) => x.severity === 'error').map((x) => x.id).sort()).toEqual(['image.altMissing', 'lead.missing', 'placeholder.left', 'title.tooLong']);
  });
});

describe('stored documents are reduced to the release schema', () => {
  it('drops scripts, iframes, unknown marks, javascript: links and foreign images', () => {
    const clean = sanitizeDoc({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'klik', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'bold' }, { type: 'textStyle', attrs: { color: 'red' } }] }] },
        { type: 'iframe', attrs: { src: 'https://evil' } },
        { type: 'image', attrs: { src: 'https://tracker.example/pixel.gif', alt: 'x' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'web', marks: [{ type: 'link', attrs: { href: 'https://purbalinggakab.go.id' } }] }] },
      ],
    });
    expect(clean).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'klik', marks: [{ type: 'bold' }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'web', marks: [{ type: 'link', attrs: { href: 'https://purbalinggakab.go.id', target: '_blank', rel: 'noopener noreferrer nofollow' } }] }] },
      ],
    });
  });
});

describe('numbering and dates', () => {
  it('fills the office pattern', () => {
    expect(formatNumber('{seq}/HM/{unit}/{MM}/{YYYY}', { seq: 7, unit: 'DINKOMINFO', kind: 'siaran_pers', year: 2026, month: 4 })).toBe('7/HM/DINKOMINFO/04/2026');
    expect(formatNumber('{seq3}/{kind}/{unit}/{ROM}/{YYYY}', { seq: 7, unit: 'DINKOMINFO', kind: 'klarifikasi', year: 2026, month: 11 })).toBe('007/KL/DINKOMINFO/XI/2026');
  });
  it('names the event day as the house style does', () => {
    expect(eventDayLabel('2023-04-04')).toBe('Selasa (4/4)');
  });
});

describe('search snippets', () => {
  it('mark prefix matches regardless of case and accents, around the first hit', async () => {
    const { highlight, queryTerms, snippet } = await import('./snippet');
    const terms = queryTerms('Pungli kabupatén');
    expect(terms).toEqual(['pungli', 'kabupaten']);
    expect(highlight('Satgas Saber PUNGLI Kabupaten', terms)).toBe('Satgas Saber \u0002PUNGLI\u0003 \u0002Kabupaten\u0003');
    const long = `${'kata '.repeat(50)}sosialisasi pungli di desa ${'lain '.repeat(50)}`;
    const s = snippet(long, terms, 10);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('\u0002pungli\u0003');
  });
});
