import { describe, expect, it } from 'vitest';
import { initials, teammates } from '../../../../src/renderer/components/header/team';
import type { TeamPresence } from '../../../../src/shared/view-models';

const agent = (over: Partial<TeamPresence>): TeamPresence => ({
  agentId: 'a1',
  name: 'Anna Schmidt',
  online: true,
  lastSeen: '2025-01-01T10:00:00.000Z',
  clientTimestamp: '1',
  accountId: 'acc1',
  chatbotId: 'cb1',
  ...over,
});

describe('initials', () => {
  it('takes first and last word', () => {
    expect(initials('Anna Maria Schmidt')).toBe('AS');
    expect(initials('bob')).toBe('B');
    expect(initials('  ')).toBe('?');
    expect(initials('Ölaf émile')).toBe('ÖÉ');
  });
});

describe('teammates', () => {
  it('merges one agent across chatbots: online anywhere, latest sighting', () => {
    const list = teammates(
      [
        agent({ chatbotId: 'cb1', online: false, lastSeen: '2025-01-01T09:00:00.000Z' }),
        agent({ chatbotId: 'cb2', online: true, lastSeen: '2025-01-01T11:00:00.000Z' }),
        agent({ chatbotId: 'cb3', online: false, lastSeen: null }),
      ],
      {},
    );
    expect(list).toEqual([
      { key: 'acc1/a1', accountId: 'acc1', agentId: 'a1', name: 'Anna Schmidt', initials: 'AS', online: true, lastSeen: '2025-01-01T11:00:00.000Z' },
    ]);
  });

  it('is one person on two platforms: a colleague on ChatCaptain and the Botpress desk is listed once', () => {
    const list = teammates(
      [
        agent({ accountId: 'cc', agentId: 'agent_jonas', name: 'Jonas Weber', online: false, lastSeen: '2025-01-01T09:00:00.000Z' }),
        agent({ accountId: 'bp', agentId: 'user_01', name: 'Jonas  Weber ', online: true, lastSeen: '2025-01-01T11:00:00.000Z' }),
        agent({ accountId: 'bp', agentId: 'user_02', name: 'Mia Schneider', online: true }),
      ],
      {},
    );
    expect(list.map((m) => [m.name, m.online, m.lastSeen])).toEqual([
      ['Jonas Weber', true, '2025-01-01T11:00:00.000Z'],
      ['Mia Schneider', true, '2025-01-01T10:00:00.000Z'],
    ]);
    // Two people of the same name on one account stay two.
    expect(teammates([agent({ agentId: 'a1' }), agent({ agentId: 'a2' })], {})).toHaveLength(2);
  });

  it('leaves out the agent themself, per account', () => {
    const list = teammates([agent({ agentId: 'me' }), agent({ agentId: 'me', accountId: 'acc2', name: 'Other Me' })], { acc1: 'me' });
    expect(list.map((t) => t.key)).toEqual(['acc2/me']);
  });

  it('an unknown own id excludes no one', () => {
    expect(teammates([agent({ agentId: 'x' })], { acc1: '' })).toHaveLength(1);
  });

  it('lists online ones first, then by name', () => {
    const list = teammates(
      [agent({ agentId: 'z', name: 'Zoe', online: false }), agent({ agentId: 'b', name: 'Ben' }), agent({ agentId: 'a', name: 'Ada', online: false })],
      {},
    );
    expect(list.map((t) => t.name)).toEqual(['Ben', 'Ada', 'Zoe']);
  });
});
