// Key → action, as a pure function of the key and where it was pressed, so the rules (what is
// ignored while typing, the "g i" sequence, held keys) are unit-tested without a DOM. The help
// overlay lists the same table (`shortcutList`), so the two cannot drift apart.

export type ShortcutAction = 'next' | 'previous' | 'open' | 'reply' | 'archive' | 'search' | 'help' | 'goInbox' | 'escape';

/** The parts of a KeyboardEvent the mapping looks at. */
export interface KeyInput {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  repeat: boolean;
  isComposing?: boolean;
}

/**
 * Where the key went: 'typing' = a text field, textarea, select or contenteditable (letters are
 * text there); 'control' = a button or link (Enter and Space activate it); 'other' = anywhere else.
 */
export type KeyTarget = 'typing' | 'control' | 'other';

export interface KeyContext {
  target: KeyTarget;
  /** "g" was pressed just before: the next key completes a "g …" sequence. */
  pendingG: boolean;
  helpOpen: boolean;
}

export interface KeyResult {
  action: ShortcutAction | null;
  pendingG: boolean;
}

const none = (pendingG = false): KeyResult => ({ action: null, pendingG });
const act = (action: ShortcutAction): KeyResult => ({ action, pendingG: false });

// Actions that change something happen once per press, not for every auto-repeat of a held key.
const singleKeys: Record<string, ShortcutAction> = { Enter: 'open', r: 'reply', e: 'archive', '/': 'search', '?': 'help' };

export function resolveShortcut(e: KeyInput, context: KeyContext): KeyResult {
  if (e.isComposing) return none();
  const modified = e.ctrlKey || e.metaKey || e.altKey;
  if (e.key === 'Escape' && !modified) return act('escape');
  // Ctrl/Cmd+/ inserts no text, so it works while typing too ("/" is Shift+7 on German keyboards).
  if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === '/' || e.code === 'Slash')) return act('help');
  // Everything else is the field's while typing; Ctrl/Cmd+Enter there belongs to the composer.
  if (context.target === 'typing' || modified) return none();
  if (context.helpOpen) return e.key === '?' ? act('help') : none();

  // Shift+letter is left alone (it may become a shortcut of its own later); Caps Lock is not Shift.
  const isLetter = /^[a-z]$/i.test(e.key);
  if (isLetter && e.shiftKey) return none();
  const key = isLetter ? e.key.toLowerCase() : e.key;

  if (context.pendingG) {
    if (key === 'i') return act('goInbox');
    // Any other key ends the sequence and counts on its own.
    return resolveShortcut(e, { ...context, pendingG: false });
  }
  if (key === 'g') return e.repeat ? none() : none(true);
  if (key === 'ArrowDown' || key === 'j') return act('next');
  if (key === 'ArrowUp' || key === 'k') return act('previous');
  const single = singleKeys[key];
  if (!single || e.repeat) return none();
  if (single === 'open' && context.target === 'control') return none();
  return act(single);
}

/** What the element that had the key is, from the few facts the mapping needs. */
export function classifyTarget(element: { tagName: string; type?: string; isContentEditable?: boolean; role?: string | null } | null): KeyTarget {
  if (!element) return 'other';
  const tag = element.tagName.toUpperCase();
  if (element.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return 'typing';
  if (tag === 'INPUT') {
    const type = (element.type ?? 'text').toLowerCase();
    return ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type) ? 'control' : 'typing';
  }
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return 'control';
  if (element.role && ['button', 'link', 'tab', 'menuitem', 'switch', 'checkbox'].includes(element.role)) return 'control';
  return 'other';
}

// ---- the table the help overlay shows -----------------------------------------------------------

/** One key: a name to translate ('ctrl', 'enter', …) or a literal character shown as is. */
export type KeyName = 'up' | 'down' | 'enter' | 'escape' | 'mod' | { char: string };
/** Alternatives ("↓ or j"); each alternative is a sequence of chords ("g then i"); a chord is keys held together. */
export interface ShortcutEntry {
  /** The composer's own keys ('send', 'savedReply', 'leave') are listed here too, handled there. */
  action: ShortcutAction | 'send' | 'savedReply' | 'leave';
  keys: KeyName[][][];
}
export interface ShortcutGroup {
  group: 'navigation' | 'conversation' | 'general';
  entries: ShortcutEntry[];
}

const c = (char: string): KeyName => ({ char });

export const shortcutList: ShortcutGroup[] = [
  {
    group: 'navigation',
    entries: [
      { action: 'next', keys: [[['down']], [[c('j')]]] },
      { action: 'previous', keys: [[['up']], [[c('k')]]] },
      { action: 'search', keys: [[[c('/')]]] },
      { action: 'goInbox', keys: [[[c('g')], [c('i')]]] },
    ],
  },
  {
    group: 'conversation',
    entries: [
      { action: 'open', keys: [[['enter']]] },
      { action: 'reply', keys: [[[c('r')]]] },
      { action: 'send', keys: [[['enter']], [['mod', 'enter']]] },
      { action: 'savedReply', keys: [[[c('/')]], [['mod', c('.')]]] },
      { action: 'leave', keys: [[['escape']]] },
      { action: 'archive', keys: [[[c('e')]]] },
    ],
  },
  {
    group: 'general',
    entries: [
      { action: 'help', keys: [[[c('?')]], [['mod', c('/')]]] },
      { action: 'escape', keys: [[['escape']]] },
    ],
  },
];
