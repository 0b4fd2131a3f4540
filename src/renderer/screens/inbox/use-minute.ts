// One shared clock that ticks on the minute, for relative times ("5 min ago") that must move on
// while the app stays open all day, without a timer per row.
import { useSyncExternalStore } from 'react';

let now = Date.now();
const listeners = new Set<() => void>();
let timer: number | undefined;

function schedule(): void {
  // Aligned to the wall-clock minute, so every time on screen changes together.
  timer = window.setTimeout(() => {
    now = Date.now();
    listeners.forEach((listener) => listener());
    schedule();
  }, 60_000 - (Date.now() % 60_000) + 50);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    now = Date.now();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.clearTimeout(timer);
  };
}

export const useMinute = (): number => useSyncExternalStore(subscribe, () => now);
