import type { Core } from '../core';
import { createUser } from '../auth/user-admin';
import { findUserByUsername, setPassword } from '../auth/users';
import { hashPassword } from '../auth/passwords';
import { setupWorkspace } from '../workspace/service';
import { hashToken } from '../auth/sessions';
import { createDocument, saveDocument } from '../releases/service';
import { transition } from '../releases/workflow';
import { BAKOHUMAS_HEADLINE, BAKOHUMAS_PARAGRAPHS } from './bakohumas-sample';

/** The demo office: the Purbalingga Dinkominfo of the sample release, with one account per role. */
export const DEMO_ACCOUNTS = [
  { username: 'admin', displayName: 'Admin Dinkominfo', initials: 'adm', role: 'admin', password: 'admin-demo-123' },
  { username: 'editor', displayName: 'Prayitno', initials: 'pr', role: 'editor', password: 'editor-demo-123' },
  { username: 'penulis', displayName: 'Yuni Astuti', initials: 'y', role: 'writer', password: 'penulis-demo-123' },
  { username: 'pemantau', displayName: 'Agus Santoso', initials: 'as', role: 'monitor', password: 'pemantau-demo-123' },
] as const;

/** Fills a workspace that has not been set up yet; a workspace in use is never touched. */
export async function seedDemo(core: Core): Promise<boolean> {
  if (findUserByUsername(core.ws.db, 'admin') || core.ws.db.prepare("SELECT 1 FROM settings WHERE key = 'office'").get()) {
    return false;
  }
  const [first, ...rest] = DEMO_ACCOUNTS;
  const { token } = await setupWorkspace(
    core,
    {
      office: {
        officeName: 'Dinas Komunikasi dan Informatika Kabupaten Purbalingga',
        unitCode: 'DINKOMINFO',
        city: 'PURBALINGGA',
        timeZone: 'WIB',
      },
      admin: { username: first.username, displayName: first.displayName, initials: first.initials, email: null, password: first.password },
    },
    'demo',
  );
  const admin = findUserByUsername(core.ws.db, first.username)!;
  const actor = { user: admin, tokenHash: hashToken(token) };
  for (const a of rest) {
    const u = await createUser(core, actor, { ...a, email: null });
    // Demo accounts skip the forced first-login change so a visitor can try each role at once.
    setPassword(core.ws.db, u.id, await hashPassword(a.password), false, core.now());
  }
  await seedSampleRelease(core);
  core.ws.db.prepare('DELETE FROM sessions').run();
  return true;
}

/** The sample release, written by the demo writer and approved by the demo editor. */
async function seedSampleRelease(core: Core): Promise<void> {
  const actorOf = (username: string) => ({ user: findUserByUsername(core.ws.db, username)!, tokenHash: 'demo' });
  const writer = actorOf('penulis');
  const draft = createDocument(core, writer, 'siaran_pers');
  const saved = saveDocument(core, writer, {
    id: draft.id,
    baseVersion: draft.version,
    title: BAKOHUMAS_HEADLINE,
    fields: {
      embargoAt: null,
      eventDate: '2023-04-04',
      withNumber: true,
      contact: { name: 'Prayitno', phone: '(0281) 891016', email: 'dinkominfo@purbalinggakab.go.id' },
      boilerplate:
        'Tentang Dinkominfo Purbalingga: Dinas Komunikasi dan Informatika menyelenggarakan urusan komunikasi, informatika, statistik dan persandian, serta kehumasan Pemerintah Kabupaten Purbalingga.',
    },
    body: { type: 'doc', content: BAKOHUMAS_PARAGRAPHS.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) },
  });
  transition(core, writer, { id: saved.id, action: 'submit' }, 'id');
  transition(core, actorOf('editor'), { id: saved.id, action: 'approve' }, 'id');
}
