// The modifier of the app's shortcuts ("mod" in keymap.ts) by the name the agent's keyboard gives
// it: ⌘ on a Mac, Ctrl elsewhere, Strg on a German keyboard. Shared by the shortcuts overlay and
// every text that names such a shortcut.
import type { TFunction } from 'i18next';

export const isMac = /mac/i.test(navigator.platform || navigator.userAgent);

export const modKeyName = (t: TFunction): string => t(isMac ? 'shortcuts.keyNames.cmd' : 'shortcuts.keyNames.ctrl');
