// Memoized selectors over the store: the filtered, sorted list the inbox shows and the keyboard
// moves through (in the view's order, found by name or by message, held while scrolled), the tab
// counts and the filter options. Each remembers its last inputs by
// identity (the conversations map is a new one on every change, the filter on every edit), so a
// render, a keypress or an unrelated store change costs a few comparisons, not a pass over
// 50,000 conversations; and the same object comes back, so `useStore` does not re-render.
// When the map changes, it says which keys changed (inbox-map.ts), and the order, the filtered
// list, the options and the counts are updated from those rather than rebuilt.
import { isForMe, isWaiting } from '../../../shared/conversation-rules';
import { foldForSearch } from '../../../shared/fold';
import { filterInbox, inboxMatcher, type FilterContext } from '../../../shared/inbox-filter';
import type { InboxConversation, InboxFilter, SessionState } from '../../../shared/view-models';
import { sortOf, type InboxSort, type ListHold, type MessageSearch } from '../../store/slices/inbox-view';
import { platformName } from '../../lib/platforms';
import type { InboxMap } from '../../store/inbox-map';
import type { State } from '../../store/state';
import {
  countViews,
  filterOptions,
  recountViews,
  resortByActivity,
  resortByWait,
  sortByActivity,
  sortByWait,
  type Option,
  type SelectionAnchor,
  type ViewCounts,
} from './inbox-model';

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

/** What follows from one Map alone, and how it differs from the Map before it. */
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

/** The keys the message search found for this very term (hits for an older term are not used). */
const foundOf = memo((search: MessageSearch | null | undefined, term: string | undefined): ReadonlySet<string> | undefined =>
  search && term && foldForSearch(search.term.trim()) === foldForSearch(term.trim()) ? new Set(search.hits.keys()) : undefined,
);

type Found = ReadonlySet<string> | undefined;
type List = readonly InboxConversation[];
interface View {
  derived: Derived;
  filter: InboxFilter;
  context: FilterContext;
  found: Found;
  sort: InboxSort;
  /** The view's conversations, newest activity first. */
  filtered: List;
  /** The same in the order the view shows (the queue's, by wait, or that one). */
  ordered: List;
}
let lastView: View | null = null;

/**
 * The view's conversations in its order. One change later, only the changed conversations can
 * enter, leave or move, so both lists are updated from those (inbox-model.ts's resort*).
 */
function viewOf(d: Derived, filter: InboxFilter, context: FilterContext, found: Found, sort: InboxSort): List {
  const last = lastView;
  const sameView = last !== null && last.filter === filter && last.context === context && last.found === found;
  if (sameView && last.derived === d && last.sort === sort) return last.ordered;
  const step = sameView && last.derived !== d && d.changed !== null && d.previous === last.derived.map;
  const accepts = inboxMatcher(filter, context, found);
  const filtered =
    sameView && last.derived === d ? last.filtered : step ? resortByActivity(last!.filtered, d.changed!, d.previous!, d.map, accepts) : filterInbox(d.sorted, filter, context, found);
  const ordered =
    sort !== 'longestWaiting'
      ? filtered
      : step && last!.sort === sort
        ? resortByWait(last!.ordered, d.changed!, d.previous!, d.map, accepts)
        : sortByWait(filtered);
  lastView = { derived: d, filter, context, found, sort, filtered, ordered };
  return ordered;
}

/**
 * While the agent has scrolled down, the rows stay where they were: ones still in the list keep
 * their places, new arrivals are counted (the "N new" pill) instead of shown. Ones that left the
 * view (taken, archived) go.
 */
const positionsOf = memo((rows: readonly InboxConversation[]): ReadonlyMap<string, number> => new Map(rows.map((c, index) => [c.key, index])));

const displayedOf = memo((ordered: readonly InboxConversation[], hold: ListHold | null | undefined): { list: readonly InboxConversation[]; arrived: number } => {
  // Nothing changed since the hold began: the list is the one held.
  if (!hold || hold.rows === ordered) return { list: ordered, arrived: 0 };
  const positions = positionsOf(hold.rows);
  const kept = ordered.filter((c) => positions.has(c.key));
  kept.sort((a, b) => positions.get(a.key)! - positions.get(b.key)!);
  return { list: kept, arrived: ordered.length - kept.length };
});

const keysOf = memo((visible: readonly InboxConversation[]) => visible.map((c) => c.key));

const displayed = (s: State) =>
  displayedOf(
    viewOf(derive(s.conversations), s.filter, contextOf(s.session), foundOf(s.messageSearch, s.filter.search), sortOf(s)),
    s.listHold,
  );

let anchor: SelectionAnchor | null = null;

/**
 * Where the selected conversation was last seen in the list: remembered while it is in it, kept
 * once it left (taken by the agent, so out of "Waiting"), so the keyboard goes on from there.
 */
export function selectAnchor(s: State): SelectionAnchor | null {
  const key = s.selectedKey;
  if (key === null) return null;
  const index = selectVisible(s).findIndex((c) => c.key === key);
  if (index !== -1) {
    if (anchor?.key !== key || anchor.index !== index) anchor = { key, index };
    return anchor;
  }
  return anchor?.key === key ? anchor : null;
}

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

interface News {
  waiting: number;
  unread: number;
}
let lastNews: { map: Conversations; context: FilterContext; news: News } | null = null;

/** What one conversation adds to the news (nothing when gone). */
function newsIn(c: InboxConversation | undefined, context: FilterContext): News {
  if (!c || c.archived) return { waiting: 0, unread: 0 };
  return { waiting: isWaiting(c) ? 1 : 0, unread: c.unreadCount > 0 && isForMe(c, context.myAgentIds[c.accountId]) ? 1 : 0 };
}

/**
 * What waits in the whole inbox, for the nav rail while another section is open: waiting, and
 * unread that is the agent's. One change later, counted again only for the changed conversations.
 */
function newsOf(map: Conversations, context: FilterContext): News {
  const last = lastNews;
  if (last && last.map === map && last.context === context) return last.news;
  const d = derive(map);
  let news: News;
  if (last && last.context === context && d.changed !== null && d.previous === last.map) {
    news = { ...last.news };
    for (const key of d.changed) {
      const before = newsIn(last.map.get(key), context);
      const after = newsIn(map.get(key), context);
      news.waiting += after.waiting - before.waiting;
      news.unread += after.unread - before.unread;
    }
    if (news.waiting === last.news.waiting && news.unread === last.news.unread) news = last.news;
  } else {
    news = { waiting: 0, unread: 0 };
    for (const c of map.values()) {
      const one = newsIn(c, context);
      news.waiting += one.waiting;
      news.unread += one.unread;
    }
  }
  lastNews = { map, context, news };
  return news;
}

export const selectInboxNews = (s: State): News => newsOf(s.conversations, contextOf(s.session));
export const selectFilterContext = (s: State): FilterContext => contextOf(s.session);

/** accountId → its platform's name while several platforms are signed in (a row's badge), else null. */
const platformNamesOf = memo((session: SessionState | null): ReadonlyMap<string, string> | null => {
  const accounts = session?.accounts ?? [];
  if (new Set(accounts.map((a) => a.platform)).size < 2) return null;
  return new Map(accounts.map((a) => [a.id, platformName(a.platform)]));
});
export const selectPlatformNames = (s: State): ReadonlyMap<string, string> | null => platformNamesOf(s.session);
export const selectVisible = (s: State): readonly InboxConversation[] => displayed(s).list;
/** Conversations that came into the view while its rows were held (the "N new" pill). */
export const selectArrived = (s: State): number => displayed(s).arrived;
export const selectVisibleKeys = (s: State): string[] => keysOf(selectVisible(s));
export const selectCounts = (s: State): ViewCounts => countsOf(s.conversations, s.filter, contextOf(s.session));
export const selectOptions = (s: State): Options => derive(s.conversations).options;
