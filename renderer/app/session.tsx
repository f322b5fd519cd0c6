import { createContext, useContext } from 'react';
import type { Me, WorkspaceStatus } from '../../src/api/contract';

export interface SessionValue {
  me: Me;
  workspace: WorkspaceStatus;
  /** Re-reads who is signed in (after a password change, a role change). */
  refresh(): Promise<void>;
  /** Re-reads the office details after they change. */
  refreshWorkspace(): Promise<void>;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in shell');
  return s;
}

export function useZone() {
  return useSession().workspace.office?.timeZone ?? 'WIB';
}
