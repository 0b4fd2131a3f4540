// The inbox list's pure logic: order, selection moves, counts, filter options and what a row
// shows (status, channel, initials). Free of React and the store so it is unit-tested in node.
import { matchesView, type FilterContext } from '../../../shared/inbox-filter';
import type { InboxConversation, InboxFilter } from '../../../shared/view-models';
import { waitStart } from '../../../shared/waiting-time';

/**
 * When the conversation last moved: its newest message (or its start). Not updatedAt, which
 * also changes when someone reads, assigns or archives it: opening a conversation must not send
 * it to the top of everyone's list.
 */
export const lastActivity = (c: InboxConversation): string => c.lastMessage?.createdAt ?? c.createdAt;

// Conversation objects keep their identity until main upserts them, so a parsed timestamp can be
// remembered per object: re-sorting 50,000 rows after one upsert then parses one date, not 50,000.
const parsedTimes = new WeakMap<InboxConversation, number>();
function activityTime(c: InboxConversation): number {
  let time = parsedTimes.get(c);
  if (time === undefined) {
    time = Date.parse(lastActivity(c));
    if (Number.isNaN(time)) time = 0;
    parsedTimes.set(c, time);
  }
  return time;
}

const byActivity = (a: InboxConversation, b: InboxConversation): number =>
  activityTime(b) - activityTime(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Newest activity first; ties by key so the order never flickers between renders. */
export function sortByActivity(conversations: Iterable<InboxConversation>): InboxConversation[] {
  // Decorated with the time once, so the comparator does not look it up n·log n times.
  const decorated = Array.from(conversations, (c) => ({ c, time: activityTime(c) }));
  decorated.sort((a, b) => b.time - a.time || (a.c.key < b.c.key ? -1 : a.c.key > b.c.key ? 1 : 0));
  return decorated.map((d) => d.c);
}

/** Past this many changes at once a full sort is cheaper than inserting one by one. */
export const INCREMENTAL_LIMIT = 500;

/**
 * The keys whose conversation differs between two maps (replaced, added or removed), or null
 * when more than `limit` did. The store copies the Map and sets the changed entries, which keeps
 * the insertion order: walking both in step compares neighbours in memory instead of hashing
 * 50,000 keys; only after a removal or an addition do the walks fall back to lookups.
 */
export function changedKeys(
  previous: ReadonlyMap<string, InboxConversation>,
  next: ReadonlyMap<string, InboxConversation>,
  limit: number,
): Set<string> | null {
  const keys = new Set<string>();
  const a = previous.entries();
  const b = next.entries();
  let ra = a.next();
  let rb = b.next();
  while (!ra.done && !rb.done && ra.value[0] === rb.value[0]) {
    if (ra.value[1] !== rb.value[1]) keys.add(ra.value[0]);
    if (keys.size > limit) return null;
    ra = a.next();
    rb = b.next();
  }
  for (; !ra.done; ra = a.next()) {
    if (next.get(ra.value[0]) !== ra.value[1]) keys.add(ra.value[0]);
    if (keys.size > limit) return null;
  }
  for (; !rb.done; rb = b.next()) {
    if (previous.get(rb.value[0]) !== rb.value[1]) keys.add(rb.value[0]);
    if (keys.size > limit) return null;
  }
  return keys;
}

/** Where `c` is, or belongs, in a list sorted by activity (binary search). */
function positionOf(sorted: readonly InboxConversation[], c: InboxConversation): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byActivity(sorted[middle]!, c) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The sorted list for `next`, reusing `previousSorted` (the sorted values of `previous`): main
 * sends a few changed conversations at a time, so instead of sorting 50,000 again the old
 * versions are taken out and the new ones put in where they now belong.
 */
export function resortByActivity(
  previous: ReadonlyMap<string, InboxConversation>,
  previousSorted: readonly InboxConversation[],
  next: ReadonlyMap<string, InboxConversation>,
  keys: ReadonlySet<string> | null = changedKeys(previous, next, INCREMENTAL_LIMIT),
): InboxConversation[] {
  if (keys === null || keys.size > INCREMENTAL_LIMIT) return sortByActivity(next.values());
  const sorted = previousSorted.slice();
  for (const key of keys) {
    const old = previous.get(key);
    if (!old) continue;
    const index = positionOf(sorted, old);
    if (sorted[index] === old) sorted.splice(index, 1);
  }
  for (const key of keys) {
    const c = next.get(key);
    if (c) sorted.splice(positionOf(sorted, c), 0, c);
  }
  return sorted;
}

/**
 * The key one step up (-1) or down (+1) from `current`, stopping at the ends. A selection that
 * left the list goes on from where it was (`anchor`); with nothing selected, or a selection
 * never seen in this list, either direction starts at the top.
 */
export function moveSelection(keys: readonly string[], current: string | null, delta: 1 | -1, anchor: SelectionAnchor | null = null): string | null {
  if (keys.length === 0) return null;
  const index = current === null ? -1 : keys.indexOf(current);
  const clamp = (i: number) => keys[Math.min(keys.length - 1, Math.max(0, i))] ?? null;
  if (index !== -1) return clamp(index + delta);
  // The selection left the list (taken, handed back) while it stays open: the row that took its
  // place is "next", the one above it "previous", as if it were still there.
  if (anchor !== null && anchor.key === current) return clamp(delta === 1 ? anchor.index : anchor.index - 1);
  return keys[0] ?? null;
}

/** Where the selected conversation last was in the list. */
export interface SelectionAnchor {
  key: string;
  index: number;
}

/** Where the selection goes when `current` leaves the list (archived): the next one, else the one before. */
export function neighbourOf(keys: readonly string[], current: string): string | null {
  const index = keys.indexOf(current);
  if (index === -1) return null;
  return keys[index + 1] ?? keys[index - 1] ?? null;
}

export interface ViewCounts {
  waiting: number;
  mine: number;
}

/** Which tab count one conversation adds to, within the chosen channel and chatbot. */
function countedIn(c: InboxConversation, filter: InboxFilter, context: FilterContext): keyof ViewCounts | null {
  if (filter.channelId !== undefined && c.channelId !== filter.channelId) return null;
  if (filter.chatbot !== undefined && `${c.accountId}/${c.chatbotId}` !== filter.chatbot) return null;
  if (matchesView(c, { view: 'waiting' }, context)) return 'waiting';
  if (matchesView(c, { view: 'mine' }, context)) return 'mine';
  return null;
}

/** The tab counts, within the chosen channel and chatbot (the search does not change them). */
export function countViews(conversations: Iterable<InboxConversation>, filter: InboxFilter, context: FilterContext): ViewCounts {
  const counts = { waiting: 0, mine: 0 };
  for (const c of conversations) {
    const view = countedIn(c, filter, context);
    if (view) counts[view]++;
  }
  return counts;
}

/** The counts after the conversations under `keys` changed from `previous` to `next`. */
export function recountViews(
  counts: ViewCounts,
  keys: ReadonlySet<string>,
  previous: ReadonlyMap<string, InboxConversation>,
  next: ReadonlyMap<string, InboxConversation>,
  filter: InboxFilter,
  context: FilterContext,
): ViewCounts {
  const updated = { ...counts };
  for (const key of keys) {
    const before = previous.get(key);
    const after = next.get(key);
    const was = before ? countedIn(before, filter, context) : null;
    const is = after ? countedIn(after, filter, context) : null;
    if (was) updated[was]--;
    if (is) updated[is]++;
  }
  return updated.waiting === counts.waiting && updated.mine === counts.mine ? counts : updated;
}

export interface Option {
  value: string;
  label: string;
}

/** Channels and chatbots that occur in the data, sorted by name, for the filter dropdowns. */
export function filterOptions(conversations: Iterable<InboxConversation>): { channels: Option[]; chatbots: Option[] } {
  const channels = new Map<string, string>();
  const chatbots = new Map<string, string>();
  for (const c of conversations) {
    if (!channels.has(c.channelId)) channels.set(c.channelId, c.channelName);
    const chatbot = `${c.accountId}/${c.chatbotId}`;
    if (!chatbots.has(chatbot)) chatbots.set(chatbot, c.chatbotName);
  }
  const sorted = (map: Map<string, string>) =>
    [...map].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  return { channels: sorted(channels), chatbots: sorted(chatbots) };
}

export type ChannelKind = 'whatsapp' | 'webchat' | 'instagram' | 'telegram' | 'email' | 'other';

/** Which icon a channel gets: by id first, then by a name that says it (backends name them freely). */
export function channelKind(channelId: string, channelName: string): ChannelKind {
  const text = `${channelId} ${channelName}`.toLowerCase();
  if (text.includes('whatsapp')) return 'whatsapp';
  if (text.includes('instagram')) return 'instagram';
  if (text.includes('telegram')) return 'telegram';
  if (/e-?mail/.test(text)) return 'email';
  if (/web/.test(text)) return 'webchat';
  return 'other';
}

/** A channel as the agent reads it everywhere (rows, filter, header, customer panel): known kinds by their one name in the agent's language, others as the platform names them. */
export function channelLabel(channelId: string, channelName: string, names: Readonly<Record<Exclude<ChannelKind, 'other'>, string>>): string {
  const kind = channelKind(channelId, channelName);
  return kind === 'other' ? channelName : names[kind];
}

// Waits parsed once per conversation object, as the activity times above.
const waitTimes = new WeakMap<InboxConversation, number>();
function waitTime(c: InboxConversation): number {
  let time = waitTimes.get(c);
  if (time === undefined) {
    const since = waitStart(c);
    time = since === null ? Infinity : Date.parse(since);
    if (Number.isNaN(time)) time = Infinity;
    waitTimes.set(c, time);
  }
  return time;
}

/** Who has waited longest first; conversations nobody is waited for after them, in the order given (newest first). */
export function sortByWait(conversations: readonly InboxConversation[]): InboxConversation[] {
  return conversations
    .map((c, order) => ({ c, order, time: waitTime(c) }))
    .sort((a, b) => (a.time === b.time ? a.order - b.order : a.time < b.time ? -1 : 1))
    .map((d) => d.c);
}

/** Up to two letters for the avatar: "Anna Berger" → "AB"; a phone number → "#". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return '#';
  const first = words[0]!;
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return (Array.from(first)[0]! + (last ? Array.from(last)[0]! : '')).toUpperCase();
}
