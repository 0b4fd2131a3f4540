// What a key press in the composer means. Enter sends and Shift+Enter breaks the line, as in
// Slack and Intercom; Ctrl/Cmd+Enter also sends, for agents used to mail clients. While an input
// method is composing (Japanese, Chinese, dead keys), Enter confirms the composition instead.

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  isComposing: boolean;
}

export type ComposerKeyAction = 'send' | 'default';

export function composerKeyAction(e: KeyLike): ComposerKeyAction {
  if (e.key !== 'Enter' || e.isComposing) return 'default';
  if (e.ctrlKey || e.metaKey) return 'send';
  if (e.shiftKey || e.altKey) return 'default';
  return 'send';
}

/** The event the inbox's keyboard shortcuts dispatch to put the cursor in the composer. */
export const FOCUS_COMPOSER_EVENT = 'deckhand:focus-composer';
