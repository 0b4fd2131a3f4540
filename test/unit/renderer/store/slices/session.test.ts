import { describe, expect, it } from 'vitest';
import type { ConnectionState, SessionState } from '../../../../../src/shared/view-models';
import { freshStore } from '../support';

const connection = (state: ConnectionState['state']): ConnectionState => ({ state, attempt: 0, nextRetryAt: null, lastError: null });
const sessionWith = (...accounts: [string, ConnectionState['state']][]) =>
  ({ accounts: accounts.map(([id, state]) => ({ id, connection: connection(state) })), vault: { encryption: 'os' } }) as unknown as SessionState;

describe('the session slice', () => {
  it('is not booted until told so', () => {
    const store = freshStore();
    expect(store.getState().booted).toBe(false);
    store.getState().finishBoot();
    expect(store.getState().booted).toBe(true);
  });

  it("takes each account's connection from the session, and later ones from connection events", () => {
    const store = freshStore();
    store.getState().receiveSession(sessionWith(['a1', 'connecting']));
    expect(store.getState().connections).toEqual({ a1: connection('connecting') });
    store.getState().receiveConnection('a1', connection('live'));
    store.getState().receiveConnection('a2', connection('polling'));
    expect(store.getState().connections).toEqual({ a1: connection('live'), a2: connection('polling') });
    store.getState().receiveSession(sessionWith(['a1', 'offline'], ['a2', 'polling']));
    expect(store.getState().connections.a1).toEqual(connection('offline'));
    expect(store.getState().session?.accounts.map((a) => a.id)).toEqual(['a1', 'a2']);
  });
});
