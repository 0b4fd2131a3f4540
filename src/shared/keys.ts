// Composite keys: one string for a chatbot of an account, or a conversation of a chatbot, used
// as map keys, in the cache, the outbox, drafts and the inbox filter. Each id is escaped, so an
// id that holds a "/" cannot shift the others; plain ids read as they are ("acc_1/bot_shop/c_9").

export interface ChatbotRef {
  accountId: string;
  chatbotId: string;
}

export interface ConversationRef extends ChatbotRef {
  conversationId: string;
}

const join = (...ids: string[]): string => ids.map(encodeURIComponent).join('/');

function split(key: string, parts: number): string[] | null {
  const ids = key.split('/');
  if (ids.length !== parts) return null;
  try {
    const decoded = ids.map(decodeURIComponent);
    return decoded.every((id) => id !== '') ? decoded : null;
  } catch {
    return null; // a malformed escape
  }
}

export const chatbotKey = (ref: ChatbotRef): string => join(ref.accountId, ref.chatbotId);

export const conversationKey = (ref: ConversationRef): string => join(ref.accountId, ref.chatbotId, ref.conversationId);

/** The ids in a conversation key, or null when it is not one. */
export function parseConversationKey(key: string): ConversationRef | null {
  const ids = split(key, 3);
  return ids ? { accountId: ids[0]!, chatbotId: ids[1]!, conversationId: ids[2]! } : null;
}

export function parseChatbotKey(key: string): ChatbotRef | null {
  const ids = split(key, 2);
  return ids ? { accountId: ids[0]!, chatbotId: ids[1]! } : null;
}

/** Whether a conversation key belongs to the account (for sign-out). */
export const inAccount = (key: string, accountId: string): boolean => key.startsWith(`${encodeURIComponent(accountId)}/`);
