import { findUserByUsername } from '../../src/auth/users';
import type { Actor, Core } from '../../src/core';
import { createDocument, saveDocument } from '../../src/releases/service';
import { transition } from '../../src/releases/workflow';
import { saveChannel, type ChannelView } from '../../src/publishing/channels';
import type { ChannelKind } from '../../src/shared/channel-rules';
import type { ReleaseKind } from '../../src/shared/release-kinds';
import { storeImage } from '../../src/storage/attachments';
import { solidPng } from './png';
import { sampleRelease } from './releases';
import { makeUser, setUpCore } from './workspace';

export interface Newsroom {
  core: Core;
  admin: Actor;
  editor: Actor;
  writer: Actor;
  writerPassword: string;
  editorPassword: string;
}

function actorOf(core: Core, username: string): Actor {
  return { user: findUserByUsername(core.ws.db, username)!, tokenHash: '' };
}

/** A set-up workspace with an admin, an editor and a writer. */
export async function newsroom(opts: { dir?: string; now?: () => Date } = {}): Promise<Newsroom> {
  const { core, admin } = await setUpCore(opts);
  const editor = await makeUser(core, admin, 'editor', { username: 'prayitno' });
  const writer = await makeUser(core, admin, 'writer', { username: 'yuni' });
  return { core, admin, editor: actorOf(core, 'prayitno'), writer: actorOf(core, 'yuni'), writerPassword: writer.password, editorPassword: editor.password };
}

/** A release written by the writer and approved by the editor, with a photo in its body. */
export function approvedRelease(n: Newsroom, opts: { title?: string; kind?: ReleaseKind; withImage?: boolean } = {}): number {
  const { core, writer, editor } = n;
  const doc = createDocument(core, writer, 'siaran_pers');
  const sample = sampleRelease();
  const content = [...(sample.body.content ?? [])];
  if (opts.withImage !== false) {
    const img = storeImage(core.ws, solidPng(64, 48, [20, 90, 160]), 'bakohumas-pendopo.png', writer.user.id, core.now().toISOString());
    content.splice(2, 0, { type: 'image', attrs: { src: `att:${img.sha256}`, alt: 'Peserta Bakohumas di Pendopo Dipokusumo', caption: 'Rapat Bakohumas, Selasa (4/4).' } });
  }
  saveDocument(core, writer, { id: doc.id, baseVersion: doc.version, title: opts.title ?? sample.title, fields: sample.fields, body: { type: 'doc', content } });
  transition(core, writer, { id: doc.id, action: 'submit' }, 'id');
  transition(core, editor, { id: doc.id, action: 'approve' }, 'id');
  return doc.id;
}

export async function addChannel(n: Newsroom, kind: ChannelKind, baseUrl: string, account: string, secret: Record<string, string>, name: string = kind): Promise<ChannelView> {
  return saveChannel(n.core, n.admin, { kind, name, baseUrl, account, active: true, secret, settings: {} });
}
