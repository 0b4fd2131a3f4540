// The interface language with the real store and i18next; the browser globals the renderer
// reads (localStorage, navigator.language, the <html> element) are stood in for, as node has none.
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStorage, settingsWith as settings } from './store/support';

let storage: MemoryStorage;
const html = { lang: '' };

function browser(language: string): void {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('navigator', { language });
  vi.stubGlobal('document', { documentElement: html });
}

/** The renderer's modules as a fresh start loads them: a new store, read from this localStorage. */
async function start() {
  vi.resetModules();
  const language = await import('../../../src/renderer/interface-language');
  const { getState } = await import('../../../src/renderer/store/store');
  language.startLanguage();
  return { ...language, getState };
}

beforeEach(() => {
  html.lang = '';
});
afterEach(() => vi.unstubAllGlobals());

describe('the interface language at start', () => {
  it("guesses from the browser on the very first start, before main has answered", async () => {
    browser('de-DE');
    await start();
    expect([i18next.language, html.lang]).toEqual(['de', 'de']);
    browser('en-US');
    await start();
    expect([i18next.language, html.lang]).toEqual(['en', 'en']);
  });

  it('speaks the language shown last on this computer, whatever the browser says', async () => {
    browser('en-US');
    storage.setItem('deckhand.interfaceLanguage', 'de');
    await start();
    expect(i18next.language).toBe('de');
  });
});

describe('the interface language once main has answered', () => {
  it("follows Settings, 'system' being main's OS language, and remembers what it showed", async () => {
    browser('en-US');
    const { followLanguage, getState } = await start();
    const stop = followLanguage();
    getState().receiveAppInfo({ systemLanguage: 'de' });
    expect(i18next.language).toBe('en'); // the choice is not known yet
    getState().receiveSettings(settings('system'));
    expect([i18next.language, html.lang, storage.getItem('deckhand.interfaceLanguage')]).toEqual(['de', 'de', 'de']);

    getState().receiveSettings(settings('en'));
    expect([i18next.language, html.lang, storage.getItem('deckhand.interfaceLanguage')]).toEqual(['en', 'en', 'en']);

    const writes = vi.spyOn(storage, 'setItem');
    getState().receiveSettings({ ...settings('en'), sound: false });
    expect(writes).not.toHaveBeenCalled();

    stop();
    getState().receiveSettings(settings('de'));
    expect(i18next.language).toBe('en');
  });
});
