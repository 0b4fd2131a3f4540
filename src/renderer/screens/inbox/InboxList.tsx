// The inbox's left column: the views, search and filters, and the conversations of the chosen
// view in its order (Waiting: longest wait first; the others newest first). The list is
// virtualized (only the rows in sight are rendered) and reads one memoized array from the store,
// so it stays smooth with 50,000 conversations. Scrolled down, its rows stay put: what arrives
// meanwhile waits behind a "N new" pill.
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowUp } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { selectConversation } from '../../store/actions/conversation';
import { searchMessages } from '../../store/actions/search';
import { getState, useStore } from '../../store/store';
import { InboxEmpty } from './InboxEmpty';
import { InboxFilters } from './InboxFilters';
import { InboxRow, ROW_HEIGHT, optionId } from './InboxRow';
import { rowWords } from './row-words';
import { InboxTabs, PANEL_ID, tabId } from './InboxTabs';
import { LIST_ID } from './inbox-actions';
import { InboxSort } from './InboxSort';
import { holdsAt } from './queue-model';
import { useMinute } from './use-minute';
import { selectAnchor, selectArrived, selectFilterContext, selectOptions, selectPlatformNames, selectVisible } from './visible';
import './inbox.css';
import './inbox-rows.css';

/** More row slots than any window shows (rows in sight plus overscan), so keys never collide. */
const ROW_SLOTS = 64;

function ConversationRows() {
  const { t, i18n } = useTranslation();
  const visible = useStore(selectVisible);
  const selectedKey = useStore((s) => s.selectedKey);
  const view = useStore((s) => s.filter.view);
  const { myAgentIds } = useStore(selectFilterContext);
  const showChatbot = useStore((s) => selectOptions(s).chatbots.length > 1);
  const platforms = useStore(selectPlatformNames);
  const team = useStore((s) => s.team);
  const agentNames = useMemo(() => new Map(team.map((a) => [a.agentId, a.name])), [team]);
  const words = useMemo(() => rowWords(t), [t]);
  const now = useMinute();
  const scrollRef = useRef<HTMLDivElement>(null);
  const search = useStore((s) => s.filter.search);
  const hits = useStore((s) => s.messageSearch?.hits);
  const arrived = useStore(selectArrived);
  // Kept current while the selection is in the list, so "j" goes on from its place once it leaves.
  useStore(selectAnchor);

  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // No getItemKey: rows have one fixed height, and a new key function with every list would
    // make the virtualizer measure all 50,000 rows again on every live change.
    overscan: 4,
  });

  // Follow the selection when it moves (keyboard, a notification click), not when the list
  // reorders under it: the agent may be reading further down.
  const selectedIndex = useMemo(() => (selectedKey === null ? -1 : visible.findIndex((c) => c.key === selectedKey)), [visible, selectedKey]);
  const indexRef = useRef(selectedIndex);
  indexRef.current = selectedIndex;
  useEffect(() => {
    if (indexRef.current >= 0) virtualizer.scrollToIndex(indexRef.current, { align: 'auto' });
  }, [selectedKey, virtualizer]);
  // A new view, search or filter is a new list: show the selection if it is in it, else the top
  // (where the newest matches are), never the scroll position of the list before.
  const filter = useStore((s) => s.filter);
  const sort = useStore((s) => s.inboxSort);
  useEffect(() => {
    getState().releaseList();
    if (indexRef.current >= 0) virtualizer.scrollToIndex(indexRef.current, { align: 'center' });
    else virtualizer.scrollToOffset(0);
  }, [filter, sort, virtualizer]);
  useEffect(() => () => getState().releaseList(), []);

  // Away from the top the rows are held where they are; back at the top the list is live again.
  const onScroll = () => {
    const top = scrollRef.current?.scrollTop ?? 0;
    const state = getState();
    if (holdsAt(top, ROW_HEIGHT)) {
      if (state.listHold === null) state.holdList(selectVisible(state));
    } else if (state.listHold !== null) {
      state.releaseList();
    }
  };
  const showArrived = () => {
    getState().releaseList();
    virtualizer.scrollToOffset(0);
  };

  const items = virtualizer.getVirtualItems();
  // Point at the selected option only while it is rendered, else the reference would dangle.
  const activeRendered = selectedKey !== null && items.some((item) => visible[item.index]?.key === selectedKey);

  return (
    <>
    {arrived > 0 && (
      <button type="button" className="inbox-arrived" title={t('queue.arrivedHint')} onClick={showArrived}>
        <ArrowUp size={14} aria-hidden="true" />
        {t('queue.arrived', { count: arrived })}
      </button>
    )}
    <div
      ref={scrollRef}
      id={LIST_ID}
      className={activeRendered ? 'inbox-rows has-selected-row' : 'inbox-rows'}
      role="listbox"
      aria-label={t('inbox.list.label', { view: t(`inbox.views.${view}`) })}
      aria-activedescendant={activeRendered && selectedKey !== null ? optionId(selectedKey) : undefined}
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={(event) => {
        // Home and End as the listbox pattern has them (arrows and j/k are global shortcuts).
        const target = event.key === 'Home' ? visible[0]?.key : event.key === 'End' ? visible[visible.length - 1]?.key : undefined;
        if (!target || event.altKey || event.ctrlKey || event.metaKey) return;
        event.preventDefault();
        if (target !== selectedKey) void selectConversation(target);
      }}
    >
      <div className="inbox-rows-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const c = visible[item.index];
          if (!c) return null;
          return (
            <InboxRow
              // Keyed by slot, not by conversation: a row scrolled out hands its DOM to the row
              // scrolling in, so fast scrolling updates text instead of making and dropping
              // hundreds of elements a second (whose garbage collection stalled the window).
              key={item.index % Math.max(ROW_SLOTS, items.length)}
              conversation={c}
              index={item.index}
              setSize={visible.length}
              start={item.start}
              selected={c.key === selectedKey}
              now={now}
              showChatbot={showChatbot}
              platform={platforms?.get(c.accountId)}
              view={view}
              myAgentId={myAgentIds[c.accountId]}
              agentNames={agentNames}
              words={words}
              language={i18n.language}
              search={search}
              hit={hits?.get(c.key)}
            />
          );
        })}
      </div>
    </div>
    </>
  );
}

export function InboxList() {
  const { t } = useTranslation();
  const view = useStore((s) => s.filter.view);
  const search = useStore((s) => s.filter.search);
  const count = useStore((s) => selectVisible(s).length);
  // Names are searched as the agent types; messages in main's index once the term settles.
  useEffect(() => void searchMessages(search), [search]);
  return (
    <section className="inbox-list" aria-label={t('inbox.label')}>
      <InboxTabs />
      <InboxFilters />
      <InboxSort />
      {/* Announced after a search settles, not on every arriving message. */}
      <p className="visually-hidden" aria-live="polite">
        {search ? t('inbox.list.results', { count }) : ''}
      </p>
      <div id={PANEL_ID} className="inbox-panel" role="tabpanel" aria-labelledby={tabId(view)}>
        {count === 0 ? <InboxEmpty /> : <ConversationRows />}
      </div>
    </section>
  );
}
