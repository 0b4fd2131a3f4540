// The agent's saved replies, as main keeps them (loaded when first needed, kept current by the
// answers to the agent's own changes: one window, so no event is needed).
import type { StateCreator } from 'zustand';
import type { SavedReply } from '../../../shared/saved-replies';

export interface RepliesSlice {
  /** null until loaded. */
  replies: SavedReply[] | null;
  receiveReplies: (replies: readonly SavedReply[]) => void;
  receiveReply: (reply: SavedReply) => void;
  forgetReply: (id: string) => void;
}

const byShortcut = (a: SavedReply, b: SavedReply) => a.shortcut.localeCompare(b.shortcut, undefined, { sensitivity: 'base' });

export const createRepliesSlice: StateCreator<RepliesSlice> = (set) => ({
  replies: null,
  receiveReplies: (replies) => set({ replies: [...replies].sort(byShortcut) }),
  receiveReply: (reply) => set((s) => ({ replies: [...(s.replies ?? []).filter((r) => r.id !== reply.id), reply].sort(byShortcut) })),
  forgetReply: (id) => set((s) => ({ replies: (s.replies ?? []).filter((r) => r.id !== id) })),
});
