// A fresh store of every slice for each test (the app's one store is created at import, with
// localStorage), and an in-memory localStorage for the modules that remember things.
import { createStore } from 'zustand/vanilla';
import { createState, type State } from '../../../../src/renderer/store/state';
import type { OutboxItem, Settings } from '../../../../src/shared/view-models';

export const freshStore = () => createStore<State>()(createState);

export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

export function outboxItem(clientMessageId: string, patch: Partial<OutboxItem> = {}): OutboxItem {
  return {
    clientMessageId,
    key: 'a1/bot_shop/c1',
    text: `reply ${clientMessageId}`,
    state: 'pending',
    attempts: 0,
    lastError: null,
    errorCode: null,
    createdAt: 1,
    messageId: null,
    ...patch,
  };
}

export const settingsWith = (language: Settings['language']): Settings => ({
  desktopNotifications: true,
  sound: true,
  notificationSound: 'chime',
  waitWarnMinutes: 2,
  waitUrgentMinutes: 5,
  doNotDisturb: false,
  idleAwayMinutes: 10,
  language,
});
