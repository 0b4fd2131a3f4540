// What the sign-in form checks before sending, and how it turns the server's verdict into a
// sentence tied to the field the agent has to fix. Pure (no React, no DOM) so it is unit-tested.
import { isSafeTransport } from '../../../shared/transport';

export interface SignInFields {
  baseUrl: string;
  key: string;
  chatbots: string;
}

export type FieldName = keyof SignInFields;
export type ValidationProblem = 'baseUrlRequired' | 'baseUrlInvalid' | 'baseUrlInsecure' | 'keyRequired' | 'chatbotsRequired';
export type ValidationErrors = Partial<Record<FieldName, ValidationProblem>>;

/** Chatbot ids as the agent pasted them: commas, new lines or spaces between, duplicates dropped. */
export function parseChatbotIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((id) => id.trim()).filter((id) => id !== ''))];
}

/** The base URL as it will be sent: trimmed, without trailing slashes; null if it is not http(s). */
export function normalizeBaseUrl(text: string): string | null {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return null;
  return trimmed.replace(/\/+$/, '');
}

export function validateSignIn(fields: SignInFields): ValidationErrors {
  const errors: ValidationErrors = {};
  const baseUrl = normalizeBaseUrl(fields.baseUrl);
  if (fields.baseUrl.trim() === '') errors.baseUrl = 'baseUrlRequired';
  else if (baseUrl === null) errors.baseUrl = 'baseUrlInvalid';
  else if (!isSafeTransport(new URL(baseUrl))) errors.baseUrl = 'baseUrlInsecure';
  if (fields.key.trim() === '') errors.key = 'keyRequired';
  if (parseChatbotIds(fields.chatbots).length === 0) errors.chatbots = 'chatbotsRequired';
  return errors;
}

/** The host for messages like "Cannot reach acme.example"; the raw text if it is no URL. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl.trim()).host || baseUrl.trim();
  } catch {
    return baseUrl.trim();
  }
}

/** What went wrong, in terms the form can show: which sentence, and next to which field. */
export type SignInProblem =
  | { kind: 'unauthorized'; field: 'key' }
  | { kind: 'chatbotForbidden'; field: 'chatbots'; chatbot: string }
  | { kind: 'chatbotNotFound'; field: 'chatbots'; chatbot: string }
  | { kind: 'unreachable'; field: 'baseUrl'; host: string }
  | { kind: 'notChatCaptain'; field: 'baseUrl'; host: string }
  /** The address sent Deckhand elsewhere; it does not follow with the key. */
  | { kind: 'redirected'; field: 'baseUrl'; host: string }
  | { kind: 'weakEncryption' }
  /** Anything else: the shared error sentence (describeError) is shown above the button. */
  | { kind: 'other' };

export interface ServerError {
  code: string;
  message: string;
  permission?: string | undefined;
}

/**
 * Main names the chatbot in its message ("This key has no access to chatbot cb_2", "Chatbot
 * cb_2 was not found: …"); the id is found by looking for the ones the agent entered, longest
 * first so that "cb_10" is not taken for "cb_1".
 */
export function mentionedChatbot(message: string, chatbotIds: readonly string[]): string | null {
  const sorted = [...chatbotIds].sort((a, b) => b.length - a.length);
  for (const id of sorted) {
    const at = message.indexOf(id);
    if (at === -1) continue;
    const after = message.charAt(at + id.length);
    // A whole token: followed by nothing, whitespace or punctuation that cannot be part of an id.
    if (after === '' || /[\s:,.;)"'”]/.test(after)) return id;
  }
  return null;
}

export function classifySignInError(error: ServerError, fields: Pick<SignInFields, 'baseUrl' | 'chatbots'>): SignInProblem {
  const host = hostOf(fields.baseUrl);
  switch (error.code) {
    case 'Unauthorized':
      return { kind: 'unauthorized', field: 'key' };
    case 'WeakEncryption':
      return { kind: 'weakEncryption' };
    case 'Network':
    case 'Timeout':
      return { kind: 'unreachable', field: 'baseUrl', host };
    case 'Malformed':
      return { kind: 'notChatCaptain', field: 'baseUrl', host };
    case 'Redirected':
      return { kind: 'redirected', field: 'baseUrl', host };
    case 'Forbidden':
    case 'NotFound': {
      const chatbot = mentionedChatbot(error.message, parseChatbotIds(fields.chatbots));
      if (chatbot !== null) {
        return error.code === 'Forbidden' ? { kind: 'chatbotForbidden', field: 'chatbots', chatbot } : { kind: 'chatbotNotFound', field: 'chatbots', chatbot };
      }
      // A 404 that names no chatbot: the address answers, but not with ChatCaptain's API.
      if (error.code === 'NotFound') return { kind: 'notChatCaptain', field: 'baseUrl', host };
      return { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}
