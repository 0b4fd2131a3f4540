// Memoized selectors over the store: the filtered, sorted list the inbox shows and the keyboard
// moves through, the tab counts and the filter options. Each remembers its last inputs by
// identity (the conversations Map is replaced on every change, the filter on every edit), so a
// render, a keypress or an unrelated store change costs a few comparisons, not a pass over
// 50,000 conversations; and the same object comes back, so `useStore` does not re-render.
// When the Map changes, what changed is found once and the order, options and counts are
// updated from it rather than rebuilt.
import { filterInbox, type FilterContext } from '../../../shared/inbox-filter';
import type { InboxConversation, InboxFilter, SessionState } from '../../../shared/view-models';
import { platformName } from '../../lib/platforms';
import type { State } from '../../store/state';
import {
  INCREMENTAL_LIMIT,
  changedKeys,
  countViews,
  filterOptions,
  recountViews,
  resortByActivity,
  sortByActivity,
  type Option,
  type ViewCounts,
} from './inbox-model';

type Conversations = ReadonlyMap<string, InboxConversation>;

function memo<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

const contextOf = memo((session: SessionState | null): FilterContext => ({
  myAgentIds: Object.fromEntries((session?.accounts ?? []).map((a) => [a.id, a.agent.id])),
  platforms: Object.fromEntries((session?.accounts ?? []).map((a) => [a.id, a.platform])),
}));

interface Options {
  channels: Option[];
  chatbots: Option[];
}

/** What follows from one Map alone, and how it differs from the Map before it. */
interface Derived {
  map: Conversations;
  previous: Conversations | null;
  /** Keys changed since `previous`; null when unknown or too many. */
  changed: ReadonlySet<string> | null;
  sorted: InboxConversation[];
  options: Options;
  optionKeys: Set<string>;
}

let derived: Derived | null = null;

const optionKeysOf = (options: Options) => new Set([...options.channels.map((o) => `c:${o.value}`), ...options.chatbots.map((o) => `b:${o.value}`)]);

function derive(map: Conversations): Derived {
  if (derived?.map === map) return derived;
  const last = derived;
  const changed = last ? changedKeys(last.map, map, INCREMENTAL_LIMIT) : null;
  const sorted = last && changed ? resortByActivity(last.map, last.sorted, map, changed) : sortByActivity(map.values());
  // New options only come with a conversation on a channel or chatbot not seen before.
  const known =
    last !== null &&
    changed !== null &&
    [...changed].every((key) => {
      const c = map.get(key);
      return !c || (last.optionKeys.has(`c:${c.channelId}`) && last.optionKeys.has(`b:${c.accountId}/${c.chatbotId}`));
    });
  const options = known ? last.options : filterOptions(map.values());
  derived = { map, previous: last?.map ?? null, changed, sorted, options, optionKeys: known ? last.optionKeys : optionKeysOf(options) };
  return derived;
}

const visibleOf = memo((sorted: InboxConversation[], filter: InboxFilter, context: FilterContext) => filterInbox(sorted, filter, context));

const keysOf = memo((visible: InboxConversation[]) => visible.map((c) => c.key));

type Scope = Pick<InboxFilter, 'channelId' | 'chatbot' | 'platform'>;
let lastCounts: { map: Conversations; scope: Scope; context: FilterContext; counts: ViewCounts } | null = null;

const sameScope = (a: Scope, b: Scope) => a.channelId === b.channelId && a.chatbot === b.chatbot && a.platform === b.platform;

function countsOf(map: Conversations, { channelId, chatbot, platform }: Scope, context: FilterContext): ViewCounts {
  const last = lastCounts;
  const given: Scope = { channelId, chatbot, platform };
  if (last && last.map === map && sameScope(last.scope, given) && last.context === context) return last.counts;
  const d = derive(map);
  const scope: InboxFilter = { view: 'all', channelId, chatbot, platform };
  const same = last !== null && sameScope(last.scope, given) && last.context === context;
  const counts =
    same && d.changed !== null && d.previous === last.map
      ? recountViews(last.counts, d.changed, last.map, map, scope, context)
      : countViews(map.values(), scope, context);
  lastCounts = { map, scope: given, context, counts };
  return counts;
}

export const selectFilterContext = (s: State): FilterContext => contextOf(s.session);

/** accountId → its platform's name while several platforms are signed in (a row's badge), else null. */
const platformNamesOf = memo((session: SessionState | null): ReadonlyMap<string, string> | null => {
  const accounts = session?.accounts ?? [];
  if (new Set(accounts.map((a) => a.platform)).size < 2) return null;
  return new Map(accounts.map((a) => [a.id, platformName(a.platform)]));
});
export const selectPlatformNames = (s: State): ReadonlyMap<string, string> | null => platformNamesOf(s.session);
export const selectVisible = (s: State): InboxConversation[] => visibleOf(derive(s.conversations).sorted, s.filter, contextOf(s.session));
export const selectVisibleKeys = (s: State): string[] => keysOf(selectVisible(s));
export const selectCounts = (s: State): ViewCounts => countsOf(s.conversations, s.filter, contextOf(s.session));
export const selectOptions = (s: State): Options => derive(s.conversations).options;
