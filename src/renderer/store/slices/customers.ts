// What is known of the customers of the conversations the agent opened: their profile (contact,
// organizations, other conversations), read when the conversation opens with the panel shown,
// and used by saved replies' variables (the customer's e-mail, language).
import type { StateCreator } from 'zustand';
import type { CustomerProfile } from '../../../shared/view-models';

export type ProfileState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; profile: CustomerProfile };

export interface CustomersSlice {
  /** By conversation key. */
  profiles: Readonly<Record<string, ProfileState>>;
  setProfile: (key: string, profile: ProfileState) => void;
}

export const createCustomersSlice: StateCreator<CustomersSlice> = (set) => ({
  profiles: {},
  setProfile: (key, profile) => set((s) => ({ profiles: { ...s.profiles, [key]: profile } })),
});
