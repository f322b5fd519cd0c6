import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encrypts secrets (channel tokens) at rest. Desktop implements it with Electron's safeStorage (the
 * OS keychain); serve mode with a key file only the owner can read.
 */
export interface SecretBox {
  readonly kind: 'safeStorage' | 'key-file';
  encrypt(plain: string): Promise<string>;
  decrypt(sealed: string): Promise<string>;
}

const KEY_FILE = 'secret.key';

function loadOrCreateKey(dir: string): Buffer {
  const file = path.join(dir, KEY_FILE);
  try {
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length === 32) return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}

/** AES-256-GCM with a per-workspace key in `<workspace>/secret.key` (mode 0600). */
export function keyFileSecretBox(workspaceDir: string): SecretBox {
  const key = loadOrCreateKey(workspaceDir);
  return {
    kind: 'key-file',
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    async decrypt(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('unknown secret format');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
