// The workspace's keyboard shortcuts, installed once by Workspace. Which key means what is
// decided by the pure `resolveShortcut` (screens/inbox/keymap.ts); this hook only feeds it the
// key and where it was pressed, and carries out the action.
import { useEffect } from 'react';
import {
  SEARCH_INPUT_ID,
  clearSearch,
  focusComposer,
  focusSearch,
  moveSelectionBy,
  toggleArchiveSelected,
} from '../screens/inbox/inbox-actions';
import { classifyTarget, resolveShortcut, type ShortcutAction } from '../screens/inbox/keymap';
import { setHelpOpen, setSection } from '../store/actions/local';
import { getState } from '../store/store';

/** How long "g" waits for its second key. */
const SEQUENCE_MS = 1500;

function targetOf(event: KeyboardEvent) {
  const element = event.target instanceof HTMLElement ? event.target : null;
  if (!element) return 'other' as const;
  return classifyTarget({
    tagName: element.tagName,
    type: element instanceof HTMLInputElement ? element.type : undefined,
    isContentEditable: element.isContentEditable,
    role: element.getAttribute('role'),
  });
}

// Shortcuts that act on the list only make sense where the list is.
const inboxOnly = new Set<ShortcutAction>(['next', 'previous', 'open', 'reply', 'archive']);

function escape(event: KeyboardEvent): boolean {
  const state = getState();
  if (state.helpOpen) {
    setHelpOpen(false);
    return true;
  }
  const inSearch = event.target instanceof HTMLElement && event.target.id === SEARCH_INPUT_ID;
  // Escape in the composer or another field is that field's business, not the inbox's.
  if (!inSearch && targetOf(event) === 'typing') return false;
  if (state.filter.search) {
    clearSearch();
    return true;
  }
  if (inSearch && event.target instanceof HTMLElement) {
    event.target.blur();
    return true;
  }
  return false;
}

function perform(action: ShortcutAction, event: KeyboardEvent): boolean {
  const state = getState();
  if (inboxOnly.has(action) && state.section !== 'inbox') return false;
  switch (action) {
    case 'next':
    case 'previous':
      moveSelectionBy(action === 'next' ? 1 : -1);
      return true;
    case 'open':
    case 'reply':
      if (state.selectedKey === null) return false;
      focusComposer();
      return true;
    case 'archive':
      if (state.selectedKey === null) return false;
      void toggleArchiveSelected();
      return true;
    case 'search':
      focusSearch();
      return true;
    case 'help':
      setHelpOpen(!state.helpOpen);
      return true;
    case 'goInbox':
      setSection('inbox');
      return true;
    case 'escape':
      return escape(event);
  }
}

export function useGlobalShortcuts(): void {
  useEffect(() => {
    let pendingSince: number | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // Another modal dialog (a confirmation, a form) owns the keyboard until it closes.
      if (!getState().helpOpen && document.querySelector('dialog:modal')) return;
      const pendingG = pendingSince !== null && Date.now() - pendingSince < SEQUENCE_MS;
      const result = resolveShortcut(event, { target: targetOf(event), pendingG, helpOpen: getState().helpOpen });
      pendingSince = result.pendingG ? Date.now() : null;
      // Handled keys must not also scroll the page, type "/" into the field, or reach the browser.
      if (result.action && perform(result.action, event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
