// The update policy with a scripted updater and a manual clock; the same service against
// electron-updater and a real feed is in test/integration/main/electron/updater.test.ts.
import { describe, expect, it } from 'vitest';
import type { UpdateState } from '../../../../src/shared/updates';
import { CHECK_EVERY_MS, UpdateService, unsentReplies, type AvailableUpdate, type UpdaterPort } from '../../../../src/main/services/updates/update-service';
import { ManualClock } from '../../../support/manual-clock';
import { ScriptedUpdater } from '../../../support/scripted-updater';
import { until } from '../../../support/until';

const release: AvailableUpdate = { version: '0.2.0', releaseNotes: 'Faster inbox.' };

function setup(options: { updater?: UpdaterPort | null; pending?: () => number } = {}) {
  const clock = new ManualClock();
  const updater = new ScriptedUpdater();
  const states: UpdateState[] = [];
  const service = new UpdateService({
    updater: options.updater === undefined ? updater : options.updater,
    pendingReplies: options.pending ?? (() => 0),
    clock,
    onChange: (state) => states.push(state),
  });
  /** A check has ended when the next one is scheduled. */
  const settled = () => until(() => clock.pending() > 0, 'the next check to be scheduled');
  return { clock, updater, states, service, settled };
}

async function readyService(pending: () => number = () => 0) {
  const world = setup({ pending });
  world.service.start();
  await world.updater.answerCheck(release);
  await world.updater.finishDownload();
  await until(() => world.service.state().status === 'ready', 'the update to be ready');
  return world;
}

describe('UpdateService', () => {
  it('stays disabled without an updater (development): no checks, nothing to restart', () => {
    const { service, states, clock } = setup({ updater: null });
    service.start();
    expect(service.state()).toMatchObject({ status: 'disabled', version: null });
    expect(clock.pending()).toBe(0);
    expect(states).toEqual([]);
    expect(() => service.restart()).toThrow(expect.objectContaining({ code: 'Invalid' }));
  });

  it('checks at start and again every four hours while nothing is found', async () => {
    const { service, updater, clock, settled } = setup();
    service.start();
    expect(updater.checks).toBe(1);
    await updater.answerCheck(null);
    await settled();
    clock.advance(CHECK_EVERY_MS - 1);
    expect(updater.checks).toBe(1);
    clock.advance(1);
    expect(updater.checks).toBe(2);
    expect(service.state().status).toBe('idle');
  });

  it('downloads a newer release in the background, reporting whole percents, then offers it with its notes', async () => {
    const { service, updater, states } = setup();
    service.start();
    await updater.answerCheck(release);
    await updater.reportProgress(0.004);
    await updater.reportProgress(0.25);
    await updater.reportProgress(0.251);
    await updater.reportProgress(0.5);
    await updater.finishDownload();
    await until(() => service.state().status === 'ready', 'ready');
    expect(states.map((s) => [s.status, s.progress])).toEqual([
      ['downloading', 0],
      ['downloading', 0.25],
      ['downloading', 0.5],
      ['ready', 1],
    ]);
    expect(service.state()).toMatchObject({ version: '0.2.0', releaseNotes: 'Faster inbox.', restartPending: false, failed: false });
  });

  it('keeps a downloaded release: later checks do not ask the feed again', async () => {
    const { service, updater, clock } = await readyService();
    clock.advance(3 * CHECK_EVERY_MS);
    expect(updater.checks).toBe(1);
    expect(service.state().status).toBe('ready');
  });

  it('tells a failed check once per run, and never again, whatever fails after', async () => {
    const { service, updater, clock, states, settled } = setup();
    service.start();
    await updater.answerCheck(new Error('getaddrinfo ENOTFOUND updates.example'));
    await settled();
    expect(service.state()).toMatchObject({ status: 'idle', failed: true });
    const told = states.length;

    clock.advance(CHECK_EVERY_MS);
    await updater.answerCheck(new Error('still offline'));
    await settled();
    expect(states).toHaveLength(told);

    // A release found later clears the note; a failed download after it stays quiet.
    clock.advance(CHECK_EVERY_MS);
    await updater.answerCheck(release);
    await updater.finishDownload(new Error('sha512 checksum mismatch'));
    await settled();
    expect(service.state()).toMatchObject({ status: 'idle', version: null, failed: false });
    expect(states.some((s) => s.status === 'downloading' && s.failed === false)).toBe(true);

    clock.advance(CHECK_EVERY_MS);
    expect(updater.checks).toBe(4);
  });

  it('tells a failed download as it tells a failed check, and tries again at the next check', async () => {
    const { service, updater, clock, settled } = setup();
    service.start();
    await updater.answerCheck(release);
    await updater.finishDownload(new Error('connection reset'));
    await settled();
    expect(service.state()).toMatchObject({ status: 'idle', failed: true, progress: null });
    clock.advance(CHECK_EVERY_MS);
    await updater.answerCheck(release);
    await updater.finishDownload();
    await until(() => service.state().status === 'ready', 'ready');
  });

  it('restarts at once when no reply waits to be sent', async () => {
    const { service, updater } = await readyService();
    expect(service.restart()).toMatchObject({ status: 'ready', restartPending: false });
    expect(updater.installs).toBe(1);
  });

  it('never restarts while a reply is still in the outbox: it waits until they are sent', async () => {
    let pending = 2;
    const { service, updater, clock, states } = await readyService(() => pending);
    expect(service.restart()).toMatchObject({ restartPending: true, pendingReplies: 2 });
    clock.advance(10_000);
    expect(updater.installs).toBe(0);
    pending = 1;
    clock.advance(2_000);
    expect(service.state()).toMatchObject({ restartPending: true, pendingReplies: 1 });
    const before = states.length;
    clock.advance(20_000);
    expect(states).toHaveLength(before);
    pending = 0;
    clock.advance(2_000);
    expect(updater.installs).toBe(1);
    expect(service.state()).toMatchObject({ restartPending: false, pendingReplies: 0 });
    clock.advance(60_000);
    expect(updater.installs).toBe(1);
  });

  it('stops its timers', async () => {
    const { service, updater, clock } = await readyService(() => 1);
    service.restart();
    expect(clock.pending()).toBe(2);
    service.stop();
    expect(clock.pending()).toBe(0);
    clock.advance(CHECK_EVERY_MS);
    expect(updater.installs + updater.checks).toBe(1);
  });

  it('counts as unsent only replies still on their way (a failed one waits for the agent)', () => {
    const item = (state: 'pending' | 'failed' | 'sent') => ({ state }) as Parameters<typeof unsentReplies>[0][number];
    expect(unsentReplies([item('pending'), item('failed'), item('sent'), item('pending')])).toBe(2);
    expect(unsentReplies([])).toBe(0);
  });

  it('refuses to restart before an update is ready', () => {
    const { service } = setup();
    service.start();
    expect(() => service.restart()).toThrow(/No update is ready/);
  });
});
