// The inbox list's pure logic: order, selection moves, counts, filter options and what a row
// shows (status, channel, initials). Free of React and the store so it is unit-tested in node.
import { matchesView, type FilterContext } from '../../../shared/inbox-filter';
import { lastActivity } from '../../../shared/activity';
import type { InboxConversation, InboxFilter } from '../../../shared/view-models';
import { waitStartMs } from '../../../shared/waiting-time';

export { lastActivity };

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

/** Up to this many changes are spliced in one by one (binary search); more are merged in one pass. */
export const SPLICE_LIMIT = 64;

type Order = (a: InboxConversation, b: InboxConversation) => number;

/** Where `c` is, or belongs, in a list sorted by `order` (binary search). */
function positionOf(sorted: readonly InboxConversation[], c: InboxConversation, order: Order): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(sorted[middle]!, c) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Two lists sorted by `order` as one. */
function mergeSorted(a: readonly InboxConversation[], b: readonly InboxConversation[], order: Order): InboxConversation[] {
  const out = new Array<InboxConversation>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = order(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

type Resort = (
  list: readonly InboxConversation[],
  keys: ReadonlySet<string>,
  previous: ReadonlyMap<string, InboxConversation>,
  next: ReadonlyMap<string, InboxConversation>,
  accepts?: (c: InboxConversation) => boolean,
) => readonly InboxConversation[];

/**
 * A list sorted by `order`, after the conversations under `keys` changed from `previous` to
 * `next`: their old versions taken out, the new ones put in where they belong if `accepts` them
 * (a view's filter; all by default). Main sends a few changes at a time, so instead of filtering
 * and sorting 50,000 again, a few are spliced in by binary search, and a large batch is sorted on
 * its own and merged in one pass. Returns `list` itself when nothing in it changed.
 */
const resortBy =
  (order: Order): Resort =>
  (list, keys, previous, next, accepts = () => true) => {
  const incoming: InboxConversation[] = [];
  for (const key of keys) {
    const c = next.get(key);
    if (c && accepts(c)) incoming.push(c);
  }
  if (keys.size > SPLICE_LIMIT) {
    const kept = list.filter((c) => !keys.has(c.key));
    return kept.length === list.length && incoming.length === 0 ? list : mergeSorted(kept, incoming.sort(order), order);
  }
  let sorted: InboxConversation[] | null = null;
  for (const key of keys) {
    const old = previous.get(key);
    if (!old) continue;
    const index = positionOf(sorted ?? list, old, order);
    if ((sorted ?? list)[index] !== old) continue;
    sorted ??= list.slice();
    sorted.splice(index, 1);
  }
  if (incoming.length === 0) return sorted ?? list;
  sorted ??= list.slice();
  for (const c of incoming) sorted.splice(positionOf(sorted, c, order), 0, c);
  return sorted;
};

/** resortBy newest activity first: the inbox's own order. */
export const resortByActivity: Resort = resortBy(byActivity);

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

/**
 * The channel filter's options, sorted, each by its channelLabel. Two channels that would read the
 * same there (ChatCaptain's "email" and Botpress's "gmail" both read "E-Mail") are told apart by
 * the names their platforms give them, and by their ids where even those are the same.
 */
export function channelOptions(channels: readonly Option[], names: Readonly<Record<Exclude<ChannelKind, 'other'>, string>>): Option[] {
  const labelled = channels.map((o) => ({ value: o.value, label: channelLabel(o.value, o.label, names), own: o.label }));
  const count = (key: (o: (typeof labelled)[number]) => string, value: string) => labelled.filter((o) => key(o) === value).length;
  return labelled
    .map((o) => {
      if (count((x) => x.label, o.label) === 1) return { value: o.value, label: o.label };
      return { value: o.value, label: count((x) => x.own, o.own) === 1 ? o.own : `${o.own} (${o.value})` };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

// Waits parsed once per conversation object, as the activity times above.
const waitTimes = new WeakMap<InboxConversation, number>();
function waitTime(c: InboxConversation): number {
  let time = waitTimes.get(c);
  if (time === undefined) {
    time = waitStartMs(c) ?? Infinity;
    waitTimes.set(c, time);
  }
  return time;
}

/** Who has waited longest first; equal waits (and those nobody waits for, last) newest activity first. */
const byWait: Order = (a, b) => {
  const x = waitTime(a);
  const y = waitTime(b);
  return x === y ? byActivity(a, b) : x < y ? -1 : 1;
};

export function sortByWait(conversations: readonly InboxConversation[]): InboxConversation[] {
  return conversations.slice().sort(byWait);
}

/** resortBy the queue's order (sortByWait), so the Waiting view stays cheap at 50,000 too. */
export const resortByWait: Resort = resortBy(byWait);

/** Up to two letters for the avatar: "Anna Berger" → "AB"; a phone number → "#". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return '#';
  const first = words[0]!;
  const last = words.length > 1 ? words[words.length - 1]! : '';
  return (Array.from(first)[0]! + (last ? Array.from(last)[0]! : '')).toUpperCase();
}
