// The Organizations and Versions sections work on one chatbot at a time: the agent's pick, shared
// by both. Their data is not event-fed and stays in the screens, re-read whenever a section
// opens (organizations are not realtime).
import type { StateCreator } from 'zustand';

export interface AdminSlice {
  /** `${accountId}/${chatbotId}` the agent picked last, or null before the first pick. */
  adminChatbot: string | null;
  chooseChatbot: (key: string) => void;
}

export const createAdminSlice: StateCreator<AdminSlice> = (set) => ({
  adminChatbot: null,
  chooseChatbot: (adminChatbot) => set({ adminChatbot }),
});
