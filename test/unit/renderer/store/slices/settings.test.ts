import { describe, expect, it } from 'vitest';
import { selectLanguage } from '../../../../../src/renderer/store/slices/settings';
import { freshStore, settingsWith as settings } from '../support';

describe('the interface language', () => {
  it('is unknown until main has said both the choice and the system language', () => {
    const store = freshStore();
    expect(selectLanguage(store.getState())).toBeNull();
    store.getState().receiveSettings(settings('en'));
    expect(selectLanguage(store.getState())).toBeNull();
    store.getState().receiveAppInfo({ systemLanguage: 'de' });
    expect(selectLanguage(store.getState())).toBe('en');
  });

  it("is the agent's choice, or with 'system' the language main reports", () => {
    expect(selectLanguage({ settings: settings('system'), appInfo: { systemLanguage: 'de' } })).toBe('de');
    expect(selectLanguage({ settings: settings('system'), appInfo: { systemLanguage: 'en' } })).toBe('en');
    expect(selectLanguage({ settings: settings('de'), appInfo: { systemLanguage: 'en' } })).toBe('de');
    expect(selectLanguage({ settings: settings('en'), appInfo: { systemLanguage: 'de' } })).toBe('en');
  });
});
