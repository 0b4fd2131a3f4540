import { describe, expect, it } from 'vitest';
import type { Ability, Grants } from '../../../../src/shared/capabilities';
import type { Account } from '../../../../src/shared/view-models';
import { chatbotChoices, groupByAccount, resolveChoice } from '../../../../src/renderer/screens/organizations/chatbot-choice';
import { organizationAbilities } from '../../../../src/renderer/screens/organizations/organization-permissions';

const organizations = ['list', 'get', 'create', 'edit', 'delete', 'contacts'] as const;
/** Grants with these organization abilities; the others lacking, under the platform's name for them. */
const grantsWith = (...have: (typeof organizations)[number][]): Grants => ({
  abilities: have.map((a): Ability => `organizations.${a}`),
  lacking: organizations.filter((a) => !have.includes(a)).map((a) => ({ ability: `organizations.${a}` as Ability, permission: `platform.orgs.${a}` })),
});
const flags = ({ list, get, create, edit, delete: remove, contacts }: ReturnType<typeof organizationAbilities>) => ({ list, get, create, edit, delete: remove, contacts });

describe('organizationAbilities', () => {
  it('gives the admin everything', () => {
    expect(flags(organizationAbilities(grantsWith(...organizations)))).toEqual({ list: true, get: true, create: true, edit: true, delete: true, contacts: true });
  });

  it('offers reading without writing, and names what an admin would grant in the platform’s words', () => {
    const abilities = organizationAbilities(grantsWith('list', 'get', 'contacts'));
    expect(flags(abilities)).toEqual({ list: true, get: true, create: false, edit: false, delete: false, contacts: true });
    expect(abilities.permissionFor('create')).toBe('platform.orgs.create');
    // Nothing said by the platform: the ability's own name is all there is to show.
    expect(organizationAbilities({ abilities: [], lacking: [] }).permissionFor('list')).toBe('organizations.list');
  });

  it('shows nothing without grants', () => {
    expect(Object.values(flags(organizationAbilities(undefined))).some(Boolean)).toBe(false);
    expect(Object.values(flags(organizationAbilities({ abilities: [], lacking: [] }))).some(Boolean)).toBe(false);
  });
});

const connection = { state: 'live', attempt: 0, nextRetryAt: null, lastError: null } as const;
const account = (id: string, label: string, chatbots: { id: string; name: string }[], capabilities: Account['capabilities'] = ['organizations', 'versions']): Account => ({
  id,
  platform: 'chatcaptain',
  demo: false,
  label,
  baseUrl: 'https://api.example.com',
  agent: { id: 'agent', name: 'Agent' },
  capabilities,
  chatbots: chatbots.map((c) => ({ ...c, abilities: ['versions.list'], lacking: [] })),
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
      account('a3', 'Desk only', [{ id: 'bot_desk', name: 'Desk' }], []),
    ],
  };

  it('lists every chatbot of the accounts that offer the section, keyed by account and chatbot', () => {
    expect(chatbotChoices(session, 'versions').map((c) => c.key)).toEqual(['a1/bot_shop', 'a1/bot_service', 'a2/bot_x']);
    expect(chatbotChoices(session, 'versions')[1]).toMatchObject({ accountLabel: 'Shop GmbH', name: 'Service', grants: { abilities: ['versions.list'] } });
    expect(chatbotChoices(null, 'versions')).toEqual([]);
  });

  it('leaves out the chatbots of an account whose platform lacks the capability', () => {
    const only = { accounts: [account('a1', 'Shop', [{ id: 'b', name: 'B' }], ['versions']), account('a2', 'Desk', [{ id: 'd', name: 'D' }], [])] };
    expect(chatbotChoices(only, 'organizations')).toEqual([]);
    expect(chatbotChoices(only, 'versions').map((c) => c.key)).toEqual(['a1/b']);
  });

  it('keeps the remembered choice while it exists, else takes the first', () => {
    const choices = chatbotChoices(session, 'organizations');
    expect(resolveChoice(choices, 'a2/bot_x')?.name).toBe('X');
    expect(resolveChoice(choices, 'gone/bot')?.key).toBe('a1/bot_shop');
    expect(resolveChoice(choices, null)?.key).toBe('a1/bot_shop');
    expect(resolveChoice(choices, 'a3/bot_desk')?.key).toBe('a1/bot_shop');
    expect(resolveChoice([], 'a1/bot_shop')).toBeNull();
  });

  it('groups the choices by account for the picker', () => {
    expect(groupByAccount(chatbotChoices(session, 'organizations')).map((g) => [g.label, g.chatbots.length])).toEqual([
      ['Shop GmbH', 2],
      ['Agentur', 1],
    ]);
  });
});
