// What a Botpress token reaches, found before anything is stored: the person it belongs to, their
// workspaces and each workspace's bots. The sign-in form offers these, so nobody types an id.
import { z } from 'zod';
import { PlatformError } from '../../errors/platform-error';
import type { Discovery } from '../platform';
import { attempt, BotpressClient, type BotpressClientOptions } from './client';
import { WireAccount, WireBot, WireWorkspace, checked } from './wire';

export async function discoverBotpress(options: Pick<BotpressClientOptions, 'apiUrl' | 'token'> & Partial<BotpressClientOptions>): Promise<Discovery> {
  const client = new BotpressClient(options);
  const admin = client.for(undefined);
  let account: z.infer<typeof WireAccount>;
  try {
    account = checked(WireAccount, (await attempt('getAccount', () => admin.getAccount({}))).account, 'getAccount');
  } catch (error) {
    // A bot's or an integration's token has no person behind it, and a desk replies as one.
    if (error instanceof PlatformError && error.code === 'Forbidden') {
      throw new PlatformError('Forbidden', 'This token is not a personal access token: a desk replies as a person, so sign in with your own token.', { status: 403 });
    }
    throw error;
  }
  const listed = await attempt('listWorkspaces', () => admin.list.workspaces({}).collect());
  const workspaces = await Promise.all(
    checked(z.array(WireWorkspace), listed, 'listWorkspaces').map(async (workspace) => {
      const bots = await attempt('listBots', () => client.for(undefined, workspace.id).list.bots({}).collect());
      const chatbots = checked(z.array(WireBot), bots, 'listBots').map((b) => ({ id: b.id, name: b.name }));
      return { id: workspace.id, name: workspace.name, chatbots };
    }),
  );
  return { agent: { id: account.id, name: account.displayName ?? account.email }, workspaces };
}
