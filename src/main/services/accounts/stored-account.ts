// What is kept of an account between runs (accounts.json): where it is, which platform, who the
// key speaks for and what it may do on each chatbot. Never the key itself: that is in the vault.
import { z } from 'zod';
import { Capability } from '../../../shared/capabilities';
import { Account } from '../../../shared/view-models';
import { grantsFrom } from '../platforms/chatcaptain/abilities';
import { CHATCAPTAIN } from '../platforms/chatcaptain/index';

// The account as the renderer sees it, less what is known only at run time: what the platform
// offers (from the platform itself) and how the connection is; plus the workspace the chatbots
// belong to, on a platform that has workspaces (Botpress), which only main needs.
export const StoredAccount = Account.omit({ capabilities: true, connection: true }).extend({ workspaceId: z.string().optional() });
export type StoredAccount = z.infer<typeof StoredAccount>;

// Files written before Deckhand had platforms held only ChatCaptain accounts, with the key's
// ChatCaptain permissions per chatbot. They read as ChatCaptain accounts with those as grants.
const LegacyAccount = z
  .object({
    id: z.string(),
    kind: z.enum(['chatcaptain', 'demo']),
    label: z.string(),
    baseUrl: z.string(),
    agent: z.object({ id: z.string(), name: z.string() }),
    chatbots: z.array(z.object({ id: z.string(), name: z.string(), permissions: z.array(z.string()) })),
  })
  .transform(
    ({ kind, chatbots, ...rest }): StoredAccount => ({
      ...rest,
      platform: CHATCAPTAIN,
      demo: kind === 'demo',
      chatbots: chatbots.map(({ permissions, ...chatbot }) => ({ ...chatbot, ...grantsFrom(permissions, Capability.options) })),
    }),
  );

export const AccountsFile = z.array(z.union([StoredAccount, LegacyAccount]));
