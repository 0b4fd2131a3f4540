// The inbox's own commands: clearing the search, and the keyboard commands that act on the
// selected conversation or move the selection through the visible list.
import { selectConversation } from '../../store/actions/conversation';
import { toggleArchived } from '../../store/actions/undo';
import { setFilter, setSection } from '../../store/actions/local';
import { getState } from '../../store/store';
import { moveSelection, neighbourOf } from './inbox-model';
import { selectAnchor, selectVisibleKeys } from './visible';

/** The search field's id, so "/" can focus it from anywhere. */
export const SEARCH_INPUT_ID = 'inbox-search';
/** The list's id, so the search can hand the keyboard to it. */
export const LIST_ID = 'inbox-list';
/** The conversation view listens for this and focuses its composer (Enter / r). */
export const FOCUS_COMPOSER_EVENT = 'deckhand:focus-composer';

export const clearSearch = (): void => setFilter({ search: undefined });

export function moveSelectionBy(delta: 1 | -1): void {
  const state = getState();
  const next = moveSelection(selectVisibleKeys(state), state.selectedKey, delta, selectAnchor(state));
  // The list takes the keyboard, so a screen reader announces the row the selection moved to.
  const list = document.getElementById(LIST_ID);
  if (list && !list.contains(document.activeElement)) list.focus({ preventScroll: true });
  if (next !== null && next !== state.selectedKey) void selectConversation(next);
}

export function focusComposer(): void {
  if (getState().selectedKey === null) return;
  window.dispatchEvent(new CustomEvent(FOCUS_COMPOSER_EVENT, { detail: { key: getState().selectedKey } }));
}

/**
 * The conversation list takes the keyboard: j/k, Enter and a screen reader's reading go on from
 * there. A view left empty has no list: its tab takes it then.
 */
export function focusList(): void {
  (document.getElementById(LIST_ID) ?? document.querySelector<HTMLElement>('.inbox-tabs [aria-selected="true"]'))?.focus({ preventScroll: true });
}

export function focusSearch(): void {
  if (getState().section !== 'inbox') setSection('inbox');
  // After a section switch the field renders on the next frame.
  requestAnimationFrame(() => {
    const input = document.getElementById(SEARCH_INPUT_ID);
    if (input instanceof HTMLInputElement) {
      input.focus();
      input.select();
    }
  });
}

/**
 * Archives the selected conversation (or, in the archive, brings it back) and, as in a mail
 * client, moves the selection to its neighbour: the conversation leaves the current view.
 */
export async function toggleArchiveSelected(): Promise<void> {
  const { selectedKey, conversations } = getState();
  const conversation = selectedKey === null ? undefined : conversations.get(selectedKey);
  if (!selectedKey || !conversation) return;
  const neighbour = neighbourOf(selectVisibleKeys(getState()), selectedKey);
  try {
    // With an Undo, as from the header's button: "e" is easy to press by mistake.
    await toggleArchived(conversation);
  } catch {
    return; // attempt() has already shown what went wrong
  }
  if (getState().selectedKey === selectedKey && !selectVisibleKeys(getState()).includes(selectedKey)) {
    void selectConversation(neighbour);
  }
}
