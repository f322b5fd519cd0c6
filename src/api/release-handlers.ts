import { requirePermission } from '../auth/roles';
import { listUsers } from '../auth/users';
import { addComment, documentTimeline, markMentionDone, myTasks } from '../releases/comments';
import { exportDocument } from '../releases/export/index';
import { listDocuments } from '../releases/search';
import {
  autosaveDocument,
  createDocument,
  discardAutosave,
  documentVersion,
  documentVersions,
  getDocument,
  restoreVersion,
  saveDocument,
} from '../releases/service';
import { restoreBuiltInTemplate, saveTemplate, setNumberPattern, templatesAndNumbering } from '../releases/template-service';
import { transition } from '../releases/workflow';
import { readAttachment, storeImage } from '../storage/attachments';
import { signedIn } from './signed-in';
import type { Method } from './contract';
import type { Handlers } from './handlers';


type ReleaseMethod = Extract<Method, `releases.${string}` | `attachments.${string}` | 'users.directory'>;

export const releaseHandlers: Pick<Handlers, ReleaseMethod> = {
  'users.directory': ({ core, actor }) => {
    signedIn(actor);
    return listUsers(core.ws.db)
      .filter((u) => u.active)
      .map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, initials: u.initials, role: u.role }));
  },
  'releases.create': ({ core, actor, input }) => createDocument(core, signedIn(actor), input.kind),
  'releases.get': ({ core, actor, input }) => getDocument(core, signedIn(actor), input.id),
  'releases.save': ({ core, actor, input }) => saveDocument(core, signedIn(actor), input),
  'releases.autosave': ({ core, actor, input }) => autosaveDocument(core, signedIn(actor), input),
  'releases.discardAutosave': ({ core, actor, input }) => {
    discardAutosave(core, signedIn(actor), input.id);
    return null;
  },
  'releases.transition': ({ core, actor, input, lang }) => transition(core, signedIn(actor), input, lang),
  'releases.list': ({ core, actor, input }) => listDocuments(core, signedIn(actor), input),
  'releases.versions': ({ core, actor, input }) => documentVersions(core, signedIn(actor), input.id),
  'releases.version': ({ core, actor, input }) => documentVersion(core, signedIn(actor), input.id, input.version),
  'releases.restoreVersion': ({ core, actor, input }) => restoreVersion(core, signedIn(actor), input.id, input.version, input.baseVersion),
  'releases.timeline': ({ core, actor, input }) => documentTimeline(core, signedIn(actor), input.id),
  'releases.comment': ({ core, actor, input }) => addComment(core, signedIn(actor), input.id, input.body),
  'releases.tasks': ({ core, actor }) => myTasks(core, signedIn(actor)),
  'releases.mentionDone': ({ core, actor, input }) => {
    markMentionDone(core, signedIn(actor), input.commentId);
    return null;
  },
  'releases.export': ({ core, actor, input }) => exportDocument(core, signedIn(actor), input.id, input.format, input.version),
  'releases.templates': ({ core, actor }) => templatesAndNumbering(core, signedIn(actor)),
  'releases.saveTemplate': ({ core, actor, input: { kind, ...t } }) => saveTemplate(core, signedIn(actor), kind, t),
  'releases.resetTemplate': ({ core, actor, input }) => restoreBuiltInTemplate(core, signedIn(actor), input.kind),
  'releases.setNumberPattern': ({ core, actor, input }) => setNumberPattern(core, signedIn(actor), input.pattern),
  'attachments.upload': ({ core, actor, input }) => {
    const a = signedIn(actor);
    requirePermission(a.user.role, 'releases.write');
    return storeImage(core.ws, input.bytes, input.fileName, a.user.id, core.now().toISOString());
  },
  'attachments.read': ({ core, actor, input }) => {
    requirePermission(signedIn(actor).user.role, 'releases.read');
    const { bytes, mime } = readAttachment(core.ws, input.sha256);
    return { mime, base64: bytes.toString('base64') };
  },
};
