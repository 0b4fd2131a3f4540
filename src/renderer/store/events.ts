// Contract events → store: main's news goes to the slices' transitions, and the two events that
// ask for an action (a conversation to show, a message seen) go to the actions. Subscribed once
// at start (main.tsx). Imports run one way: events → actions → store → slices → merge.
import { conversationKey } from '../../shared/keys';
import { call, on } from '../api';
import { playSound } from '../lib/sounds';
import { markRead, selectConversation } from './actions/conversation';
import { getState } from './store';

export function subscribeToMain(): () => void {
  const store = getState();
  const offs = [
    on('inbox.changed', ({ upserted, removed }) => store.receiveInboxChange(upserted, removed)),
    on('messages.changed', ({ changes }) => {
      for (const { key, messages } of changes) {
        store.receiveMessages(key, messages);
        // The agent is looking at it: what the customer just wrote has been seen.
        if (key === getState().selectedKey && document.hasFocus() && messages.some((m) => m.sender === 'contact')) markRead(key);
      }
    }),
    on('outbox.changed', ({ items }) => store.receiveOutbox(items)),
    on('presence.changed', store.receivePresence),
    on('agents.changed', ({ agents }) => store.receiveTeam(agents)),
    on('session.changed', store.receiveSession),
    on('connection.changed', ({ accountId, connection }) => store.receiveConnection(accountId, connection)),
    on('settings.changed', store.receiveSettings),
    on('push.changed', store.receivePush),
    on('update.changed', store.receiveUpdate),
    on('notify.sound', ({ sound }) => void playSound(sound)),
    on('navigate.conversation', ({ ref }) => {
      store.setSection('inbox');
      const key = conversationKey(ref);
      // A conversation outside the current view: show all, unfiltered, so the selection is visible.
      if (!getState().conversations.has(key)) store.setFilter({ view: 'all', channelId: undefined, chatbot: undefined, platform: undefined, search: undefined });
      void selectConversation(key);
    }),
    on('ui.command', ({ command }) => {
      if (command === 'showShortcuts') store.setHelpOpen(true);
    }),
  ];
  // The network is back: every chatbot catches up now rather than at its next retry.
  const online = () => void call('session.reconnect', {}).catch(() => undefined);
  window.addEventListener('online', online);
  offs.push(() => window.removeEventListener('online', online));
  return () => offs.forEach((off) => off());
}
