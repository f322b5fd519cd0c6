import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

// The import directions of ARCHITECTURE.md are enforced by lint; this proves the rule bites.
describe('import boundaries', () => {
  it('keeps electron, react and the hosts out of the core', async () => {
    expect(await problems('src/x/a.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await problems('src/x/a.ts', "import { useState } from 'react';\nexport const a = useState;")).toHaveLength(1);
    expect(await problems('src/x/a.ts', "import { x } from '../../renderer/app/api';\nexport const a = x;")).toHaveLength(1);
    expect(await problems('src/x/a.ts', "import { x } from '../../main/index';\nexport const a = x;")).toHaveLength(1);
    expect(await problems('src/x/a.ts', 'export const a = document.title;')).toHaveLength(1);
    expect(await problems('src/x/a.ts', "import { x } from '../storage/database';\nexport const a = x;")).toHaveLength(0);
  });

  it('lets the renderer reach the core only through src/api/contract', async () => {
    expect(await problems('renderer/app/a.ts', "import type { Method } from '../../src/api/contract';\nexport type A = Method;")).toHaveLength(0);
    expect(await problems('renderer/app/a.ts', "import { openDatabase } from '../../src/storage/database';\nexport const a = openDatabase;")).toHaveLength(1);
    expect(await problems('renderer/app/a.ts', "import fs from 'node:fs';\nexport const a = fs;")).toHaveLength(1);
    expect(await problems('renderer/app/a.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;")).toHaveLength(1);
  });

  it('keeps features from importing each other', async () => {
    expect(await problems('renderer/features/users/a.tsx', "import { X } from '../audit/AuditScreen';\nexport const a = X;")).toHaveLength(1);
    expect(await problems('renderer/features/users/a.tsx', "import { X } from './UserForm';\nexport const a = X;")).toHaveLength(0);
    expect(await problems('renderer/features/users/a.tsx', "import { X } from '../../ui/Field';\nexport const a = X;")).toHaveLength(0);
  });

  it('keeps the UI out of main', async () => {
    expect(await problems('main/a.ts', "import { X } from '../renderer/app/api';\nexport const a = X;")).toHaveLength(1);
  });
});
