import { describe, expect, it } from 'vitest';
import { candidates, matching } from '../../../../src/renderer/screens/assign/team-choice';
import type { TeamPresence } from '../../../../src/shared/view-models';
import { conversation } from '../inbox/fixtures';

const mate = (agentId: string, name: string, online: boolean, chatbotId = 'bot_shop', accountId = 'a1'): TeamPresence => ({ agentId, name, online, lastSeen: null, clientTimestamp: '1', accountId, chatbotId });

describe('who a conversation can go to', () => {
  it('lists the chatbot’s team, the agent first, then who is online, with what each holds', () => {
    const team = [mate('agent_zoe', 'Zoë Brandt', false), mate('agent_anna', 'Anna Weiß', true), mate('agent_me', 'Lena', false), mate('agent_x', 'Elsewhere', true, 'bot_other')];
    const inbox = [
      conversation('1', { status: 'assigned', assignedAgentId: 'agent_anna' }),
      conversation('2', { status: 'assigned', assignedAgentId: 'agent_anna' }),
      conversation('3', { status: 'assigned', assignedAgentId: 'agent_anna', archived: true }),
      conversation('4', { status: 'assigned', assignedAgentId: 'agent_me' }),
      conversation('5', { status: 'waiting' }),
    ];
    const list = candidates(team, inbox, { accountId: 'a1', chatbotId: 'bot_shop' }, { id: 'agent_me', name: 'Lena' });
    expect(list.map((c) => [c.name, c.online, c.me, c.holds])).toEqual([
      ['Lena', false, true, 1],
      ['Anna Weiß', true, false, 2],
      ['Zoë Brandt', false, false, 0],
    ]);
    expect(matching(list, 'zoe').map((c) => c.agentId)).toEqual(['agent_zoe']);
    expect(matching(list, ' ').length).toBe(3);
  });

  it('knows the agent even when presence has not listed them, and nobody else when it knows no team', () => {
    expect(candidates([], [], { accountId: 'a1', chatbotId: 'bot_shop' }, { id: 'agent_me', name: 'Lena' }).map((c) => c.agentId)).toEqual(['agent_me']);
    expect(candidates([], [], { accountId: 'a1', chatbotId: 'bot_shop' }, { id: '', name: 'Agent' })).toEqual([]);
  });
});
