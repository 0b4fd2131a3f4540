// The app as electron-vite builds it (out/main, out/preload, out/renderer) and whether that build
// is current. Tests of the built app (the e2e host, the built bundle, packaging) and
// `npm run start:web` build it when it is missing or older than its sources, once per run: a lock
// keeps two test files (or a test file and the e2e global setup) from building at the same time.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const outDir = join(projectRoot, 'out');
export const rendererDir = join(outDir, 'renderer');
export const builtMain = join(outDir, 'main', 'index.js');
export const builtPreload = join(outDir, 'preload', 'index.cjs');
const builtEntries = [builtMain, builtPreload, join(rendererDir, 'index.html')];

/** What the build is made from. */
const sources = ['src', 'electron.vite.config.ts', 'package-lock.json'];
const lockDir = join(projectRoot, 'node_modules', '.cache', 'deckhand-build.lock');
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** 'missing', 'stale' (a source changed after the build) or 'current'. */
export function appBuildState(): 'missing' | 'stale' | 'current' {
  if (!builtEntries.every((entry) => existsSync(entry))) return 'missing';
  const built = Math.min(...builtEntries.map((entry) => statSync(entry).mtimeMs));
  const changed = Math.max(...sources.map((s) => newestMtime(join(projectRoot, s))));
  return changed > built ? 'stale' : 'current';
}

/** Runs `electron-vite build` (a few seconds); rejects with its output when it fails. */
function build(): Promise<void> {
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

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(join(lockDir, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS) rmSync(lockDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Builds unless the build is current (checked again under the lock); returns what it found. */
export function ensureAppBuilt(): Promise<'missing' | 'stale' | 'current'> {
  return withLock(async () => {
    const state = appBuildState();
    if (state !== 'current') await build();
    return state;
  });
}
