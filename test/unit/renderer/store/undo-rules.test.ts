import { describe, expect, it } from 'vitest';
import { inverseOf } from '../../../../src/renderer/store/actions/undo-rules';
import type { Ability } from '../../../../src/shared/capabilities';

const all = () => true;
const without = (...missing: Ability[]) => (ability: Ability) => !missing.includes(ability);
const was = (status: 'bot' | 'waiting' | 'assigned' | 'closed', assignedAgentId: string | null = null, archived = false) => ({ status, assignedAgentId, archived });

describe('what undoes an action', () => {
  it('puts back who had the conversation, the queue or the bot', () => {
    expect(inverseOf(was('waiting'), 'assign', all)).toEqual({ kind: 'unassign' });
    expect(inverseOf(was('assigned', 'agent_anna'), 'assign', all)).toEqual({ kind: 'assign', agentId: 'agent_anna' });
    expect(inverseOf(was('bot'), 'assign', all)).toEqual({ kind: 'handBack' });
    expect(inverseOf(was('assigned', 'agent_me'), 'handBack', all)).toEqual({ kind: 'assign', agentId: 'agent_me' });
    expect(inverseOf(was('waiting', null, false), 'archive', all)).toEqual({ kind: 'archive', archived: false });
    expect(inverseOf(was('closed', null, true), 'archive', all)).toEqual({ kind: 'archive', archived: true });
  });

  it('offers no undo where the account has no way back', () => {
    expect(inverseOf(was('waiting'), 'assign', without('unassign'))).toBeNull();
    expect(inverseOf(was('bot'), 'assign', without('handBack'))).toBeNull();
    expect(inverseOf(was('assigned', 'agent_me'), 'handBack', without('assign'))).toBeNull();
    // Nothing turns a conversation the bot took back into one that waits for a person.
    expect(inverseOf(was('waiting'), 'handBack', all)).toBeNull();
    expect(inverseOf(was('closed'), 'assign', all)).toBeNull();
    expect(inverseOf(was('waiting'), 'archive', without('archive'))).toBeNull();
  });
});
