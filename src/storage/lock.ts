import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../errors';

interface LockInfo {
  pid: number;
  host: string;
  holder: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/**
 * One host process owns a workspace at a time. A lock left by a crashed process on this machine is
 * taken over; one held by a live process (or by another machine, on a shared folder) is refused.
 */
export function acquireLock(file: string, holder: string): () => void {
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), holder, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      return () => {
        const current = readLock(file);
        if (current?.pid === mine.pid && current.since === mine.since) fs.rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const other = readLock(file);
      const stale = !other || (other.host === mine.host && !isAlive(other.pid));
      if (!stale) {
        throw new AppError('UNAVAILABLE', 'workspace.inUse', {
          holder: other.host === mine.host ? other.holder : `${other.holder} @ ${other.host}`,
          pid: other.pid,
          since: other.since,
        });
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('UNAVAILABLE', 'workspace.inUse', { holder: '?', pid: '?', since: '?' });
}
