import { describe, expect, it } from 'vitest';
import { inboxEn } from '../../../../src/renderer/i18n/inbox';
import { shortcutsDe, shortcutsEn } from '../../../../src/renderer/i18n/shortcuts';
import {
  classifyTarget,
  resolveShortcut,
  shortcutList,
  type KeyContext,
  type KeyInput,
} from '../../../../src/renderer/screens/inbox/keymap';

const key = (k: string, patch: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  repeat: false,
  ...patch,
});
const anywhere: KeyContext = { target: 'other', pendingG: false, helpOpen: false };
const typing: KeyContext = { ...anywhere, target: 'typing' };
const action = (k: KeyInput, context: KeyContext = anywhere) => resolveShortcut(k, context).action;

describe('resolveShortcut', () => {
  it('maps the list keys', () => {
    expect(action(key('ArrowDown'))).toBe('next');
    expect(action(key('j'))).toBe('next');
    expect(action(key('ArrowUp'))).toBe('previous');
    expect(action(key('k'))).toBe('previous');
    expect(action(key('Enter'))).toBe('open');
    expect(action(key('r'))).toBe('reply');
    expect(action(key('e'))).toBe('archive');
    expect(action(key('/'))).toBe('search');
    expect(action(key('?', { shiftKey: true }))).toBe('help');
    expect(action(key('Escape'))).toBe('escape');
  });

  it('takes "/" typed with Shift, as on a German keyboard (Shift+7)', () => {
    expect(action(key('/', { shiftKey: true, code: 'Digit7' }))).toBe('search');
  });

  it('opens the help with Ctrl+/ or Cmd+/, even while typing', () => {
    expect(action(key('/', { ctrlKey: true }))).toBe('help');
    expect(action(key('/', { metaKey: true }), typing)).toBe('help');
    expect(action(key('7', { ctrlKey: true, shiftKey: true, code: 'Slash' }))).toBe('help');
  });

  it('leaves keys alone while the agent types, except Escape', () => {
    for (const k of ['j', 'k', 'e', 'r', '/', '?', 'g', 'ArrowDown', 'ArrowUp', 'Enter']) {
      expect(action(key(k), typing), k).toBeNull();
    }
    expect(action(key('Escape'), typing)).toBe('escape');
  });

  it('leaves Ctrl/Cmd+Enter to the composer and other modified keys to the system', () => {
    expect(action(key('Enter', { ctrlKey: true }), typing)).toBeNull();
    expect(action(key('Enter', { metaKey: true }))).toBeNull();
    expect(action(key('e', { ctrlKey: true }))).toBeNull();
    expect(action(key('j', { altKey: true }))).toBeNull();
    expect(action(key('ArrowDown', { metaKey: true }))).toBeNull();
    expect(action(key('Escape', { ctrlKey: true }))).toBeNull();
  });

  it('ignores Shift+letter but accepts Caps Lock', () => {
    expect(action(key('E', { shiftKey: true }))).toBeNull();
    expect(action(key('J'))).toBe('next');
  });

  it('leaves Enter to a focused button or link', () => {
    expect(action(key('Enter'), { ...anywhere, target: 'control' })).toBeNull();
    expect(action(key('j'), { ...anywhere, target: 'control' })).toBe('next');
  });

  it('repeats moves for a held key but never archives twice', () => {
    expect(action(key('j', { repeat: true }))).toBe('next');
    expect(action(key('ArrowUp', { repeat: true }))).toBe('previous');
    expect(action(key('e', { repeat: true }))).toBeNull();
    expect(action(key('Enter', { repeat: true }))).toBeNull();
  });

  it('ignores keys while an input method composes text', () => {
    expect(action(key('j', { isComposing: true }))).toBeNull();
    expect(action(key('Escape', { isComposing: true }))).toBeNull();
  });

  it('understands "g i" as a sequence', () => {
    const first = resolveShortcut(key('g'), anywhere);
    expect(first).toEqual({ action: null, pendingG: true });
    expect(resolveShortcut(key('i'), { ...anywhere, pendingG: true })).toEqual({ action: 'goInbox', pendingG: false });
    // "i" alone does nothing; another key after "g" ends the sequence and counts on its own.
    expect(action(key('i'))).toBeNull();
    expect(resolveShortcut(key('j'), { ...anywhere, pendingG: true })).toEqual({ action: 'next', pendingG: false });
    // A held "g" does not start a sequence over and over.
    expect(resolveShortcut(key('g', { repeat: true }), anywhere).pendingG).toBe(false);
  });

  it('only toggles the help and closes while the help is open', () => {
    const help: KeyContext = { ...anywhere, helpOpen: true };
    expect(action(key('j'), help)).toBeNull();
    expect(action(key('e'), help)).toBeNull();
    expect(action(key('?'), help)).toBe('help');
    expect(action(key('Escape'), help)).toBe('escape');
  });
});

describe('classifyTarget', () => {
  it('treats text fields, textareas, selects and contenteditable as typing', () => {
    expect(classifyTarget({ tagName: 'INPUT', type: 'search' })).toBe('typing');
    expect(classifyTarget({ tagName: 'input' })).toBe('typing');
    expect(classifyTarget({ tagName: 'TEXTAREA' })).toBe('typing');
    expect(classifyTarget({ tagName: 'SELECT' })).toBe('typing');
    expect(classifyTarget({ tagName: 'DIV', isContentEditable: true })).toBe('typing');
  });
  it('treats buttons, links, checkboxes and tabs as controls', () => {
    expect(classifyTarget({ tagName: 'BUTTON' })).toBe('control');
    expect(classifyTarget({ tagName: 'A' })).toBe('control');
    expect(classifyTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe('control');
    expect(classifyTarget({ tagName: 'DIV', role: 'tab' })).toBe('control');
  });
  it('treats the page and the list as neither', () => {
    expect(classifyTarget(null)).toBe('other');
    expect(classifyTarget({ tagName: 'BODY' })).toBe('other');
    expect(classifyTarget({ tagName: 'DIV', role: 'listbox' })).toBe('other');
  });
});

describe('shortcutList', () => {
  it('describes every action in both languages', () => {
    const actions = shortcutList.flatMap((g) => g.entries.map((e) => e.action));
    for (const a of actions) {
      expect(shortcutsEn.actions[a], a).toBeTruthy();
      expect(shortcutsDe.actions[a], a).toBeTruthy();
    }
    expect(new Set(actions).size).toBe(actions.length);
    for (const a of ['next', 'previous', 'open', 'reply', 'archive', 'search', 'help', 'goInbox', 'escape'] as const) {
      expect(actions).toContain(a);
    }
    expect(inboxEn.filters.shortcuts).toBeTruthy();
  });
});
