import { describe, expect, it } from 'vitest';
import type { SessionState, TeamPresence } from '../../../../src/shared/view-models';
import { agentName, myAgentId, statusView } from '../../../../src/renderer/screens/conversation/people';

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

  it('tells my assignment from someone else’s', () => {
    expect(statusView({ status: 'assigned', assignedAgentId: 'ag_me' }, 'ag_me')).toEqual({ kind: 'mine' });
    expect(statusView({ status: 'assigned', assignedAgentId: 'ag_2' }, 'ag_me')).toEqual({ kind: 'assigned', agentId: 'ag_2' });
    expect(statusView({ status: 'assigned', assignedAgentId: 'ag_me' }, null)).toEqual({ kind: 'assigned', agentId: 'ag_me' });
    expect(statusView({ status: 'waiting', assignedAgentId: null }, 'ag_me')).toEqual({ kind: 'waiting' });
    expect(statusView({ status: 'bot', assignedAgentId: null }, 'ag_me')).toEqual({ kind: 'bot' });
    expect(statusView({ status: 'closed', assignedAgentId: null }, 'ag_me')).toEqual({ kind: 'closed' });
  });
});
