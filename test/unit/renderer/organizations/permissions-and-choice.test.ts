import { describe, expect, it } from 'vitest';
import { rolePermissions } from '../../../../src/shared/permissions';
import type { Account } from '../../../../src/shared/view-models';
import { chatbotChoices, groupByAccount, resolveChoice } from '../../../../src/renderer/screens/organizations/chatbot-choice';
import { organizationAbilities } from '../../../../src/renderer/screens/organizations/organization-permissions';

describe('organizationAbilities', () => {
  it('gives the admin everything', () => {
    expect(organizationAbilities(rolePermissions.admin)).toEqual({ list: true, get: true, create: true, edit: true, delete: true, contacts: true });
  });

  it('lets the agent role read but not write', () => {
    expect(organizationAbilities(rolePermissions.agent)).toEqual({ list: true, get: true, create: false, edit: false, delete: false, contacts: true });
  });

  it('lets a viewer list and get', () => {
    expect(organizationAbilities(rolePermissions.viewer)).toMatchObject({ list: true, get: true, create: false, edit: false, delete: false });
  });

  it('shows nothing without permissions', () => {
    expect(Object.values(organizationAbilities([])).some(Boolean)).toBe(false);
  });
});

const connection = { state: 'live', attempt: 0, nextRetryAt: null, lastError: null } as const;
const account = (id: string, label: string, chatbots: { id: string; name: string }[]): Account => ({
  id,
  kind: 'chatcaptain',
  label,
  baseUrl: 'https://api.example.com',
  agent: { id: 'agent', name: 'Agent' },
  chatbots: chatbots.map((c) => ({ ...c, permissions: ['chatbots.versions.list'] })),
  connection,
});

describe('chatbot choice', () => {
  const session = {
    accounts: [
      account('a1', 'Shop GmbH', [
        { id: 'bot_shop', name: 'Shop' },
        { id: 'bot_service', name: 'Service' },
      ]),
      account('a2', 'Agentur', [{ id: 'bot_x', name: 'X' }]),
    ],
  };

  it('lists every chatbot of every account, keyed by account and chatbot', () => {
    expect(chatbotChoices(session).map((c) => c.key)).toEqual(['a1/bot_shop', 'a1/bot_service', 'a2/bot_x']);
    expect(chatbotChoices(session)[1]).toMatchObject({ accountLabel: 'Shop GmbH', name: 'Service', permissions: ['chatbots.versions.list'] });
    expect(chatbotChoices(null)).toEqual([]);
  });

  it('keeps the remembered choice while it exists, else takes the first', () => {
    const choices = chatbotChoices(session);
    expect(resolveChoice(choices, 'a2/bot_x')?.name).toBe('X');
    expect(resolveChoice(choices, 'gone/bot')?.key).toBe('a1/bot_shop');
    expect(resolveChoice(choices, null)?.key).toBe('a1/bot_shop');
    expect(resolveChoice([], 'a1/bot_shop')).toBeNull();
  });

  it('groups the choices by account for the picker', () => {
    expect(groupByAccount(chatbotChoices(session)).map((g) => [g.label, g.chatbots.length])).toEqual([
      ['Shop GmbH', 2],
      ['Agentur', 1],
    ]);
  });
});
