// Which conversations a view of the inbox shows. Shared so that main's `inbox.list` and the
// renderer's list (which filters 50,000 conversations as the agent types) agree exactly.
import { isMine, isWaiting } from './conversation-rules';
import { foldForSearch } from './fold';
import { chatbotKey } from './keys';
import { summarize } from './message-summary';
import type { InboxConversation, InboxFilter } from './view-models';

export interface FilterContext {
  /** accountId → the agent that account's key speaks for ("mine"). */
  myAgentIds: Readonly<Record<string, string>>;
  /** accountId → its platform, for the platform filter. */
  platforms?: Readonly<Record<string, string>>;
}

export function matchesView(c: InboxConversation, filter: InboxFilter, context: FilterContext): boolean {
  switch (filter.view) {
    case 'archived':
      return c.archived;
    case 'waiting':
      return !c.archived && isWaiting(c);
    case 'mine':
      return !c.archived && isMine(c, context.myAgentIds[c.accountId]);
    case 'all':
      return !c.archived;
  }
}

// Folding (normalize + lower-case) is most of a search's cost; conversations are immutable
// values (an update brings a new object), so each is folded once, however often the agent types.
const folded = new WeakMap<InboxConversation, string>();

function searchableText(c: InboxConversation): string {
  let text = folded.get(c);
  if (text === undefined) {
    const last = c.lastMessage ? summarize(c.lastMessage) : null;
    const lastText = last?.text ?? last?.detail ?? '';
    text = foldForSearch(`${c.contactName} ${c.channelName} ${c.contactHandle ?? ''} ${lastText}`);
    folded.set(c, text);
  }
  return text;
}

/**
 * The test a view of the inbox applies to each conversation (filterInbox, and the renderer's live
 * updates). `foundInMessages`: keys of conversations the search term was found in by the message
 * search (main's index of every cached message); they match the term as if their name did.
 */
export function inboxMatcher(filter: InboxFilter, context: FilterContext, foundInMessages?: ReadonlySet<string>): (c: InboxConversation) => boolean {
  const term = filter.search ? foldForSearch(filter.search.trim()) : '';
  return (c) =>
    matchesView(c, filter, context) &&
    (filter.channelId === undefined || c.channelId === filter.channelId) &&
    (filter.chatbot === undefined || chatbotKey(c) === filter.chatbot) &&
    (filter.platform === undefined || context.platforms?.[c.accountId] === filter.platform) &&
    (term === '' || searchableText(c).includes(term) || (foundInMessages?.has(c.key) ?? false));
}

export function filterInbox(
  conversations: readonly InboxConversation[],
  filter: InboxFilter,
  context: FilterContext,
  foundInMessages?: ReadonlySet<string>,
): InboxConversation[] {
  return conversations.filter(inboxMatcher(filter, context, foundInMessages));
}

/** Whether the term is found in what the inbox shows of a conversation (names, channel, last message). */
export const matchesText = (c: InboxConversation, search: string): boolean => searchableText(c).includes(foldForSearch(search.trim()));
