// How long a chatbot's sync waits before it polls again. A platform without a live feed polls
// for good, so it follows the agent's attention: often while the window has focus, less often
// behind other windows. A platform whose live feed is down polls at a steady pace until the feed
// is back. After failures, backoff with full jitter on top, so clients that lost the same server
// do not come back in lockstep.
import { fullJitter } from '../backoff';

export interface PollTiming {
  /** Without a live feed, while the window has focus. */
  focusedMs: number;
  /** Without a live feed, while it has not. */
  backgroundMs: number;
  /** While a live feed is down or refused. */
  fallbackMs: number;
}

export const defaultPollTiming: PollTiming = { focusedMs: 2_000, backgroundMs: 15_000, fallbackMs: 5_000 };

/** One interval for everything (tests, and hosts that want a fixed pace). */
export const steadyPolling = (ms: number): PollTiming => ({ focusedMs: ms, backgroundMs: ms, fallbackMs: ms });

export function pollDelay(timing: PollTiming, state: { hasFeed: boolean; focused: boolean; failures: number; random?: (() => number) | undefined }): number {
  const base = state.hasFeed ? timing.fallbackMs : state.focused ? timing.focusedMs : timing.backgroundMs;
  if (state.failures === 0) return base;
  return base + fullJitter(state.failures, { baseMs: 1000, capMs: 60_000, ...(state.random && { random: state.random }) });
}
