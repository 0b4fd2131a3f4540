// The built renderer is split so that the first screen loads only what the inbox needs: the
// other sections (Organizations, Versions, Settings) are chunks of their own, loaded on first use
// (src/renderer/components/lazy-screen.tsx), and the code is minified.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt, rendererDir } from '../../support/app-build';
import { allFiles, firstScreenFiles } from '../../support/renderer-bundle';

beforeAll(async () => {
  await ensureAppBuilt();
}, 180_000);

describe('the built renderer', () => {
  it('keeps Organizations, Versions and Settings out of the first screen, each in a chunk of its own', () => {
    const first = firstScreenFiles(rendererDir);
    const lazy = allFiles(rendererDir).filter((f) => !first.has(f));
    for (const screen of ['OrganizationsScreen', 'VersionsScreen', 'SettingsScreen']) {
      expect(lazy.some((f) => f.startsWith(`assets/${screen}-`) && f.endsWith('.js')), screen).toBe(true);
      expect([...first].some((f) => f.includes(screen)), screen).toBe(false);
    }
    // The entry loads them with import(), not statically.
    const entry = [...first].find((f) => /assets\/index-.*\.js$/.test(f))!;
    expect(/import\([`"']\.\/SettingsScreen-/.test(readFileSync(join(rendererDir, entry), 'utf8'))).toBe(true);
  });

  it('is minified: long lines, not a line per statement', () => {
    for (const file of [...firstScreenFiles(rendererDir)].filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(rendererDir, file), 'utf8');
      expect(code.length / code.split('\n').length, file).toBeGreaterThan(500);
    }
  });
});
