// electron-builder.yml, checked the way electron-builder checks it, then used for real: the app
// is packaged (`--dir`, what every installer target wraps) around a stand-in Electron
// distribution, since the real one cannot be downloaded here. The stand-in carries the fuse wire
// the real binary has, so the fuses electron-builder flips can be read back.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt, projectRoot } from '../../support/app-build';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
// Electron's fuse wire: this sentinel, a version byte, a length byte, then one byte per fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const OFF = '0'.charCodeAt(0);
const ON = '1'.charCodeAt(0);

const loadConfig = async (): Promise<Configuration> => (await getConfig(projectRoot, null, null)) as Configuration;
/** The debug logger only collects details for builder-debug.yml; none are wanted here. */
const quiet = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];
const validate = (config: Configuration) => validateConfiguration(config, quiet);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema check, which rejects a misspelt option', async () => {
    const config = await loadConfig();
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate({ ...config, linux: { ...config.linux, tagret: ['AppImage'] } } as Configuration)).rejects.toThrow(/configuration\.linux/);
  });

  it('builds AppImage and deb, NSIS, and a universal dmg, and registers deckhand://', async () => {
    const config = await loadConfig();
    expect(config).toMatchObject({ appId: 'dev.deckhand.app', productName: 'Deckhand' });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toBe('nsis');
    expect(config.mac?.target).toEqual([
      { target: 'dmg', arch: 'universal' },
      { target: 'zip', arch: 'universal' },
    ]);
    expect(config.protocols).toEqual([expect.objectContaining({ schemes: ['deckhand'] })]);
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.DECKHAND_UPDATE_URL}' });
  });

  it('has a dist script per platform that builds the app first', () => {
    const scripts = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const [platform, flag] of [['linux', '--linux'], ['win', '--win'], ['mac', '--mac']]) {
      expect(scripts[`dist:${platform}`]).toMatch(new RegExp(`^electron-vite build && electron-builder ${flag}\\b`));
    }
  });
});

/** An unpacked "Electron" for Linux: the executable holds the fuse wire in Electron's defaults. */
function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadFromAsar, V8Snapshot, FileProtocol
  const wire = Buffer.from([1, 8, ON, OFF, ON, ON, OFF, OFF, OFF, ON]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(FUSE_SENTINEL), wire]), { mode: 0o755 });
  writeFileSync(join(dir, 'version'), '45.4.1');
  writeFileSync(join(dir, 'LICENSE'), 'MIT');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), '');
}

/** Every package in the production dependency tree (what a user's install would hold), by npm. */
function productionDependencies(): Set<string> {
  const tree = spawnSync('npm', ['ls', '--omit=dev', '--all', '--json'], { cwd: projectRoot, encoding: 'utf8' });
  type Node = { version?: string; dependencies?: Record<string, Node> };
  const names = new Set<string>();
  const walk = (node: Node): void => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      // Optional peers that are not installed are listed without a version.
      if (child.version === undefined) continue;
      names.add(name);
      walk(child);
    }
  };
  walk(JSON.parse(tree.stdout) as Node);
  return names;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe.runIf(process.platform === 'linux')('the packaged app (electron-builder --dir)', () => {
  const work = mkdtempSync(join(tmpdir(), 'deckhand-package-'));
  const appOutDir = join(work, 'dist', process.arch === 'x64' ? 'linux-unpacked' : `linux-${process.arch}-unpacked`);
  const resourcesDir = join(appOutDir, 'resources');
  const asar = join(resourcesDir, 'app.asar');
  const feed = 'https://updates.example.net/deckhand/';
  const prebuilds = 'node_modules/@photostructure/sqlite/prebuilds';
  const ownPrebuild = `${prebuilds}/linux-${process.arch}`;
  let entries: string[] = [];

  beforeAll(async () => {
    await ensureAppBuilt();
    standInElectron(join(work, 'electron-dist'));
    const cli = require.resolve('electron-builder/cli.js');
    const args = [cli, '--linux', 'dir', `--${process.arch}`, '--publish', 'never'];
    args.push(`-c.electronDist=${join(work, 'electron-dist')}`, `-c.directories.output=${join(work, 'dist')}`);
    const { code, output } = await run(process.execPath, args, { ...process.env, DECKHAND_UPDATE_URL: feed, CI: '' });
    if (code !== 0) throw new Error(`electron-builder failed (${code}):\n${output.slice(-4000)}`);
    entries = listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/').replace(/^\//, ''));
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds only out/**, package.json and the production dependencies in app.asar', () => {
    expect(new Set(entries.filter((e) => !e.includes('/')))).toEqual(new Set(['out', 'package.json', 'node_modules']));
    for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(entries).toContain(built);
    const packaged = new Set(entries.flatMap((e) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/@]+)$/.exec(e)?.[1] ?? []));
    const production = productionDependencies();
    expect([...production].filter((name) => !packaged.has(name))).toEqual([]);
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => !production.has(name));
    expect(devOnly).toContain('electron-builder');
    expect(devOnly.filter((name) => packaged.has(name))).toEqual([]);
  });

  it('unpacks the SQLite prebuild for this platform beside the asar, and only that one', () => {
    const glibc = `${ownPrebuild}/@photostructure+sqlite.glibc.node`;
    expect(statFile(asar, glibc)).toMatchObject({ unpacked: true });
    expect(existsSync(join(`${asar}.unpacked`, glibc))).toBe(true);
    expect(readdirSync(join(`${asar}.unpacked`, prebuilds))).toEqual([`linux-${process.arch}`]);
    expect(entries.filter((e) => e.startsWith(`${prebuilds}/`) && !e.startsWith(ownPrebuild))).toEqual([]);
    expect(entries.filter((e) => /@photostructure\/sqlite\/(src|binding\.gyp)/.test(e))).toEqual([]);
    // The JavaScript stays in the archive, covered by the integrity check.
    expect(statFile(asar, 'node_modules/@photostructure/sqlite/dist/index.mjs')).not.toHaveProperty('unpacked');
  });

  it('the unpacked prebuild is a working SQLite for this machine', () => {
    const binary = join(`${asar}.unpacked`, ownPrebuild, '@photostructure+sqlite.glibc.node');
    const script = `const { DatabaseSync } = require(${JSON.stringify(binary)}); const db = new DatabaseSync(':memory:');
      process.stdout.write(String(db.prepare('select 6 * 7 as answer').get().answer));`;
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('42');
  });

  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; encrypted cookies; only the validated asar', async () => {
    const wire = await getCurrentFuseWire(join(appOutDir, 'deckhand'));
    const state = (fuse: FuseV1Options) => wire[fuse];
    expect(state(FuseV1Options.RunAsNode)).toBe(OFF);
    expect(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe(OFF);
    expect(state(FuseV1Options.EnableNodeCliInspectArguments)).toBe(OFF);
    expect(state(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe(OFF);
    expect(state(FuseV1Options.EnableCookieEncryption)).toBe(ON);
    expect(state(FuseV1Options.OnlyLoadAppFromAsar)).toBe(ON);
    expect(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe(ON);
  });

  it('writes the update feed of the build into app-update.yml, and ships the tray icons and demo media', () => {
    const updateConfig = readFileSync(join(resourcesDir, 'app-update.yml'), 'utf8');
    expect(updateConfig).toMatch(/^provider: generic$/m);
    expect(updateConfig.split('\n')).toContain(`url: ${feed}`);
    expect(readdirSync(join(resourcesDir, 'resources')).sort()).toEqual(['demo', 'tray-offline.png', 'tray-online.png', 'tray-unread.png']);
    expect(readdirSync(join(resourcesDir, 'resources', 'demo'))).toEqual(readdirSync(join(projectRoot, 'resources', 'demo')));
  });
});
