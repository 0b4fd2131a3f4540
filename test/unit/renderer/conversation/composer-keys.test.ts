import { describe, expect, it } from 'vitest';
import { composerKeyAction, type KeyLike } from '../../../../src/renderer/screens/conversation/composer-keys';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods });

describe('composerKeyAction', () => {
  it('sends on Enter, Ctrl+Enter and Cmd+Enter', () => {
    expect(composerKeyAction(key('Enter'))).toBe('send');
    expect(composerKeyAction(key('Enter', { ctrlKey: true }))).toBe('send');
    expect(composerKeyAction(key('Enter', { metaKey: true }))).toBe('send');
  });

  it('breaks the line on Shift+Enter (and Alt+Enter)', () => {
    expect(composerKeyAction(key('Enter', { shiftKey: true }))).toBe('default');
    expect(composerKeyAction(key('Enter', { altKey: true }))).toBe('default');
  });

  it('leaves Enter to an input method that is composing', () => {
    expect(composerKeyAction(key('Enter', { isComposing: true }))).toBe('default');
  });

  it('ignores other keys', () => {
    expect(composerKeyAction(key('a'))).toBe('default');
    expect(composerKeyAction(key('Escape'))).toBe('default');
  });
});
