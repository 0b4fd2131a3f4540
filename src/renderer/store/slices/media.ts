// The agent's consent to remote media, per conversation: the origins they chose "Load" for.
// Media from the account's own origin (and its platform's media hosts) needs none; main decides
// that and answers 'ask' for everything else until the origin is here (shared/media.ts).
import type { StateCreator } from 'zustand';

export interface MediaSlice {
  /** Conversation key → origins whose media loads in that conversation. */
  mediaConsents: Readonly<Record<string, readonly string[]>>;
  allowMedia: (key: string, origin: string) => void;
}

export const createMediaSlice: StateCreator<MediaSlice> = (set) => ({
  mediaConsents: {},
  allowMedia: (key, origin) =>
    set((s) => {
      const allowed = s.mediaConsents[key] ?? [];
      return allowed.includes(origin) ? {} : { mediaConsents: { ...s.mediaConsents, [key]: [...allowed, origin] } };
    }),
});
