// Who is signed in, and how each account's connection is doing. `booted` turns true once main
// has answered at start (or failed to), which ends the splash.
import type { StateCreator } from 'zustand';
import type { ConnectionState, SessionState } from '../../../shared/view-models';
import { mergeConnections } from '../merge';

export interface SessionSlice {
  booted: boolean;
  session: SessionState | null;
  connections: Readonly<Record<string, ConnectionState>>;
  finishBoot: () => void;
  receiveSession: (session: SessionState) => void;
  receiveConnection: (accountId: string, connection: ConnectionState) => void;
}

export const createSessionSlice: StateCreator<SessionSlice> = (set) => ({
  booted: false,
  session: null,
  connections: {},
  finishBoot: () => set({ booted: true }),
  receiveSession: (session) => set((s) => ({ session, connections: mergeConnections(s.connections, session) })),
  receiveConnection: (accountId, connection) => set((s) => ({ connections: { ...s.connections, [accountId]: connection } })),
});
