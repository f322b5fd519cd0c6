import { safeStorage } from 'electron';
import type { SecretBox } from '../src/secrets/secret-box';

/** Channel tokens sealed by the OS keychain (DPAPI, Keychain, libsecret) through Electron. */
export const safeStorageSecretBox: SecretBox = {
  kind: 'safeStorage',
  async encrypt(plain) {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('OS secret storage is not available');
    return `ss:${safeStorage.encryptString(plain).toString('base64')}`;
  },
  async decrypt(sealed) {
    if (!sealed.startsWith('ss:')) throw new Error('unknown secret format');
    return safeStorage.decryptString(Buffer.from(sealed.slice(3), 'base64'));
  },
};
