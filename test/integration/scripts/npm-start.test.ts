// `npm start` on a fresh clone: the Electron binary is not there yet (Electron 45 downloads it on
// first use), so npm start must fetch it before electron-vite looks for it. A local mirror on
// 127.0.0.1 stands in for GitHub's releases (ELECTRON_MIRROR, as Electron's installer reads it)
// and serves a stand-in Electron that records how it was started. The clone is a temporary
// project beside this one: its own copy of the electron and electron-vite packages (where the
// binary lands and where electron-vite looks for it), everything else linked, so the real
// node_modules/electron is never touched.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/app-build';
import { zip } from '../../support/zip';

const { version } = JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
const archive = `electron-v${version}-${process.platform}-${process.arch}.zip`;

/** A stand-in Electron that writes where and with which arguments it was started. */
const standInRelease = zip([
  { name: 'electron', data: '#!/bin/sh\nprintf "%s\\n" "$PWD" "$@" > "$DECKHAND_FAKE_ELECTRON_LOG"\n', mode: 0o755 },
  { name: 'version', data: `v${version}` },
  { name: 'LICENSE', data: 'MIT' },
]);

interface Mirror {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** Serves the release the way GitHub lays it out: v<version>/<archive> and its SHASUMS256.txt. */
async function startMirror(answer: 'release' | 'not-found'): Promise<Mirror> {
  const requests: string[] = [];
  const sha256 = createHash('sha256').update(standInRelease).digest('hex');
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (answer === 'release' && req.url === `/v${version}/${archive}`) return res.end(standInRelease);
    if (answer === 'release' && req.url === `/v${version}/SHASUMS256.txt`) return res.end(`${sha256} *${archive}\n`);
    res.writeHead(404).end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on: connecting to it is refused. */
async function refusingUrl(): Promise<string> {
  const mirror = await startMirror('not-found');
  await mirror.close();
  return mirror.url;
}

/** A clone of this project with node_modules installed, except that the Electron binary is missing. */
function freshClone(dir: string): void {
  for (const entry of ['src', 'scripts', 'resources', 'electron.vite.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json']) {
    symlinkSync(join(projectRoot, entry), join(dir, entry));
  }
  cpSync(join(projectRoot, 'package.json'), join(dir, 'package.json'));
  const modules = join(projectRoot, 'node_modules');
  const own = ['electron', 'electron-vite'];
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.') || own.includes(name)) continue;
    symlinkSync(join(modules, name), join(dir, 'node_modules', name));
  }
  cpSync(join(modules, 'electron-vite'), join(dir, 'node_modules', 'electron-vite'), { recursive: true });
  const electron = join(dir, 'node_modules', 'electron');
  mkdirSync(electron);
  for (const file of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json']) cpSync(join(modules, 'electron', file), join(electron, file));
  // The same relative links npm makes, so they lead to this clone's packages.
  for (const bin of readdirSync(join(modules, '.bin'))) symlinkSync(readlinkSync(join(modules, '.bin', bin)), join(dir, 'node_modules', '.bin', bin));
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe.runIf(process.platform === 'linux')('npm start on a fresh clone', () => {
  const work = mkdtempSync(join(tmpdir(), 'deckhand-start-'));
  const clone = join(work, 'clone');
  const electronLog = join(work, 'electron-started.txt');

  function npmStart(mirrorUrl: string): Promise<Run> {
    // As from a fresh shell: nothing of the npm run around this test (npm_*, INIT_CWD) nor of this
    // machine's Electron setup may leak in; electron-vite must find the binary itself.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(electron_|npm_|init_cwd$)/i.test(name)));
    Object.assign(env, {
      ELECTRON_MIRROR: mirrorUrl,
      // The stand-in is checked against the mirror's SHASUMS256.txt instead of the real release's sums.
      electron_use_remote_checksums: '1',
      electron_config_cache: join(work, 'electron-cache'),
      DECKHAND_FAKE_ELECTRON_LOG: electronLog,
    });
    return new Promise((resolve, reject) => {
      const child = spawn('npm', ['start'], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  beforeAll(() => {
    mkdirSync(clone);
    freshClone(clone);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('says what to do when the download is refused, and starts nothing', async () => {
    const url = await refusingUrl();
    const run = await npmStart(url);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`Deckhand could not download Electron ${version}`);
    expect(run.stderr).toContain(`wanted:  ${archive}`);
    expect(run.stderr).toContain(`from:    ${url} (ELECTRON_MIRROR)`);
    expect(run.stderr).toMatch(/problem: could not reach 127\.0\.0\.1:\d+/);
    for (const advice of ['Connect, then run `npm start` again', 'HTTPS_PROXY', 'ELECTRON_GET_USE_PROXY=1', 'Set ELECTRON_MIRROR', 'npm run start:web']) {
      expect(run.stderr).toContain(advice);
    }
    expect(run.stderr).not.toContain('Electron uninstall');
    expect(existsSync(join(clone, 'out'))).toBe(false);
    expect(existsSync(electronLog)).toBe(false);
  });

  it('names the missing file when the mirror has no such release', async () => {
    const mirror = await startMirror('not-found');
    try {
      const run = await npmStart(mirror.url);
      expect(run.code).not.toBe(0);
      expect(mirror.requests).toContain(`/v${version}/${archive}`);
      expect(run.stderr).toContain(`problem: HTTPError: Response code 404 (Not Found) for ${mirror.url}v${version}/${archive}`);
      expect(existsSync(electronLog)).toBe(false);
    } finally {
      await mirror.close();
    }
  });

  it('downloads this platform’s Electron from the mirror, then builds and starts the app in it', async () => {
    const mirror = await startMirror('release');
    try {
      const run = await npmStart(mirror.url);
      expect(run.stderr).not.toContain('Error');
      expect(run.code).toBe(0);
      expect(mirror.requests.sort()).toEqual([`/v${version}/${archive}`, `/v${version}/SHASUMS256.txt`].sort());
      expect(run.stdout).toContain(`Downloading Electron ${version} (${archive})`);
      // electron-vite found the binary through path.txt and started the built app in it.
      expect(readFileSync(join(clone, 'node_modules', 'electron', 'path.txt'), 'utf8')).toBe('electron');
      expect(readFileSync(electronLog, 'utf8').split('\n').slice(0, 2)).toEqual([clone, '.']);
      expect(existsSync(join(clone, 'out', 'main', 'index.js'))).toBe(true);
    } finally {
      await mirror.close();
    }
  });

  it('does not download again on the next start', async () => {
    const mirror = await startMirror('release');
    try {
      rmSync(electronLog);
      const run = await npmStart(mirror.url);
      expect(run.code).toBe(0);
      expect(mirror.requests).toEqual([]);
      expect(run.stdout).not.toContain('Downloading Electron');
      expect(existsSync(electronLog)).toBe(true);
    } finally {
      await mirror.close();
    }
  });
});
