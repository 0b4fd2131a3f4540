import { describe, expect, it } from 'vitest';
import { handlingOf, isForMe, isMine, isWaiting } from '../../src/shared/conversation-rules';

const c = (status: 'bot' | 'waiting' | 'assigned' | 'closed', assignedAgentId: string | null = null, archived = false) => ({ status, assignedAgentId, archived });

describe('whose turn a conversation is', () => {
  it('tells mine from a colleague’s, and one that waits for anyone', () => {
    expect(handlingOf(c('assigned', 'ag_me'), 'ag_me')).toEqual({ kind: 'mine' });
    expect(handlingOf(c('assigned', 'ag_2'), 'ag_me')).toEqual({ kind: 'assigned', agentId: 'ag_2' });
    expect(handlingOf(c('assigned', null), 'ag_me')).toEqual({ kind: 'assigned', agentId: null });
    expect(handlingOf(c('waiting'), 'ag_me')).toEqual({ kind: 'waiting' });
    expect(handlingOf(c('bot'), 'ag_me')).toEqual({ kind: 'bot' });
    expect(handlingOf(c('closed'), 'ag_me')).toEqual({ kind: 'closed' });
  });

  it('never calls anything mine while the account’s agent is unknown', () => {
    expect(handlingOf(c('assigned', 'ag_me'), null)).toEqual({ kind: 'assigned', agentId: 'ag_me' });
    expect(handlingOf(c('assigned', ''), '')).toEqual({ kind: 'assigned', agentId: '' });
    expect(isMine(c('assigned', 'ag_me'), undefined)).toBe(false);
  });

  it('counts a conversation someone holds as theirs, whatever status the platform gives it', () => {
    expect(handlingOf(c('waiting', 'ag_2'), 'ag_me')).toEqual({ kind: 'assigned', agentId: 'ag_2' });
    expect(isWaiting(c('waiting', 'ag_2'))).toBe(false);
    expect(isMine(c('waiting', 'ag_me'), 'ag_me')).toBe(true);
  });

  it('gives the agent what is theirs to pick up: mine or waiting, never archived', () => {
    expect(isForMe(c('waiting'), 'ag_me')).toBe(true);
    expect(isForMe(c('assigned', 'ag_me'), 'ag_me')).toBe(true);
    expect(isForMe(c('assigned', 'ag_2'), 'ag_me')).toBe(false);
    expect(isForMe(c('bot'), 'ag_me')).toBe(false);
    expect(isForMe(c('waiting', null, true), 'ag_me')).toBe(false);
  });
});
