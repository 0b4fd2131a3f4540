// Signing in again to an account that could not be reopened: which platforms the forms connect,
// what the form is filled with (the key is always typed anew), and what the agent can do about
// each reason. Pure, so it is unit-tested in node.
import { overHttps } from '../../../shared/transport';
import type { UnopenedAccount } from '../../../shared/view-models';

/** The platforms the sign-in forms connect, in the order they are offered. */
export const signInPlatforms = ['chatcaptain', 'botpress'] as const;
export type SignInPlatform = (typeof signInPlatforms)[number];

export const isSignInPlatform = (platform: string): platform is SignInPlatform => (signInPlatforms as readonly string[]).includes(platform);

/** What a sign-in form starts with. */
export interface SignInPrefill {
  /** The account's name, for the form to say whom the agent signs in to again. */
  label: string;
  platform: SignInPlatform;
  baseUrl: string;
  chatbotIds: readonly string[];
  /** Botpress: the workspace to pick once the token says which it reaches. */
  workspaceId?: string | undefined;
}

/** The account's platform, chatbots and address: over https where it was plain http, as the reason asks. */
export function prefillOf(account: UnopenedAccount): SignInPrefill | null {
  if (!isSignInPlatform(account.platform)) return null;
  return {
    label: account.label,
    platform: account.platform,
    baseUrl: account.reason === 'plainHttp' ? overHttps(account.baseUrl) : account.baseUrl,
    chatbotIds: account.chatbotIds,
    ...(account.workspaceId !== undefined && { workspaceId: account.workspaceId }),
  };
}

/** Besides Remove: open the demo again, sign in again, or nothing (a platform no form connects). */
export function remedyOf(account: UnopenedAccount): 'tryAgain' | 'signInAgain' | null {
  if (account.demo) return 'tryAgain';
  return isSignInPlatform(account.platform) ? 'signInAgain' : null;
}

/** The bots chosen at first in a workspace: those the account had, if the token still reaches any; else all. */
export function preselectedBots(offered: readonly { id: string }[], had: readonly string[] | undefined): string[] {
  const kept = offered.filter((bot) => had?.includes(bot.id)).map((bot) => bot.id);
  return kept.length > 0 ? kept : offered.map((bot) => bot.id);
}
