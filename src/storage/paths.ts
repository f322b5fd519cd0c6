import os from 'node:os';
import path from 'node:path';

/**
 * The per-user data folder the OS expects; desktop and serve share it so that one office machine
 * has one workspace unless told otherwise with --data.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Beranda Humas', 'workspace');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Beranda Humas', 'workspace');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'beranda-humas', 'workspace');
}
