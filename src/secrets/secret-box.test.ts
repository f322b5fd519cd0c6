import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/workspace';
import { keyFileSecretBox } from './secret-box';

describe('key-file secret box (serve mode)', () => {
  it('round-trips, never stores the plain text, and keeps the key owner-only', async () => {
    const dir = tempDir();
    const box = keyFileSecretBox(dir);
    const sealed = await box.encrypt('token-rahasia-123');
    expect(sealed).not.toContain('token-rahasia-123');
    expect(await keyFileSecretBox(dir).decrypt(sealed)).toBe('token-rahasia-123');
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses a tampered value', async () => {
    const box = keyFileSecretBox(tempDir());
    const sealed = await box.encrypt('abc');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1]! ^= 1;
    await expect(box.decrypt(`v1:${raw.toString('base64')}`)).rejects.toThrow();
  });
});
