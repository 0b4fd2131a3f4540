// One resync's reading of a chatbot's changes since the stored cursor. The first load into an
// empty cache is the whole inbox at once, which is not news. After it, the messages the live
// feed would have brought (it may have been down, or the platform has none) are read here too: a
// conversation never opened announces a newest message not seen before, and one whose history
// we hold is caught up page by page. Kept apart from ChatbotSync, which runs one resync at a time
// and turns its outcome into the connection state; this is only what one resync reads and writes.
import type { LocalCache } from '../cache/local-cache';
import type { MessageCache } from '../cache/message-cache';
import type { ChatPlatform } from '../platforms/platform';
import type { ChangeApplier } from './change-applier';
import { catchUpMessages } from './message-history';

export interface ReadChangesOptions {
  accountId: string;
  chatbot: { id: string };
  platform: Pick<ChatPlatform, 'changes' | 'messages'>;
  cache: LocalCache;
  messages: MessageCache;
  changes: ChangeApplier;
  /** An earlier resync of this run succeeded: this one is never the initial load, even of an empty inbox. */
  loaded: boolean;
  stopped: () => boolean;
}

/**
 * Reads and applies the changes, then moves the cursor. Returns false when the sync stopped
 * meanwhile (nothing more is written); a failure throws, with the cursor where it was.
 */
export async function readChanges(options: ReadChangesOptions): Promise<boolean> {
  const { platform, cache, messages, accountId, chatbot, changes: applier, stopped } = options;
  const ref = (conversationId: string) => ({ accountId, chatbotId: chatbot.id, conversationId });
  const cursor = cache.cursor(accountId, chatbot.id);
  const changes = await platform.changes(chatbot.id, cursor);
  if (stopped()) return false;
  const initial = cursor === null && !options.loaded;
  const lastSeen = new Map(changes.conversations.map((c) => [c.id, applier.stored(c.id)?.lastMessage?.id]));
  applier.applyConversations(changes.conversations, initial);
  applier.applyRemoved(changes.removed);
  for (const c of changes.conversations) {
    if (!c.lastMessage) continue;
    // A conversation never opened: a newest message not seen before is the news the live
    // feed would have brought (there may be none, or it was down). Not on the first load.
    if (messages.list(ref(c.id), { limit: 1 }).length === 0) {
      const held = applier.stored(c.id)?.lastMessage?.id; // a stale answer was not applied
      if (!initial && held === c.lastMessage.id && lastSeen.get(c.id) !== held) applier.applyMessage(c.lastMessage);
      continue;
    }
    // Conversations whose history we hold must not miss a message the live feed did not bring.
    const news = await catchUpMessages(platform, messages, ref(c.id), stopped);
    if (stopped()) return false;
    const stored = applier.stored(c.id);
    if (news.length > 0 && stored) applier.announceMessages(stored, news); // its wait, now that every message is held
  }
  // Only now: a catch-up that failed above must be part of the next resync's changes again.
  cache.setCursor(accountId, chatbot.id, changes.cursor);
  return true;
}
