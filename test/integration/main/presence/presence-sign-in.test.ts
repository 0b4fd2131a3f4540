// The online switch after signing in says what customers see. Found in a day's use: online in
// the demo, signed out, signed in to a workspace where the agent is offline, the switch said
// Online ("Customers still see you offline") until toggled twice. And an account added while the
// agent is online takes the one switch's state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDemo } from '../../../../src/main/demo-server';
import { startServer, type RunningServer } from '../../../../src/server/app';
import { MemoryVault } from '../../../support/memory-vault';
import { testSecret } from '../../../support/server';
import { until } from '../../../support/until';
import { Harness, http } from '../app-harness';

describe('the online switch after signing in', () => {
  let root: string;
  let h: Harness;
  let workspace: RunningServer;

  /** Whether the agent the key speaks for is online on bot_shop, as the server has it. */
  const onServer = async (key: string, agentId: string) => {
    const answer = await http<{ agents: { agentId: string; online: boolean }[] }>({ url: workspace.url, key }, 'GET', '/v1/inbox/bot_shop/agents/online');
    return answer.body.agents.find((a) => a.agentId === agentId)?.online;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'deckhand-presence-sign-in-'));
    workspace = await startServer({ db: join(root, 'workspace.sqlite'), demo: true });
    h = new Harness(join(root, 'data'), new MemoryVault(), embeddedDemo(join(root, 'demo.sqlite'), { secret: testSecret, simulatePerMin: 0 }));
    await h.app.start();
  });

  afterAll(async () => {
    await h?.app.stop();
    await workspace?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('shows the server’s state after signing out while online and signing in where the agent is offline', async () => {
    const demo = await h.call('session.openDemo', {});
    await until(() => h.app.presence.get().confirmed !== null, 'the demo’s presence read');
    h.app.presence.set(true);
    await until(() => h.app.presence.get().confirmed === true && !h.app.presence.get().pending, 'online in the demo');
    await h.call('session.signOut', { accountId: demo.id });

    // Sam (the viewer's colleague) never went online in this workspace.
    const key = workspace.issueKey({ agentId: 'agent_sam', permissions: ['chatbots.conversations.list', 'chatbots.conversations.get', 'chatbots.inbox.agents.list', 'chatbots.inbox.agents.online.edit'], chatbotIds: ['bot_shop'], label: 'sam' });
    expect(await onServer(key, 'agent_sam')).toBe(false);
    await h.call('session.addAccount', { baseUrl: workspace.url, key, chatbotIds: ['bot_shop'] });
    await until(() => h.app.presence.get().confirmed !== null && !h.app.presence.get().pending, 'presence read after sign-in');
    expect(h.app.presence.get()).toMatchObject({ intent: false, confirmed: false, lostRace: false });
  });

  it('writes the switch’s state to an account added while the agent is online', async () => {
    h.app.presence.set(true);
    await until(() => h.app.presence.get().confirmed === true && !h.app.presence.get().pending, 'online');
    const key = workspace.issueKey({ agentId: 'agent_sam', permissions: ['chatbots.conversations.list', 'chatbots.inbox.agents.list', 'chatbots.inbox.agents.online.edit'], chatbotIds: ['bot_service'], label: 'sam, service' });
    await h.call('session.addAccount', { baseUrl: workspace.url.replace('127.0.0.1', 'localhost'), key, chatbotIds: ['bot_service'] });
    const online = async () => {
      const answer = await http<{ agents: { agentId: string; online: boolean }[] }>({ url: workspace.url, key }, 'GET', '/v1/inbox/bot_service/agents/online');
      return answer.body.agents.find((a) => a.agentId === 'agent_sam')?.online === true;
    };
    await until(online, 'Sam online on the new account', 3_000);
    await until(() => h.app.presence.get().confirmed === true && !h.app.presence.get().pending, 'confirmed everywhere');
    expect(h.app.presence.get()).toMatchObject({ intent: true, lostRace: false });
  });
});
