// Where the built renderer lives and whether it is current. The host serves out/renderer as
// electron-vite built it; the e2e global setup and `npm run start:web` build it when it is
// missing or older than its sources.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const rendererDir = join(projectRoot, 'out', 'renderer');
export const rendererIndex = join(rendererDir, 'index.html');

/** What the renderer bundle is built from (the preload too: the bridge mirrors it). */
const sources = ['src/renderer', 'src/shared', 'src/preload', 'electron.vite.config.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** 'missing', 'stale' (a source changed after the build) or 'current'. */
export function rendererBuildState(): 'missing' | 'stale' | 'current' {
  if (!existsSync(rendererIndex)) return 'missing';
  const built = statSync(rendererIndex).mtimeMs;
  const changed = Math.max(...sources.map((s) => newestMtime(join(projectRoot, s))));
  return changed > built ? 'stale' : 'current';
}

/** Runs `electron-vite build` (about 2 s); rejects with its output when it fails. */
export function buildRenderer(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['--no-install', 'electron-vite', 'build'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`electron-vite build failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

/** Builds unless the build is current; returns what it found. */
export async function ensureRendererBuilt(): Promise<'missing' | 'stale' | 'current'> {
  const state = rendererBuildState();
  if (state !== 'current') await buildRenderer();
  return state;
}
