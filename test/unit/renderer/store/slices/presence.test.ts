import { describe, expect, it } from 'vitest';
import type { PresenceState } from '../../../../../src/shared/view-models';
import { freshStore } from '../support';

const presence: PresenceState = { intent: false, confirmed: false, pending: false, lostRace: true, auto: null, error: null };

describe('the presence slice', () => {
  it("shows the agent's intent at once, pending, until main's answer replaces it", () => {
    const store = freshStore();
    store.getState().intendOnline(true);
    expect(store.getState().presence).toBeNull(); // nothing to show an intent on before main answered
    store.getState().receivePresence(presence);
    store.getState().intendOnline(true);
    expect(store.getState().presence).toEqual({ ...presence, intent: true, pending: true, lostRace: false });
    store.getState().receivePresence({ ...presence, intent: true, confirmed: true, lostRace: false });
    expect(store.getState().presence).toMatchObject({ confirmed: true, pending: false });
  });
});
