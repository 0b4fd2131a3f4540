// Bringing a conversation's messages in the cache up to date: the newest page from the platform,
// and older pages until they join what the cache holds, remembering how far back the history
// goes so that loading older messages goes on exactly where the cache ends.
import type { Message } from '../../../shared/domain';
import type { ConversationRef } from '../../../shared/keys';
import type { MessageCache } from '../cache/message-cache';
import type { ChatPlatform } from '../platforms/platform';

/** Messages per page in a conversation view. */
export const MESSAGE_PAGE = 50;

/** A conversation that moved on by more than this many pages is reloaded from the newest page. */
const MAX_CATCH_UP_PAGES = 20;

/**
 * Fetches the newest messages and pages back until they join the cache. Returns the news:
 * messages missing among or after those held. Older ones only fill in history (a conversation
 * known from one live message gets its earlier page) and are stored without being returned, so
 * they are never announced as new. `stopped` is asked before anything is written.
 */
export async function catchUpMessages(
  platform: Pick<ChatPlatform, 'messages'>,
  cache: MessageCache,
  ref: ConversationRef,
  stopped: () => boolean = () => false,
): Promise<Message[]> {
  const held = cache.list(ref, { limit: 200 });
  const known = new Set(held.map((m) => m.id));
  const oldestHeld = held[0] ? Date.parse(held[0].createdAt) : Infinity;
  const fresh: Message[] = [];
  let cursor: string | undefined;
  let older: string | null = null;
  let joined = false;
  for (let page = 0; page < MAX_CATCH_UP_PAGES; page++) {
    const batch = await platform.messages(ref.chatbotId, ref.conversationId, { limit: MESSAGE_PAGE, ...(cursor !== undefined && { cursor }) });
    fresh.unshift(...batch.messages.filter((m) => !known.has(m.id)));
    older = batch.older;
    joined = batch.messages.some((m) => known.has(m.id));
    if (older === null || known.size === 0 || joined) break;
    cursor = older;
  }
  if (stopped()) return [];
  const added = fresh.length > 0 ? cache.upsert(ref, fresh) : [];
  // What was fetched reaches further back than anything known about this conversation's
  // history (or did not meet the cache at all): the history goes on from its oldest page.
  if (!joined || cache.history(ref) === null) cache.setHistory(ref, { older });
  return added.filter((m) => Date.parse(m.createdAt) > oldestHeld);
}

/**
 * The page before message `beforeId`: from the cache while it holds enough, else fetched from
 * where the cached history ends. `hasOlder` says whether another page exists before it.
 */
export async function olderMessages(
  platform: Pick<ChatPlatform, 'messages'>,
  cache: MessageCache,
  ref: ConversationRef,
  beforeId: string,
): Promise<{ messages: Message[]; hasOlder: boolean }> {
  // One more than a page tells whether yet another page exists.
  const cached = cache.list(ref, { before: beforeId, limit: MESSAGE_PAGE + 1 });
  if (cached.length > MESSAGE_PAGE) return { messages: cached.slice(-MESSAGE_PAGE), hasOlder: true };
  if (cache.history(ref) === null) await catchUpMessages(platform, cache, ref);
  const older = cache.history(ref)?.older ?? null;
  if (older === null) return { messages: cached, hasOlder: false };
  const page = await platform.messages(ref.chatbotId, ref.conversationId, { cursor: older, limit: MESSAGE_PAGE });
  cache.upsert(ref, page.messages);
  cache.setHistory(ref, { older: page.older });
  const now = cache.list(ref, { before: beforeId, limit: MESSAGE_PAGE + 1 });
  return { messages: now.slice(-MESSAGE_PAGE), hasOlder: now.length > MESSAGE_PAGE || page.older !== null };
}

/** Whether older messages exist than the newest page held: more are cached, or the platform has more. */
export function hasOlderThanNewest(cache: MessageCache, ref: ConversationRef): boolean {
  return cache.list(ref, { limit: MESSAGE_PAGE + 1 }).length > MESSAGE_PAGE || (cache.history(ref)?.older ?? null) !== null;
}
