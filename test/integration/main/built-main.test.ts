// Evidence that the built app starts, since the Electron binary cannot run here: the built
// out/main/index.js runs in plain Node (its own process, ESM as Electron loads it) with `electron`
// resolved to a recording stand-in (test/support/electron-stand-in). It takes the single-instance
// lock, serves the renderer on app:// with the CSP, registers every contract channel, opens the
// window with the secure webPreferences on the renderer, answers calls with the real services
// behind them, and quits cleanly: after the quit the process ends by itself.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { calls, callChannel, type CallName } from '../../../src/shared/ipc';
import { builtMain, builtPreload, ensureAppBuilt, projectRoot } from '../../support/app-build';

vi.mock('electron', () => ({ protocol: {} }));
const { APP_INDEX_URL, CONTENT_SECURITY_POLICY } = await import('../../../src/main/electron/protocol');

const standIn = fileURLToPath(new URL('../../support/electron-stand-in/', import.meta.url));

interface Run {
  code: number | null;
  reports: Record<string, Record<string, unknown>>;
  output: string;
}

/** Runs the built main until it ends by itself; kills it (and says so) if it does not. */
function runBuiltMain(env: Record<string, string>): Promise<Run> {
  const userData = mkdtempSync(join(tmpdir(), 'deckhand-built-main-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', join(standIn, 'register.mjs'), join(standIn, 'run-main.mjs')], {
      cwd: projectRoot,
      env: { ...process.env, STANDIN_MAIN: builtMain, STANDIN_USER_DATA: userData, STANDIN_APP_PATH: projectRoot, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      rmSync(userData, { recursive: true, force: true });
      const reports = Object.fromEntries(
        output
          .split('\n')
          .filter((line) => line.startsWith('REPORT '))
          .map((line) => JSON.parse(line.slice('REPORT '.length)) as Record<string, unknown>)
          .map((report) => [report.stage as string, report]),
      );
      resolve({ code, reports, output });
    });
  });
}

describe('the built main process (out/main/index.js)', () => {
  let run: Run;

  beforeAll(async () => {
    await ensureAppBuilt();
    run = await runBuiltMain({});
  }, 90_000);

  it('takes the single-instance lock and registers app:// (privileged, before ready) and deckhand://', () => {
    const started = run.reports.started;
    expect(started, run.output).toBeDefined();
    expect(started).toMatchObject({ lockRequests: 1, schemesRegisteredBeforeReady: true, protocolClients: ['deckhand'] });
    expect(started!.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ]);
  });

  it('registers every contract channel, and answers them with the real services behind', () => {
    const started = run.reports.started!;
    expect(started.channels).toEqual((Object.keys(calls) as CallName[]).map(callChannel).sort());
    // First run: the demo workspace opens by itself, its ChatCaptain chatbots and its Botpress bot.
    expect(started.session).toMatchObject({
      ok: true,
      value: { accounts: [expect.objectContaining({ platform: 'chatcaptain', demo: true }), expect.objectContaining({ platform: 'botpress', demo: true })] },
    });
    expect(started.update).toEqual({ ok: true, value: expect.objectContaining({ status: 'disabled' }) as unknown });
    expect(started.foreignCall).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
  });

  it('opens one window with the secure webPreferences and the built preload', () => {
    const started = run.reports.started!;
    expect(started.windows).toBe(1);
    expect(started.webPreferences).toMatchObject({
      preload: builtPreload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(existsSync(builtPreload)).toBe(true);
    expect(started.hardened).toEqual({ windowOpenHandler: true, willNavigate: 2, willAttachWebview: 2, permissionCheck: [true, false] });
  });

  it('loads the built renderer from app://, with the CSP on the page and its assets, and nothing outside', () => {
    const started = run.reports.started!;
    expect(started.loads).toEqual([APP_INDEX_URL]);
    expect(started.page).toEqual({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY, body: 'the renderer' });
    expect(started.script).toBe('text/javascript; charset=utf-8');
    expect(started.escape).toBe(404);
  });

  it('builds the tray and the app menu in the system language', () => {
    const started = run.reports.started!;
    expect(started.trayMenu).toEqual(['Online', 'Offline', 'separator', 'Deckhand öffnen', 'Beenden']);
    // Unpackaged (npm start), the View menu keeps its DevTools.
    expect(started.viewMenu).toEqual({ label: 'Ansicht', role: 'viewMenu' });
  });

  it('quits cleanly: stops the services, quits, and the process ends by itself', () => {
    expect(run.reports.quit, run.output).toEqual({ stage: 'quit', quitCalls: 2, exitCodes: [] });
    expect(run.reports['still-running']).toBeUndefined();
    expect(run.code, run.output).toBe(0);
    expect(run.output).not.toMatch(/did not stop cleanly|could not start/);
  });

  it('hands over to the running instance when it does not get the lock', async () => {
    const second = await runBuiltMain({ STANDIN_LOCK: 'denied' });
    expect(second.reports.denied, second.output).toEqual({ stage: 'denied', lockRequests: 1, quitCalls: 1, windows: 0, channels: 0 });
    expect(second.code).toBe(0);
  });

});
