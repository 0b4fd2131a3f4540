// Botpress, as the platform registry knows it.
import type { PlatformFactory } from '../platform';
import { BotpressPlatform, type BotpressOptions } from './botpress';
import { discoverBotpress } from './discover';

export const BOTPRESS = 'botpress';

export function botpressPlatform(options: Pick<BotpressOptions, 'deviceId' | 'client'>): PlatformFactory {
  return {
    id: BOTPRESS,
    open: ({ baseUrl, secret, workspaceId }) => new BotpressPlatform({ ...options, apiUrl: baseUrl, token: secret, workspaceId }),
    discover: ({ baseUrl, secret }) => discoverBotpress({ ...options.client, apiUrl: baseUrl, token: secret }),
  };
}
