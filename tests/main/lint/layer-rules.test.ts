import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layer rules of architecture.md, checked by running the project's real ESLint config
// on small sources placed (virtually) in each layer.
const cwd = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['shared/signal/x.ts', "import { readFileSync } from 'node:fs';"],
    ['shared/signal/x.ts', "import path from 'path';"],
    ['shared/model/x.ts', "import { app } from 'electron';"],
    ['shared/model/x.ts', "import { openSettingsStore } from '../../main/store/settings-store.ts';"],
    ['shared/model/x.ts', "import { App } from '../../renderer/app/app.tsx';"],
    ['shared/content/x.ts', "import { useState } from 'react';"],
    ['renderer/features/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['renderer/features/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/features/x.ts', "import { createAppServices } from '../../main/services.ts';"],
    ['main/store/x.ts', "import { App } from '../../renderer/app/app.tsx';"],
    ['main/store/x.ts', "import { safeStorage } from 'electron';"],
    ['main/index.ts', "import { ipcMain } from 'electron';"],
    ['main/window.ts', "import { ipcRenderer } from 'electron';"],
  ])('%s may not: %s', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['shared/signal/x.ts', "import { z } from 'zod';"],
    ['shared/signal/x.ts', "import { IpcError } from '../ipc/result.ts';"],
    ['renderer/features/x.ts', "import { SettingsSchema } from '../../shared/model/settings.ts';"],
    ['main/store/x.ts', "import type { SafeStorage } from 'electron';"],
    ['main/store/x.ts', "import { readFileSync } from 'node:fs';"],
    ['main/index.ts', "import { app, BrowserWindow } from 'electron';"],
    ['main/ipc/electron-transport.ts', "import { ipcMain } from 'electron';"],
    ['main/preload.ts', "import { contextBridge, ipcRenderer } from 'electron';"],
  ])('%s may: %s', async (filePath, code) => {
    expect(await restrictedImportErrors(filePath, code)).toEqual([]);
  });

  it('forbids eval and new Function everywhere (the CSP would block them)', async () => {
    const [result] = await eslint.lintText('export const f = new Function("return 1"); eval("1");', { filePath: 'renderer/x.ts' });
    expect(result?.messages.filter((m) => m.ruleId === 'no-restricted-syntax')).toHaveLength(2);
  });
});
