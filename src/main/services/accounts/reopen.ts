// Why a stored account is not opened, as the code and detail the renderer puts into words
// (shared ReopenFailure), and which stored account a new sign-in takes the place of.
import { isSafeTransport, overHttps } from '../../../shared/transport';
import type { ReopenFailure, UnopenedAccount } from '../../../shared/view-models';
import { redact } from '../errors/redact';
import type { StoredAccount } from './stored-account';

/**
 * What stops Deckhand from sending a key to an address: none at all, or plain http to another
 * computer (shared/transport.ts holds the rule); null when nothing does.
 */
export function addressProblem(baseUrl: string): { reason: Extract<ReopenFailure, 'invalidAddress' | 'plainHttp'>; detail: string } | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { reason: 'invalidAddress', detail: baseUrl };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { reason: 'invalidAddress', detail: baseUrl };
  return isSafeTransport(url) ? null : { reason: 'plainHttp', detail: url.host };
}

/** The account as the renderer lists it when it was not opened: what it was and why, never its key. */
export function unopened(account: StoredAccount, reason: ReopenFailure, detail: string | null = null): UnopenedAccount {
  const { id, platform, demo, label, baseUrl, workspaceId } = account;
  return { id, platform, demo, label, baseUrl, ...(workspaceId !== undefined && { workspaceId }), chatbotIds: account.chatbots.map((c) => c.id), reason, detail };
}

/** A failure's own words for the agent to pass on, without any secret a library may have quoted. */
export function technicalDetail(error: unknown): string {
  return redact(error instanceof Error ? error.message : String(error));
}

type Where = { platform: string; baseUrl: string; workspaceId?: string | undefined };

// An address kept over http names the same workspace over https: signing in there again is how
// the agent moves an account an older Deckhand stored over plain http.
const workspaceAddress = (baseUrl: string): string => overHttps(baseUrl.replace(/\/+$/, '')).replace(/\/+$/, '');

/** One account per workspace: the same platform, address and workspace (on Botpress every workspace has the same address). */
export function sameWorkspace(a: Where, b: Where): boolean {
  return a.platform === b.platform && a.workspaceId === b.workspaceId && workspaceAddress(a.baseUrl) === workspaceAddress(b.baseUrl);
}
