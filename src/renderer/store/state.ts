// The store's shape: every slice, combined into one state (the zustand slices pattern). Each
// slice changes only its own part, through its transitions; module-level actions (actions/) and
// the contract events (events.ts) call them. No DOM here, so the slices are tested in node.
import type { StateCreator } from 'zustand';
import { createAdminSlice, type AdminSlice } from './slices/admin';
import { createCustomersSlice, type CustomersSlice } from './slices/customers';
import { createInboxSlice, type InboxSlice } from './slices/inbox';
import { createInboxViewSlice, type InboxViewSlice } from './slices/inbox-view';
import { createMediaSlice, type MediaSlice } from './slices/media';
import { createPresenceSlice, type PresenceSlice } from './slices/presence';
import { createRepliesSlice, type RepliesSlice } from './slices/replies';
import { createSessionSlice, type SessionSlice } from './slices/session';
import { createSettingsSlice, type SettingsSlice } from './slices/settings';
import { createThreadsSlice, type ThreadsSlice } from './slices/threads';
import { createUiSlice, type UiSlice } from './slices/ui';

export type State = SessionSlice &
  InboxSlice &
  ThreadsSlice &
  PresenceSlice &
  SettingsSlice &
  UiSlice &
  AdminSlice &
  InboxViewSlice &
  RepliesSlice &
  CustomersSlice &
  MediaSlice;

export const createState: StateCreator<State> = (...a) => ({
  ...createSessionSlice(...a),
  ...createInboxSlice(...a),
  ...createThreadsSlice(...a),
  ...createPresenceSlice(...a),
  ...createSettingsSlice(...a),
  ...createUiSlice(...a),
  ...createAdminSlice(...a),
  ...createInboxViewSlice(...a),
  ...createRepliesSlice(...a),
  ...createCustomersSlice(...a),
  ...createMediaSlice(...a),
});
