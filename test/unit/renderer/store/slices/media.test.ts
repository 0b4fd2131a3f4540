// Consent to remote media is per conversation and per origin, and given once.
import { describe, expect, it } from 'vitest';
import { freshStore } from '../support';

describe('media consents', () => {
  it('remember each origin once per conversation, and nothing for other conversations', () => {
    const store = freshStore();
    store.getState().allowMedia('a1/b/c1', 'https://cdn.example.com');
    store.getState().allowMedia('a1/b/c1', 'https://img.example.org');
    const before = store.getState().mediaConsents;
    store.getState().allowMedia('a1/b/c1', 'https://cdn.example.com');
    expect(store.getState().mediaConsents).toBe(before); // no change, so nothing is written again
    expect(store.getState().mediaConsents).toEqual({ 'a1/b/c1': ['https://cdn.example.com', 'https://img.example.org'] });
    expect(store.getState().mediaConsents['a1/b/c2']).toBeUndefined();
  });
});
