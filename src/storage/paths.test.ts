import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './paths';

describe('default data folder', () => {
  it('follows each OS convention', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x/data' }, 'linux')).toBe('/x/data/beranda-humas/workspace');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('Beranda Humas');
    expect(defaultDataDir({}, 'darwin')).toContain('Library/Application Support/Beranda Humas');
  });
});
