// Who else is on the team: the agents of every signed-in account, one entry per person even
// when they serve several chatbots or work on two platforms (the same name on two accounts: ids
// mean nothing across backends), without the agent themself. Pure; TeamPresence renders it.
import type { TeamPresence } from '../../../shared/view-models';

export interface Teammate {
  /** `${accountId}/${agentId}`: agent ids are only unique within one backend. */
  key: string;
  accountId: string;
  agentId: string;
  name: string;
  initials: string;
  /** Online on any chatbot: a customer somewhere can reach them. */
  online: boolean;
  /** The latest sighting on any chatbot (ISO), or null if never seen. */
  lastSeen: string | null;
}

/** "Anna Schmidt" → "AS", "bob" → "B", "  " → "?". Counts characters, not UTF-16 units. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => w !== '');
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words.slice(0, 1);
  const text = letters.map((w) => Array.from(w ?? '')[0] ?? '').join('').toLocaleUpperCase();
  return text === '' ? '?' : text;
}

const later = (a: string | null, b: string | null): string | null => {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
};

function merge(into: Pick<Teammate, 'online' | 'lastSeen'>, other: Pick<Teammate, 'online' | 'lastSeen'>): void {
  into.online ||= other.online;
  into.lastSeen = later(into.lastSeen, other.lastSeen);
}

/**
 * One entry for a name found on several accounts, one each (a colleague on ChatCaptain and on the
 * Botpress desk). Where one account has two people of that name, they stay apart: who is who
 * across accounts cannot be told then.
 */
function sameNameAcrossAccounts(mates: Teammate[]): Teammate[] {
  const byName = new Map<string, Teammate[]>();
  for (const mate of mates) {
    const name = mate.name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), mate]);
  }
  return [...byName.values()].flatMap((group) => {
    if (new Set(group.map((m) => m.accountId)).size < group.length) return group;
    const [first, ...others] = group;
    for (const other of others) merge(first!, other);
    return [first!];
  });
}

/**
 * @param me the agent's own id per account (Account.agent.id); an empty id (a server that did
 *           not say who the key belongs to) excludes no one.
 */
export function teammates(team: readonly TeamPresence[], me: Readonly<Record<string, string>>): Teammate[] {
  const byKey = new Map<string, Teammate>();
  for (const agent of team) {
    const own = me[agent.accountId];
    if (own !== undefined && own !== '' && own === agent.agentId) continue;
    const key = `${agent.accountId}/${agent.agentId}`;
    const seen = byKey.get(key);
    if (seen) {
      merge(seen, agent);
      continue;
    }
    byKey.set(key, {
      key,
      accountId: agent.accountId,
      agentId: agent.agentId,
      name: agent.name,
      initials: initials(agent.name),
      online: agent.online,
      lastSeen: agent.lastSeen,
    });
  }
  return sameNameAcrossAccounts([...byKey.values()]).sort((a, b) => (a.online === b.online ? a.name.localeCompare(b.name) : a.online ? -1 : 1));
}
