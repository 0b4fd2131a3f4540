import { describe, expect, it } from 'vitest';
import { ClockOffset } from '../../../../src/main/services/http/clock-offset';

// A server whose clock is `trueOffset` ahead of ours answers with a whole-second Date header.
function simulate(offset: ClockOffset, trueOffset: number, requests: number, start: number, random: () => number) {
  let now = start;
  for (let i = 0; i < requests; i++) {
    const sentAt = now;
    const writtenAt = sentAt + 5 + random() * 40;
    const receivedAt = writtenAt + 5 + random() * 40;
    offset.record(Math.floor((writtenAt + trueOffset) / 1000) * 1000, sentAt, receivedAt);
    now = receivedAt + 137 + random() * 900;
  }
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('ClockOffset', () => {
  it('is 0 before any response', () => {
    expect(new ClockOffset().value()).toBe(0);
  });

  it.each([0, 1234, -600_000, 599_999.5])('narrows a whole-second Date header to tens of ms (true offset %d)', (trueOffset) => {
    const offset = new ClockOffset();
    simulate(offset, trueOffset, 30, 1_700_000_000_000, seeded(7));
    expect(Math.abs(offset.value() - trueOffset)).toBeLessThan(50);
  });

  it('starts over when a clock jumps', () => {
    const offset = new ClockOffset();
    simulate(offset, 0, 30, 1_700_000_000_000, seeded(3));
    simulate(offset, 300_000, 30, 1_700_000_100_000, seeded(4));
    expect(Math.abs(offset.value() - 300_000)).toBeLessThan(50);
  });
});
