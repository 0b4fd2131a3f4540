import type { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

const power = vi.hoisted(() => ({ monitor: null as unknown as EventEmitter & { getSystemIdleTime(): number } }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  power.monitor = Object.assign(new Emitter(), { getSystemIdleTime: () => 42 });
  return { powerMonitor: power.monitor };
});

const { watchPower } = await import('../../../../src/main/electron/power');

afterEach(() => vi.useRealTimers());

describe('watchPower', () => {
  it('forwards lock/unlock/suspend/resume and polls idle time every 15 s until stopped', () => {
    vi.useFakeTimers();
    const listener = { onIdle: vi.fn(), onLock: vi.fn(), onUnlock: vi.fn(), onSuspend: vi.fn(), onResume: vi.fn() };
    const stop = watchPower(listener);
    for (const event of ['lock-screen', 'unlock-screen', 'suspend', 'resume']) power.monitor.emit(event);
    expect([listener.onLock, listener.onUnlock, listener.onSuspend, listener.onResume].map((f) => f.mock.calls.length)).toEqual([1, 1, 1, 1]);
    vi.advanceTimersByTime(14_999);
    expect(listener.onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(listener.onIdle).toHaveBeenCalledWith(42);
    stop();
    vi.advanceTimersByTime(60_000);
    power.monitor.emit('lock-screen');
    expect(listener.onIdle).toHaveBeenCalledTimes(1);
    expect(listener.onLock).toHaveBeenCalledTimes(1);
    expect(power.monitor.eventNames()).toEqual([]);
  });
});
