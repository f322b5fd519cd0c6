import { browseAudit, verifyAuditLog } from '../audit/service';
import { changeOwnPassword, describeMe, login, logout } from '../auth/service';
import { createUser, editUser, listAllUsers, resetUserPassword, unlockUser } from '../auth/user-admin';
import type { Actor, Core } from '../core';
import type { Lang } from '../i18n/messages';
import { backupNow, listWorkspaceBackups, restoreWorkspace, uploadBackup } from '../storage/backup-service';
import { setupWorkspace, updateOffice, workspaceStatus } from '../workspace/service';
import { signedIn } from './signed-in';
import type { Method, Output, ParsedInput } from './contract';
import { caseHandlers } from './case-handlers';
import { monitoringHandlers } from './monitoring-handlers';
import { publishingHandlers } from './publishing-handlers';
import { releaseHandlers } from './release-handlers';

export interface HandlerArgs<M extends Method> {
  core: Core;
  /** Present for every method whose access is not 'public'. */
  actor: Actor | undefined;
  input: ParsedInput<M>;
  lang: Lang;
  client: string;
  /** Tells the transport to remember (or forget) the session: a cookie, or the window's token. */
  setSession(token: string | null): void;
}

export type Handlers = { [M in Method]: (a: HandlerArgs<M>) => Output<M> | Promise<Output<M>> };


export const handlers: Handlers = {
  'workspace.status': ({ core }) => workspaceStatus(core),
  'workspace.setup': async ({ core, input, client, setSession }) => {
    const { me, token } = await setupWorkspace(core, input, client);
    setSession(token);
    return me;
  },
  'workspace.updateOffice': ({ core, actor, input }) => updateOffice(core, signedIn(actor), input),

  'auth.login': async ({ core, input, client, setSession }) => {
    const { me, token } = await login(core, input.username, input.password, client);
    setSession(token);
    return me;
  },
  'auth.logout': ({ core, actor, setSession }) => {
    logout(core, signedIn(actor));
    setSession(null);
    return null;
  },
  'auth.me': ({ core, actor }) => describeMe(core, signedIn(actor)),
  'auth.changePassword': ({ core, actor, input }) => changeOwnPassword(core, signedIn(actor), input.current, input.next),

  'users.list': ({ core, actor }) => listAllUsers(core, signedIn(actor)),
  'users.create': ({ core, actor, input }) => createUser(core, signedIn(actor), input),
  'users.update': ({ core, actor, input: { id, ...changes } }) => editUser(core, signedIn(actor), id, changes),
  'users.resetPassword': ({ core, actor, input }) => resetUserPassword(core, signedIn(actor), input.id, input.password),
  'users.unlock': ({ core, actor, input }) => unlockUser(core, signedIn(actor), input.id),

  'backups.list': ({ core, actor }) => listWorkspaceBackups(core, signedIn(actor)),
  'backups.create': ({ core, actor }) => backupNow(core, signedIn(actor)),
  'backups.restore': ({ core, actor, input, lang }) => restoreWorkspace(core, signedIn(actor), input.name, lang),
  'backups.import': ({ core, actor, input, lang }) => uploadBackup(core, signedIn(actor), input.bytes, input.fileName, lang),

  'audit.list': ({ core, actor, input }) => browseAudit(core, signedIn(actor), input),
  'audit.verify': ({ core, actor }) => verifyAuditLog(core, signedIn(actor)),
  ...releaseHandlers,
  ...caseHandlers,
  ...monitoringHandlers,
  ...publishingHandlers,
};
