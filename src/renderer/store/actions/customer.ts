// The customer panel's data: the profile of a conversation's customer from main (contact,
// organizations, other conversations), and opening one of their conversations, or a contact's
// from an organization's member list.
import { parseConversationKey } from '../../../shared/keys';
import type { InboxConversation } from '../../../shared/view-models';
import { call } from '../../api';
import { describeError } from '../describe-error';
import { getState } from '../store';
import { selectConversation } from './conversation';

/** Reads the customer of a conversation (again: the panel shows what was known meanwhile). */
export async function loadProfile(key: string): Promise<void> {
  const ref = parseConversationKey(key);
  if (!ref) return;
  if (getState().profiles[key]?.status !== 'ready') getState().setProfile(key, { status: 'loading' });
  try {
    const profile = await call('customer.profile', { ref });
    getState().setProfile(key, { status: 'ready', profile });
    // The other conversations are in the inbox now too (an old one may not have been).
    if (profile.conversations) getState().receiveInboxChange(profile.conversations);
  } catch (error) {
    getState().setProfile(key, { status: 'error', message: describeError(error) });
  }
}

/** Opens a conversation of the inbox in a view that shows it (an archived one in the Archive). */
export function showConversation(conversation: InboxConversation): void {
  const store = getState();
  store.setSection('inbox');
  store.receiveInboxChange([conversation]);
  store.setFilter({ view: conversation.archived ? 'archived' : 'all', channelId: undefined, chatbot: undefined, search: undefined });
  void selectConversation(conversation.key);
}

/** A contact's conversations with a chatbot, for an organization's member list. */
export async function contactConversations(ref: { accountId: string; chatbotId: string }, contactId: string): Promise<InboxConversation[]> {
  const list = await call('contact.conversations', { ...ref, contactId });
  getState().receiveInboxChange(list);
  return list;
}
