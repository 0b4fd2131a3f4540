// `npm start` and `npm run dev` run this first: it makes sure the Electron binary is there
// before electron-vite looks for it. Electron 45 no longer downloads its binary at `npm install`;
// it does so on first use, and electron-vite reads node_modules/electron/path.txt, which only
// that download writes ("Error: Electron uninstall" otherwise). So this runs Electron's own
// installer (node_modules/electron/install.js: @electron/get, with its cache, checksums, mirror
// and proxy settings), which returns at once when the binary is already in place, and turns a
// failed download into a message that says what to do.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

interface InstallTarget {
  version: string;
  platform: string;
  arch: string;
}

/** The archive Electron's installer downloads: electron-v45.4.1-linux-x64.zip. */
const electronArchive = ({ version, platform, arch }: InstallTarget): string => `electron-v${version}-${platform}-${arch}.zip`;

/** Where the download comes from, as the installer decides it (npm config, then environment). */
function electronMirror(env: NodeJS.ProcessEnv): { url: string; setting: string | null } {
  for (const setting of ['npm_config_electron_mirror', 'ELECTRON_MIRROR']) {
    const url = env[setting];
    if (url) return { url, setting };
  }
  return { url: DEFAULT_MIRROR, setting: null };
}

/** The installer's last error line (a stack trace helps nobody here), in words where it has none. */
function installerReason(stderr: string, mirrorUrl: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('at '));
  const last = lines.at(-1) ?? 'the installer exited without saying why';
  // Node's fetch reports every connection failure (offline, DNS, refused, proxy) as just this.
  if (/fetch failed/.test(last)) return `could not reach ${new URL(mirrorUrl).host} (no connection, or a proxy or firewall in the way)`;
  return last;
}

function failureMessage(target: InstallTarget, env: NodeJS.ProcessEnv, stderr: string): string {
  const mirror = electronMirror(env);
  const cache = env.electron_config_cache ? `${env.electron_config_cache} (electron_config_cache)` : "Electron's cache folder (~/.cache/electron on Linux)";
  return [
    '',
    `Deckhand could not download Electron ${target.version}, which \`npm start\` runs the app in.`,
    `  wanted:  ${electronArchive(target)}`,
    `  from:    ${mirror.url}${mirror.setting ? ` (${mirror.setting})` : ''}`,
    `  problem: ${installerReason(stderr, mirror.url)}`,
    '',
    'What to do:',
    '  - No internet? Connect, then run `npm start` again. Electron is downloaded once and kept in',
    `    ${cache}.`,
    '  - Behind a proxy? Set HTTPS_PROXY=http://proxy.example:8080 and ELECTRON_GET_USE_PROXY=1, then',
    '    run `npm start` again.',
    '  - Downloads only from a company mirror? Set ELECTRON_MIRROR to the mirror URL that holds',
    `    v${target.version}/${electronArchive(target)}, then run \`npm start\` again.`,
    '  - No Electron at all on this machine? `npm run start:web` runs the same app in a browser.',
    '',
  ].join('\n');
}

/** The platform and architecture the installer downloads for (it honours the same overrides). */
function installTarget(version: string, env: NodeJS.ProcessEnv): InstallTarget {
  return {
    version,
    platform: env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform,
    arch: env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch,
  };
}

/** Runs node_modules/electron/install.js; resolves true when Electron is there afterwards. */
async function ensureElectron(projectDir: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  // Resolved from the project, as electron-vite resolves it.
  const electronDir = dirname(createRequire(join(projectDir, 'package.json')).resolve('electron/package.json'));
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string };
  if (!existsSync(join(electronDir, 'path.txt'))) {
    console.log(`Downloading Electron ${version} (${electronArchive(installTarget(version, env))}), once for this checkout…`);
  }
  const child = spawn(process.execPath, [join(electronDir, 'install.js')], { cwd: projectDir, env, stdio: ['ignore', 'inherit', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code === 0) return true;
  process.stderr.write(failureMessage(installTarget(version, env), env, stderr));
  return false;
}

// npm runs scripts in the project's folder.
process.exitCode = (await ensureElectron(process.cwd(), process.env)) ? 0 : 1;
