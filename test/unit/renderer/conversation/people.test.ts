import { describe, expect, it } from 'vitest';
import type { SessionState, TeamPresence } from '../../../../src/shared/view-models';
import { agentName, myAgentId } from '../../../../src/renderer/screens/conversation/people';

const session = {
  accounts: [{ id: 'acc1', agent: { id: 'ag_me', name: 'Lena Vogt' } }, { id: 'acc2', agent: { id: 'ag_x', name: 'Lena V.' } }],
  vault: { encryption: 'os' },
} as unknown as SessionState;
const team = [
  { accountId: 'acc1', chatbotId: 'bot_shop', agentId: 'ag_2', name: 'Jonas Berg' },
  { accountId: 'acc2', chatbotId: 'bot_x', agentId: 'ag_3', name: 'Other Account' },
] as unknown as TeamPresence[];

describe('people', () => {
  it('knows my agent id per account', () => {
    expect(myAgentId(session, 'acc1')).toBe('ag_me');
    expect(myAgentId(session, 'acc2')).toBe('ag_x');
    expect(myAgentId(session, 'nope')).toBeNull();
    expect(myAgentId(null, 'acc1')).toBeNull();
  });

  it('names agents of the same account only', () => {
    expect(agentName(session, team, 'acc1', 'ag_me')).toBe('Lena Vogt');
    expect(agentName(session, team, 'acc1', 'ag_2')).toBe('Jonas Berg');
    expect(agentName(session, team, 'acc1', 'ag_3')).toBeNull();
    expect(agentName(session, team, 'acc1', undefined)).toBeNull();
  });
});
