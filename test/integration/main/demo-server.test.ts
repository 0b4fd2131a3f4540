// The embedded demo across app restarts: its keys are derived from a secret the app keeps in the
// vault (the server keeps none), so the same file gives the same keys; where the OS offers no real
// encryption the secret stays in memory, and the demo still opens, with new keys. And the demo is
// one person at work: the same agent on ChatCaptain and on the Botpress desk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoSecret, embeddedDemo } from '../../../src/main/demo-server';
import { BotpressPlatform } from '../../../src/main/services/platforms/botpress/botpress';
import { fast } from '../../support/botpress';
import { MemoryVault } from '../../support/memory-vault';

const dir = mkdtempSync(join(tmpdir(), 'deckhand-demo-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function keyOf(file: string, secret: string): Promise<string> {
  const demo = embeddedDemo(file, { secret, simulatePerMin: 0 });
  try {
    const started = await demo.start();
    const me = await fetch(`${started.url}/v1/auth/me`, { headers: { 'x-chatcaptain-key': started.key } });
    expect(me.status).toBe(200);
    return started.key;
  } finally {
    await demo.stop();
  }
}

describe('the demo secret', () => {
  it('is kept in the vault, so the demo has the same keys after a restart', async () => {
    const file = join(dir, 'kept.sqlite');
    const vault = new MemoryVault('os');
    const secret = demoSecret(vault);
    expect(vault.names()).toEqual(['demo:workspace-secret']);
    const before = await keyOf(file, secret);
    expect(demoSecret(vault)).toBe(secret);
    expect(await keyOf(file, demoSecret(vault))).toBe(before);
  });

  it('stays in memory where the OS offers no real encryption; the demo still opens', async () => {
    const file = join(dir, 'memory.sqlite');
    const vault = new MemoryVault('basic_text');
    const first = demoSecret(vault);
    expect(vault.names()).toEqual([]);
    const second = demoSecret(vault);
    expect(second).not.toBe(first);
    expect(await keyOf(file, second)).not.toBe(await keyOf(file, first));
  });
});

describe('the demo’s accounts', () => {
  it('sign in as the same agent on ChatCaptain and on the Botpress desk', async () => {
    const demo = embeddedDemo(join(dir, 'person.sqlite'), { secret: 'the same person, twice over', simulatePerMin: 0 });
    try {
      const started = await demo.start();
      const me = (await (await fetch(`${started.url}/v1/auth/me`, { headers: { 'x-chatcaptain-key': started.key } })).json()) as { name?: string; agent?: { name: string } };
      const { botId, workspaceId, token } = started.botpress!;
      const desk = new BotpressPlatform({ apiUrl: started.url, token, workspaceId, deviceId: 'demo-test', client: fast });
      const agent = (await desk.identity([botId])).agent;
      expect(agent.name).toBe('Lena Hoffmann');
      expect(JSON.stringify(me)).toContain(agent.name);
    } finally {
      await demo.stop();
    }
  });
});
