// The agent's own online state (intent, the server's answer, a lost race) and the team's.
import type { StateCreator } from 'zustand';
import type { PresenceState, TeamPresence } from '../../../shared/view-models';

export interface PresenceSlice {
  presence: PresenceState | null;
  team: TeamPresence[];
  /** The toggle shows the agent's intent at once; main's answer follows as receivePresence. */
  intendOnline: (online: boolean) => void;
  receivePresence: (presence: PresenceState) => void;
  receiveTeam: (team: TeamPresence[]) => void;
}

export const createPresenceSlice: StateCreator<PresenceSlice> = (set) => ({
  presence: null,
  team: [],
  intendOnline: (online) => set((s) => ({ presence: s.presence && { ...s.presence, intent: online, pending: true, lostRace: false } })),
  receivePresence: (presence) => set({ presence }),
  receiveTeam: (team) => set({ team }),
});
