// Who is who on one bot, as a desk needs it: the agent's own Botpress user (made once, found
// again by a tag), the team's users (the people Deckhand speaks for, by their Botpress account),
// and the customer behind each desk conversation (from the linked customer conversation and its
// user). Users and the customer link do not change, so each is asked once and remembered.
import type { Client } from '@botpress/client';
import { attempt } from './client';
import { WireConversation, WireUser, checked } from './wire';
import { z } from 'zod';

/** The tag that finds an agent's user again: the id of their Botpress account. */
export const AGENT_TAG = 'deckhandAgent';
/** Set on every agent's user, so the team is one tag filter away. */
export const ROLE_TAG = 'deckhandRole';
const AGENT_ROLE = 'agent';

export interface Customer {
  userId: string;
  name: string;
  /** How the channel knows them (a phone number, an address), when it says. */
  handle?: string;
  channelId: string;
  channelName: string;
}

// The customer channels' names as agents know them; an integration not listed shows its own name.
const channelNames: Readonly<Record<string, string>> = {
  whatsapp: 'WhatsApp',
  webchat: 'Web chat',
  instagram: 'Instagram',
  telegram: 'Telegram',
  messenger: 'Messenger',
  gmail: 'E-mail (Gmail)',
  slack: 'Slack',
  teams: 'Microsoft Teams',
};

/** How long a lookup of an unknown user waits before it lists the team again. */
const TEAM_RELOAD_MS = 30_000;

export class BotDirectory {
  private mine: Promise<string> | null = null;
  private team: Promise<WireUser[]> | null = null;
  private teamLoadedAt = -Infinity;
  private readonly customers = new Map<string, Promise<Customer>>();

  constructor(
    private readonly client: Client,
    private readonly agent: { id: string; name: string },
    private readonly now: () => number = Date.now,
  ) {}

  /** The agent's own user on this bot: `getOrCreateUser` once, tagged so it is found again. */
  myUser(): Promise<string> {
    this.mine ??= this.ensureMyUser().catch((error: unknown) => {
      this.mine = null; // a failed attempt is not remembered
      throw error;
    });
    return this.mine;
  }

  /** The team's users, fresh when `refresh` (a name or a colleague may be new). */
  agents(refresh = false): Promise<WireUser[]> {
    if (refresh || !this.team) {
      const team = attempt('listUsers', () => this.client.list.users({ tags: { [ROLE_TAG]: AGENT_ROLE }, pageSize: 100 }).collect()).then((users) =>
        users.map((u) => checked(WireUser, u, 'listUsers')),
      );
      this.team = team;
      this.teamLoadedAt = this.now();
      team.catch(() => {
        if (this.team === team) this.team = null; // a failed attempt is not remembered
      });
    }
    return this.team;
  }

  /** The Deckhand agent (Botpress account) a user is, or undefined for anyone else. */
  async accountOf(userId: string): Promise<string | undefined> {
    return this.lookUp((users) => users.find((u) => u.id === userId)?.tags[AGENT_TAG]);
  }

  /** The user of a Deckhand agent (Botpress account) on this bot. */
  async userOf(accountId: string): Promise<string | undefined> {
    if (accountId === this.agent.id) return this.myUser();
    return this.lookUp((users) => users.find((u) => u.tags[AGENT_TAG] === accountId)?.id);
  }

  /** The customer a desk conversation serves. */
  customer(desk: WireConversation): Promise<Customer> {
    let found = this.customers.get(desk.id);
    if (!found) {
      const resolving = this.resolveCustomer(desk);
      resolving.catch(() => {
        if (this.customers.get(desk.id) === resolving) this.customers.delete(desk.id);
      });
      this.customers.set(desk.id, (found = resolving));
    }
    return found;
  }

  // Someone not in the team as last listed may have joined since; the team is listed again, but
  // not for every lookup of a user who is simply no agent.
  private async lookUp<T>(find: (users: WireUser[]) => T | undefined): Promise<T | undefined> {
    const found = find(await this.agents());
    if (found !== undefined || this.now() - this.teamLoadedAt < TEAM_RELOAD_MS) return found;
    return find(await this.agents(true));
  }

  private async ensureMyUser(): Promise<string> {
    const tags = { [AGENT_TAG]: this.agent.id, [ROLE_TAG]: AGENT_ROLE };
    const { user } = await attempt('getOrCreateUser', () =>
      this.client.getOrCreateUser({ tags, name: this.agent.name, discriminateByTags: [AGENT_TAG] }),
    );
    const found = checked(WireUser, user, 'getOrCreateUser');
    // A user made before the team tag existed is found by its account tag; it gets the team tag now.
    if (found.tags[ROLE_TAG] !== AGENT_ROLE) await attempt('updateUser', () => this.client.updateUser({ id: found.id, tags }));
    return found.id;
  }

  private async resolveCustomer(desk: WireConversation): Promise<Customer> {
    const upstream = desk.tags.upstream;
    // A desk conversation without its customer's: what the hitl interface knows is its title.
    if (!upstream) return { userId: '', name: desk.tags.title ?? desk.id, channelId: desk.integration, channelName: channelNames[desk.integration] ?? desk.integration };
    const [conversation, users] = await Promise.all([
      attempt('getConversation', () => this.client.getConversation({ id: upstream })).then((a) => checked(WireConversation, a.conversation, 'getConversation')),
      attempt('listUsers', () => this.client.listUsers({ conversationId: upstream })).then((a) => checked(z.array(WireUser), a.users, 'listUsers')),
    ]);
    // The customer's conversation has the customer as its one participant (the bot writes as itself).
    const user = users.find((u) => u.tags[AGENT_TAG] === undefined);
    const integration = conversation.integration;
    const handle = conversation.tags[`${integration}:id`] ?? user?.tags[`${integration}:id`];
    return {
      userId: user?.id ?? '',
      name: user?.name ?? handle ?? desk.tags.title ?? upstream,
      ...(handle !== undefined && { handle }),
      channelId: integration,
      channelName: channelNames[integration] ?? integration,
    };
  }
}
