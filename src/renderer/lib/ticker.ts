// Shared clocks that tick on the wall-clock second or minute, for times that must move on while
// the app stays open all day (relative times, wait timers), without a timer per row: every
// subscriber of a period re-renders on the same tick, so everything on screen changes together.
import { useSyncExternalStore } from 'react';

interface Clock {
  now: number;
  listeners: Set<() => void>;
  timer: number | undefined;
}

const clocks = new Map<number, Clock>();

function clockOf(periodMs: number): Clock {
  let clock = clocks.get(periodMs);
  if (!clock) {
    clock = { now: Date.now(), listeners: new Set(), timer: undefined };
    clocks.set(periodMs, clock);
  }
  return clock;
}

function schedule(periodMs: number, clock: Clock): void {
  // Aligned to the wall clock (a little after the boundary, so the new value is past it).
  clock.timer = window.setTimeout(() => {
    clock.now = Date.now();
    clock.listeners.forEach((listener) => listener());
    schedule(periodMs, clock);
  }, periodMs - (Date.now() % periodMs) + 50);
}

const subscribers = new Map<number, (listener: () => void) => () => void>();

function subscribeTo(periodMs: number): (listener: () => void) => () => void {
  let subscribe = subscribers.get(periodMs);
  if (!subscribe) {
    const clock = clockOf(periodMs);
    subscribe = (listener) => {
      clock.listeners.add(listener);
      if (clock.listeners.size === 1) {
        clock.now = Date.now();
        schedule(periodMs, clock);
      }
      return () => {
        clock.listeners.delete(listener);
        if (clock.listeners.size === 0) window.clearTimeout(clock.timer);
      };
    };
    subscribers.set(periodMs, subscribe);
  }
  return subscribe;
}

/** The time, moving on every `periodMs` (aligned to the wall clock) while some component shows it. */
export function useTicker(periodMs: number): number {
  return useSyncExternalStore(subscribeTo(periodMs), () => clockOf(periodMs).now);
}
