import { describe, expect, it } from 'vitest';
import { shareStrings } from '../../../../src/renderer/store/shared-strings';
import { conversation } from '../inbox/fixtures';

describe('shareStrings', () => {
  it('leaves every value of the conversations as it was (only copies of equal strings are folded into one)', () => {
    const list = [conversation('a', { status: 'waiting', channelName: 'Web chat' }), conversation('b', { status: 'assigned', assignedAgentId: 'me' })];
    const before = structuredClone(list);
    shareStrings(list);
    expect(list).toEqual(before);
  });
});
