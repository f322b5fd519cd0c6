import { describe, expect, it } from 'vitest';
import { value } from '../support/results';
import { ipcTransport } from '../support/transports';
import { ADMIN_PASSWORD, makeUser, setUpCore } from '../support/workspace';


const contact = { name: 'Prayitno', phone: '0281-891016', email: '' };
const body = (...texts: string[]) => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

describe('clarifications, hak jawab and templates', () => {
  it('a klarifikasi carries its claim, verdict and sources into every export', async () => {
    const { core, admin } = await setUpCore();
    const t = ipcTransport(core);
    const w = await makeUser(core, admin, 'writer', { username: 'sari' });
    const writer = t.client();
    value(await writer.call('auth.login', { username: 'sari', password: w.password }));
    const d = value<{ id: number; version: number }>(await writer.call('releases.create', { kind: 'klarifikasi' }));
    const fields = {
      claim: 'Beredar pesan berantai bahwa pembuatan KTP elektronik di Purbalingga dipungut biaya Rp50.000.',
      verdict: 'HOAKS',
      sources: [{ title: 'Disdukcapil Purbalingga', url: 'https://dindukcapil.purbalinggakab.go.id/layanan' }],
      withNumber: true,
      contact,
    };
    const saved = value<{ version: number }>(
      await writer.call('releases.save', {
        id: d.id,
        baseVersion: d.version,
        title: 'Klarifikasi: Pembuatan KTP Elektronik Tidak Dipungut Biaya',
        fields,
        body: body('Dinkominfo Purbalingga menanggapi pesan berantai yang beredar di WhatsApp tentang biaya pembuatan KTP elektronik.', 'Pembuatan KTP elektronik tidak dipungut biaya apa pun.'),
      }),
    );
    expect(saved.version).toBe(2);
    value(await writer.call('releases.transition', { id: d.id, action: 'submit' }));
    const wa = value<{ data: string }>(await writer.call('releases.export', { id: d.id, format: 'whatsapp' })).data;
    expect(wa).toContain('*KLARIFIKASI*');
    expect(wa).toContain('Klaim yang beredar: Beredar pesan berantai');
    expect(wa).toContain('Penilaian: HOAKS');
    expect(wa).toContain('- Disdukcapil Purbalingga: https://dindukcapil.purbalinggakab.go.id/layanan');
    const html = value<{ data: string }>(await writer.call('releases.export', { id: d.id, format: 'html' })).data;
    expect(html).toContain('<dd>HOAKS</dd>');
    // An older version exports too.
    const v1 = value<{ fileName: string; data: string }>(await writer.call('releases.export', { id: d.id, format: 'markdown', version: 1 }));
    expect(v1.fileName).toMatch(/-v1\.md$/);
  });

  it('refuses fields that do not belong to the document kind', async () => {
    const { core, admin } = await setUpCore();
    const t = ipcTransport(core);
    const w = await makeUser(core, admin, 'writer', { username: 'agus' });
    const writer = t.client();
    value(await writer.call('auth.login', { username: 'agus', password: w.password }));
    const d = value<{ id: number; version: number }>(await writer.call('releases.create', { kind: 'hak_jawab' }));
    const r = await writer.call('releases.save', { id: d.id, baseVersion: d.version, title: 'x', fields: { verdict: 'HOAKS' }, body: body('x') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('VALIDATION');
  });

  it('admins edit templates and the number pattern; new documents start from them; others may not', async () => {
    const { core, admin } = await setUpCore();
    const t = ipcTransport(core);
    const a = t.client();
    value(await a.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD }));
    const { templates } = value<{ templates: Record<string, { fields: object }> }>(await a.call('releases.templates'));
    value(await a.call('releases.saveTemplate', { kind: 'siaran_pers', title: 'SIARAN PERS DINKOMINFO', fields: { ...templates.siaran_pers!.fields, contact }, body: body('Templat kantor kami.') }));
    expect(value<{ example: string }>(await a.call('releases.setNumberPattern', { pattern: '{seq3}/{kind}/{unit}/{ROM}/{YYYY}' })).example).toMatch(/^007\/SP\/DINKOMINFO\/[IVX]+\/\d{4}$/);
    const w = await makeUser(core, admin, 'writer', { username: 'yuni' });
    const writer = t.client();
    value(await writer.call('auth.login', { username: 'yuni', password: w.password }));
    const d = value<{ title: string; fields: { contact: { name: string } } }>(await writer.call('releases.create', { kind: 'siaran_pers' }));
    expect(d.title).toBe('SIARAN PERS DINKOMINFO');
    expect(d.fields.contact.name).toBe('Prayitno');
    const refused = await writer.call('releases.saveTemplate', { kind: 'siaran_pers', title: 'x', fields: templates.siaran_pers!.fields, body: body('x') });
    expect(refused.ok).toBe(false);
    expect((await writer.call('releases.setNumberPattern', { pattern: '{seq}/X/{YYYY}' })).ok).toBe(false);
    value(await a.call('releases.resetTemplate', { kind: 'siaran_pers' }));
    expect(value<{ title: string }>(await writer.call('releases.create', { kind: 'siaran_pers' })).title).toBe('');
  });
});
