// The Organizations and Versions sections work on one chatbot at a time. The agent's choice is
// shared by both sections and remembered across restarts; their data is not event-fed and stays
// in the screens, re-read whenever a section opens (organizations are not realtime).
import { useMemo } from 'react';
import { create } from 'zustand';
import type { Capability } from '../../shared/capabilities';
import { chatbotChoices, resolveChoice, type ChatbotChoice } from '../screens/organizations/chatbot-choice';
import { useStore } from './store';

const STORAGE_KEY = 'deckhand.adminChatbot';

interface AdminState {
  /** `${accountId}/${chatbotId}` the agent picked last, or null before the first pick. */
  chatbotKey: string | null;
}

export const useAdmin = create<AdminState>()(() => ({ chatbotKey: localStorage.getItem(STORAGE_KEY) }));

export function chooseChatbot(key: string): void {
  localStorage.setItem(STORAGE_KEY, key);
  useAdmin.setState({ chatbotKey: key });
}

/** The chatbots a section can work on, and the one it does (null with none). */
export function useChatbotChoice(capability: Capability): { choices: ChatbotChoice[]; chosen: ChatbotChoice | null } {
  const session = useStore((s) => s.session);
  const remembered = useAdmin((s) => s.chatbotKey);
  return useMemo(() => {
    const choices = chatbotChoices(session, capability);
    return { choices, chosen: resolveChoice(choices, remembered) };
  }, [session, remembered, capability]);
}
