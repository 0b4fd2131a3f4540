// The CLI as a developer runs it: one JSON line with --json, data kept in a file across a
// restart, a clean exit on SIGTERM, and a clear message for bad flags.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from '@botpress/client';
import { afterAll, describe, expect, it } from 'vitest';

const cli = (args: string[], env: Record<string, string> = {}) =>
  spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DECKHAND_SERVER_SECRET: '', ...env },
  });

interface Started {
  url: string;
  chatbots: string[];
  keys: { admin: string; agent: string; viewer: string; channel: string };
  botpress: { url: string; token: string; adminToken: string; botId: string; workspaceId: string };
  secret?: string;
}

async function startAndStop(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = cli(args, env);
  const exit = exited(child);
  const started = JSON.parse(await firstLine(child)) as Started;
  child.kill('SIGTERM');
  expect((await exit).code).toBe(0);
  return started;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing`)));
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

describe('npm run server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON line, keeps data in its file across a restart, and exits cleanly on SIGTERM', async () => {
    const db = join(dir, 'local.db');
    const first = cli(['--port', '0', '--db', db, '--demo', '--json']);
    const firstExit = exited(first);
    const started = JSON.parse(await firstLine(first)) as Started;
    // No secret given: one is made and printed, the only way to get these keys again.
    expect(started).toEqual({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      chatbots: ['bot_shop', 'bot_service'],
      keys: { admin: expect.any(String), agent: expect.any(String), viewer: expect.any(String), channel: expect.any(String) },
      botpress: { url: started.url, token: expect.stringMatching(/^bp_pat_/), adminToken: expect.stringMatching(/^bp_pat_/), botId: expect.any(String), workspaceId: expect.any(String) },
      secret: expect.stringMatching(/^.{16,}$/),
    });
    // What the Botpress part prints is all @botpress/client needs.
    const { botpress } = started;
    const bp = new Client({ apiUrl: botpress.url, token: botpress.token, botId: botpress.botId, workspaceId: botpress.workspaceId });
    expect((await bp.getAccount({})).account.email).toBe('jonas@example.de');
    expect((await bp.listConversations({ channel: 'hitl' })).conversations.length).toBeGreaterThan(0);
    const headers = { 'x-chatcaptain-key': started.keys.admin, 'content-type': 'application/json' };
    const created = await fetch(`${started.url}/v1/chatbots/bot_shop/organizations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Neustart GmbH' }),
    });
    expect(created.status).toBe(201);
    const { organization } = (await created.json()) as { organization: { id: string } };
    first.kill('SIGTERM');
    expect((await firstExit).code).toBe(0);

    const second = cli(['--port', '0', '--db', db, '--demo', '--json', '--secret', started.secret!]);
    const secondExit = exited(second);
    const restarted = JSON.parse(await firstLine(second)) as Started;
    expect(restarted.keys).toEqual(started.keys);
    expect(restarted.secret).toBeUndefined();
    // The same secret gives the same Botpress tokens too.
    expect({ ...restarted.botpress, url: '' }).toEqual({ ...started.botpress, url: '' });
    const again = await fetch(`${restarted.url}/v1/chatbots/bot_shop/organizations/${organization.id}`, { headers });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { organization: { name: string } }).organization.name).toBe('Neustart GmbH');
    second.kill('SIGTERM');
    expect((await secondExit).code).toBe(0);
  });

  it('takes the secret from DECKHAND_SERVER_SECRET too; without one, a file gets new keys', async () => {
    const db = join(dir, 'env.db');
    const secret = 'a-secret-from-the-environment';
    const first = await startAndStop(['--port', '0', '--db', db, '--json'], { DECKHAND_SERVER_SECRET: secret });
    expect(first.secret).toBeUndefined();
    expect((await startAndStop(['--port', '0', '--db', db, '--json'], { DECKHAND_SERVER_SECRET: secret })).keys).toEqual(first.keys);
    const fresh = await startAndStop(['--port', '0', '--db', db, '--json']);
    expect(fresh.keys.admin).not.toBe(first.keys.admin);
    expect(fresh.secret).toEqual(expect.any(String));
  });

  it.each([
    [['--secret', 'too-short'], /at least 16 characters/],
    [['--port', 'abc'], /--port takes a whole number/],
    [['--simulate', '-3'], /--simulate/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('rejects %j with exit code 2', async (args, message) => {
    const { code, stderr } = await exited(cli(args));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/usage: npm run server/);
  });
});
