import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  forgetLegacyLanguageChoice,
  legacyLanguageChoice,
  legacyMigration,
  rememberChanges,
  rememberLanguage,
  rememberedLanguage,
  rememberedState,
} from '../../../../src/renderer/store/remembered';
import { MemoryStorage, freshStore } from './support';

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

describe('what this computer remembers', () => {
  it('starts from defaults when nothing (or nothing valid) is stored', () => {
    const defaults = { drafts: {}, theme: 'system', adminChatbot: null, mediaConsents: {}, customerPanelOpen: true, inboxSort: {} };
    expect(rememberedState()).toEqual(defaults);
    storage.setItem('deckhand.drafts', '{not json');
    storage.setItem('deckhand.theme', 'purple');
    storage.setItem('deckhand.mediaConsents', '[1,2]');
    storage.setItem('deckhand.inboxSort', JSON.stringify({ waiting: 'sideways', nowhere: 'newest' }));
    expect(rememberedState()).toEqual(defaults);
  });

  it('reads back drafts (text only), the theme and the chatbot pick', () => {
    storage.setItem('deckhand.drafts', JSON.stringify({ 'a1/b/c1': 'Hallo', 'a1/b/c2': 42 }));
    storage.setItem('deckhand.theme', 'dark');
    storage.setItem('deckhand.adminChatbot', 'a1/bot_shop');
    storage.setItem('deckhand.customerPanel', 'closed');
    storage.setItem('deckhand.inboxSort', JSON.stringify({ waiting: 'newest', all: 'longestWaiting' }));
    expect(rememberedState()).toEqual({
      drafts: { 'a1/b/c1': 'Hallo' },
      theme: 'dark',
      adminChatbot: 'a1/bot_shop',
      mediaConsents: {},
      customerPanelOpen: false,
      inboxSort: { waiting: 'newest', all: 'longestWaiting' },
    });
  });

  it('reads back the media consents per conversation (lists of origins only)', () => {
    storage.setItem('deckhand.mediaConsents', JSON.stringify({ 'a1/b/c1': ['https://cdn.example.com'], 'a1/b/c2': 'https://x', 'a1/b/c3': [1] }));
    expect(rememberedState().mediaConsents).toEqual({ 'a1/b/c1': ['https://cdn.example.com'] });
  });

  it('writes a remembered part when it changes, and nothing for other changes', () => {
    const store = freshStore();
    rememberChanges(store);
    const writes = vi.spyOn(storage, 'setItem');
    store.getState().setSection('settings');
    store.getState().receiveInboxPage([], true);
    expect(writes).not.toHaveBeenCalled();

    store.getState().setDraft('a1/b/c1', 'Hallo');
    store.getState().setTheme('light');
    store.getState().chooseChatbot('a1/bot_service');
    store.getState().allowMedia('a1/b/c1', 'https://cdn.example.com');
    store.getState().setCustomerPanelOpen(false);
    store.getState().setSort('waiting', 'newest');
    expect(writes).toHaveBeenCalledTimes(6);
    expect(rememberedState()).toEqual({
      drafts: { 'a1/b/c1': 'Hallo' },
      theme: 'light',
      adminChatbot: 'a1/bot_service',
      mediaConsents: { 'a1/b/c1': ['https://cdn.example.com'] },
      customerPanelOpen: false,
      inboxSort: { waiting: 'newest' },
    });
    store.getState().setDraft('a1/b/c1', '');
    expect(rememberedState().drafts).toEqual({});
  });

  it('remembers the interface language last shown, and ignores anything else stored there', () => {
    expect(rememberedLanguage()).toBeNull();
    rememberLanguage('de');
    expect(rememberedLanguage()).toBe('de');
    storage.setItem('deckhand.interfaceLanguage', 'fr');
    expect(rememberedLanguage()).toBeNull();
  });
});

describe('the language choice an older version kept', () => {
  it('is read from deckhand.language, valid choices only, and forgotten on request', () => {
    expect(legacyLanguageChoice()).toBeNull();
    storage.setItem('deckhand.language', 'klingon');
    expect(legacyLanguageChoice()).toBeNull();
    storage.setItem('deckhand.language', 'en');
    expect(legacyLanguageChoice()).toBe('en');
    forgetLegacyLanguageChoice();
    expect(storage.getItem('deckhand.language')).toBeNull();
  });

  it('moves into settings that follow the system, and is only forgotten otherwise', () => {
    expect(legacyMigration(null, 'system')).toBe('nothing');
    expect(legacyMigration('en', 'system')).toEqual({ move: 'en' });
    expect(legacyMigration('de', 'system')).toEqual({ move: 'de' });
    // The settings hold a choice already: the newer one stays.
    expect(legacyMigration('en', 'de')).toBe('forget');
    // 'system' is what the settings mean without a choice: nothing to move.
    expect(legacyMigration('system', 'system')).toBe('forget');
  });
});
