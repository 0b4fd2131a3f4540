// Memoized selectors over the store: the filtered, sorted list the inbox shows and the keyboard
// moves through, the tab counts and the filter options. Each remembers its last inputs by
// identity (the conversations map is a new one on every change, the filter on every edit), so a
// render, a keypress or an unrelated store change costs a few comparisons, not a pass over
// 50,000 conversations; and the same object comes back, so `useStore` does not re-render.
// When the map changes, it says which keys changed (inbox-map.ts), and the order, the visible
// list, the options and the counts are updated from those rather than rebuilt.
import { filterInbox, inboxMatcher, type FilterContext } from '../../../shared/inbox-filter';
import type { InboxConversation, InboxFilter, SessionState } from '../../../shared/view-models';
import { platformName } from '../../lib/platforms';
import type { InboxMap } from '../../store/inbox-map';
import type { State } from '../../store/state';
import { countViews, filterOptions, recountViews, resortByActivity, sortByActivity, type Option, type ViewCounts } from './inbox-model';

type Conversations = InboxMap<InboxConversation>;

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

/** What follows from one map alone, and how it differs from the map before it. */
interface Derived {
  map: Conversations;
  previous: Conversations | null;
  /** Keys changed since `previous`; null when unknown. */
  changed: ReadonlySet<string> | null;
  sorted: readonly InboxConversation[];
  options: Options;
  optionKeys: Set<string>;
}

let derived: Derived | null = null;

const optionKeysOf = (options: Options) => new Set([...options.channels.map((o) => `c:${o.value}`), ...options.chatbots.map((o) => `b:${o.value}`)]);

function derive(map: Conversations): Derived {
  if (derived?.map === map) return derived;
  const last = derived;
  const changed = last ? map.changedSince(last.map) : null;
  const sorted = last && changed ? resortByActivity(last.sorted, changed, last.map, map) : sortByActivity(map.values());
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

let lastVisible: { derived: Derived; filter: InboxFilter; context: FilterContext; visible: readonly InboxConversation[] } | null = null;

function visibleOf(d: Derived, filter: InboxFilter, context: FilterContext): readonly InboxConversation[] {
  const last = lastVisible;
  if (last && last.derived === d && last.filter === filter && last.context === context) return last.visible;
  // The same view one change later: only the changed conversations can enter or leave it.
  const visible =
    last && last.filter === filter && last.context === context && d.changed !== null && d.previous === last.derived.map
      ? resortByActivity(last.visible, d.changed, d.previous, d.map, inboxMatcher(filter, context))
      : filterInbox(d.sorted, filter, context);
  lastVisible = { derived: d, filter, context, visible };
  return visible;
}

const keysOf = memo((visible: readonly InboxConversation[]) => visible.map((c) => c.key));

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
export const selectVisible = (s: State): readonly InboxConversation[] => visibleOf(derive(s.conversations), s.filter, contextOf(s.session));
/** The visible keys in order: for moves through the list, read on demand (a 50,000-key array per change is waste). */
export const selectVisibleKeys = (s: State): string[] => keysOf(selectVisible(s));
export const selectCounts = (s: State): ViewCounts => countsOf(s.conversations, s.filter, contextOf(s.session));
export const selectOptions = (s: State): Options => derive(s.conversations).options;
