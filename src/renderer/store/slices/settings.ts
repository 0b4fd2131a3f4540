// The agent's settings as main keeps them (the language among them), push's state, the app's
// updates, and what main knows about where it runs (with the settings: the interface language).
import type { StateCreator } from 'zustand';
import type { UpdateState } from '../../../shared/updates';
import { effectiveLanguage, type AppInfo, type Language, type PushState, type Settings } from '../../../shared/view-models';

export interface SettingsSlice {
  settings: Settings | null;
  push: PushState | null;
  appInfo: AppInfo | null;
  update: UpdateState | null;
  receiveSettings: (settings: Settings) => void;
  receivePush: (push: PushState) => void;
  receiveAppInfo: (appInfo: AppInfo) => void;
  receiveUpdate: (update: UpdateState) => void;
}

export const createSettingsSlice: StateCreator<SettingsSlice> = (set) => ({
  settings: null,
  push: null,
  appInfo: null,
  update: null,
  receiveSettings: (settings) => set({ settings }),
  receivePush: (push) => set({ push }),
  receiveAppInfo: (appInfo) => set({ appInfo }),
  receiveUpdate: (update) => set({ update }),
});

/** The language the interface speaks, or null until main has said both what was chosen and what 'system' means. */
export const selectLanguage = (s: Pick<SettingsSlice, 'settings' | 'appInfo'>): Language | null =>
  s.settings && s.appInfo ? effectiveLanguage(s.settings.language, s.appInfo.systemLanguage) : null;
