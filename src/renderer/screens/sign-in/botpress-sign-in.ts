// What the Botpress sign-in checks before it asks Botpress, which bots it offers once it knows,
// and which field a refusal is about. Pure, so it is unit-tested in node.
import { isSafeTransport } from '../../../shared/transport';
import type { Discovery } from '../../../shared/view-models';
import { hostOf, normalizeBaseUrl, type ServerError } from './sign-in-form';

/** Botpress Cloud's API: where the form starts. */
export const BOTPRESS_CLOUD_URL = 'https://api.botpress.cloud';

export interface BotpressFields {
  apiUrl: string;
  token: string;
}

export type BotpressField = keyof BotpressFields | 'bots';
export type BotpressValidation = 'apiUrlRequired' | 'apiUrlInvalid' | 'apiUrlInsecure' | 'tokenRequired' | 'botsRequired';

export function validateBotpress(fields: BotpressFields, chosenBots: readonly string[] | null): Partial<Record<BotpressField, BotpressValidation>> {
  const errors: Partial<Record<BotpressField, BotpressValidation>> = {};
  if (fields.apiUrl.trim() === '') errors.apiUrl = 'apiUrlRequired';
  else if (normalizeBaseUrl(fields.apiUrl) === null) errors.apiUrl = 'apiUrlInvalid';
  else if (!isSafeTransport(new URL(fields.apiUrl.trim()))) errors.apiUrl = 'apiUrlInsecure';
  if (fields.token.trim() === '') errors.token = 'tokenRequired';
  // Only once bots are offered can none be chosen.
  if (chosenBots !== null && chosenBots.length === 0) errors.bots = 'botsRequired';
  return errors;
}

/** The workspace shown first: the only one, or the first with bots. */
export function firstWorkspace(discovery: Discovery): string | null {
  return (discovery.workspaces.find((w) => w.chatbots.length > 0) ?? discovery.workspaces[0])?.id ?? null;
}

/** A new workspace's bots start chosen: most agents work for every bot their token reaches. */
export function botsOf(discovery: Discovery, workspaceId: string | null): { id: string; name: string }[] {
  return discovery.workspaces.find((w) => w.id === workspaceId)?.chatbots ?? [];
}

export type BotpressProblem =
  | { kind: 'unauthorized' | 'forbidden'; field: 'token' }
  | { kind: 'unreachable' | 'notBotpress'; field: 'apiUrl'; host: string }
  | { kind: 'weakEncryption' }
  | { kind: 'other' };

export function classifyBotpressError(error: ServerError, apiUrl: string): BotpressProblem {
  switch (error.code) {
    case 'Unauthorized':
      return { kind: 'unauthorized', field: 'token' };
    case 'Forbidden':
      return { kind: 'forbidden', field: 'token' };
    case 'Network':
    case 'Timeout':
      return { kind: 'unreachable', field: 'apiUrl', host: hostOf(apiUrl) };
    case 'NotFound':
    case 'Malformed':
      return { kind: 'notBotpress', field: 'apiUrl', host: hostOf(apiUrl) };
    case 'WeakEncryption':
      return { kind: 'weakEncryption' };
    default:
      return { kind: 'other' };
  }
}
