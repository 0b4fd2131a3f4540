// The process boundaries of DESIGN.md are enforced by ESLint; this checks the rules really fire
// (and stay quiet where an import is allowed), so a config edit cannot silently disable them.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('process boundaries', () => {
  it.each([
    ['src/main/services/sync.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['src/server/app.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['src/renderer/App.tsx', "import { app } from 'electron';\nexport const a = app;"],
    ['src/shared/ipc.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;"],
    ['src/shared/ipc.ts', "import fs from 'fs';\nexport const r = fs;"],
    ['src/shared/ipc.ts', 'export const w = window.location;'],
    ['src/shared/ipc.ts', 'export const p = process.env;'],
    ['src/shared/ipc.ts', "import { create } from 'zustand';\nexport const c = create;"],
    ['src/renderer/store.ts', "import { startServer } from '../server/app';\nexport const s = startServer;"],
    ['src/renderer/store.ts', "import { x } from '../main/services/sync';\nexport const s = x;"],
    ['src/renderer/store.ts', "import { join } from 'node:path';\nexport const j = join;"],
  ])('%s rejects %j', async (file, code) => {
    expect(await restricted(file, code)).not.toEqual([]);
  });

  it.each([
    ['src/main/electron/window.ts', "import { BrowserWindow } from 'electron';\nexport const w = BrowserWindow;"],
    ['src/preload/index.ts', "import { contextBridge } from 'electron';\nexport const c = contextBridge;"],
    ['src/main/services/sync.ts', "import { join } from 'node:path';\nexport const j = join;"],
    ['src/renderer/store.ts', "import { Conversation } from '../shared/domain';\nexport const c = Conversation;"],
    ['src/shared/ipc.ts', "import { z } from 'zod';\nexport const s = z.string();"],
  ])('%s allows %j', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
