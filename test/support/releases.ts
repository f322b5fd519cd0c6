import type { DocJSON } from '../../src/shared/editor-schema';
import type { SiaranPersFields } from '../../src/shared/release-kinds';
import { BAKOHUMAS_HEADLINE, BAKOHUMAS_PARAGRAPHS } from '../../src/demo/bakohumas-sample';

export function sampleBody(): DocJSON {
  return { type: 'doc', content: BAKOHUMAS_PARAGRAPHS.map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) };
}

export function sampleFields(): SiaranPersFields {
  return {
    embargoAt: null,
    eventDate: '2023-04-04',
    withNumber: true,
    contact: { name: 'Prayitno', phone: '0281-891016', email: 'humas@purbalinggakab.go.id' },
    boilerplate: 'Tentang Dinkominfo Purbalingga: dinas yang menyelenggarakan urusan komunikasi, informatika dan kehumasan Pemerintah Kabupaten Purbalingga.',
  };
}

/** A complete, submittable siaran pers: the Bakohumas sample. */
export function sampleRelease() {
  return { title: BAKOHUMAS_HEADLINE, fields: sampleFields(), body: sampleBody() };
}
