// ChatCaptain, as the platform registry knows it.
import type { PlatformFactory } from '../platform';
import { ChatCaptainPlatform, type ChatCaptainOptions } from './chatcaptain';

export const CHATCAPTAIN = 'chatcaptain';

export function chatcaptainPlatform(options: Pick<ChatCaptainOptions, 'http' | 'realtime'> = {}): PlatformFactory {
  return {
    id: CHATCAPTAIN,
    open: ({ baseUrl, secret, demo }) => new ChatCaptainPlatform({ ...options, baseUrl, key: secret, demo }),
  };
}
