// The update policy (UpdateService) on the real electron-updater, through the glue's port, against
// a real feed on 127.0.0.1: the generic provider's latest-linux.yml and a release artifact, as
// electron-builder publishes them. electron-updater runs in Node with its documented test seams:
// an app adapter instead of Electron's app, and a Node HTTP executor instead of Electron's net.
// Only installing (quitAndInstall: dpkg, a restart) cannot run here; it is recorded.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type ClientRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpExecutor, configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime';
import electronUpdater from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpdateState } from '../../../../src/shared/updates';
import { CHECK_EVERY_MS, UpdateService } from '../../../../src/main/services/updates/update-service';
import { ManualClock } from '../../../support/manual-clock';
import { until } from '../../../support/until';

vi.mock('electron', () => ({ app: { isPackaged: false } }));
const { appUpdater, updaterPort } = await import('../../../../src/main/electron/updater');

const channelFile = `latest-linux${process.arch === 'x64' ? '' : `-${process.arch}`}.yml`;
const artifactName = 'deckhand_0.2.0_amd64.deb';

/** Node's http as electron-updater's HTTP executor, as its Electron one does it on Electron's net. */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: object, callback: (response: unknown) => void): ClientRequest {
    return request(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers ?? undefined, redirect: 'manual' };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      const callback = (error: Error | null) => (error ? reject(error) : resolve(destination));
      this.doDownload(requestOptions, { destination, options, onCancel, callback, responseHandler: null }, 0);
    });
  }
}

/** What electron-updater needs of Electron's app: an installed Deckhand 0.1.0. */
class InstalledApp implements AppAdapter {
  readonly version = '0.1.0';
  readonly name = 'Deckhand';
  readonly isPackaged = true;
  constructor(private readonly dir: string) {}
  get appUpdateConfigPath() {
    return join(this.dir, 'app-update.yml');
  }
  get userDataPath() {
    return join(this.dir, 'user-data');
  }
  get baseCachePath() {
    return join(this.dir, 'cache');
  }
  whenReady = () => Promise.resolve();
  relaunch = () => undefined;
  quit = () => undefined;
  onQuit = () => undefined;
}

interface Feed {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/**
 * A release feed. The artifact goes out in two halves a little over a second apart, because
 * electron-updater reports progress at most once a second: so a progress report comes through.
 */
async function startFeed(options: { channel?: boolean; sha512Of?: Buffer } = {}): Promise<Feed> {
  const artifact = randomBytes(512 * 1024);
  const sha512 = createHash('sha512')
    .update(options.sha512Of ?? artifact)
    .digest('base64');
  const channel = [
    'version: 0.2.0',
    'files:',
    `  - url: ${artifactName}`,
    `    sha512: ${sha512}`,
    `    size: ${artifact.length}`,
    `path: ${artifactName}`,
    `sha512: ${sha512}`,
    "releaseDate: '2025-06-02T08:00:00.000Z'",
    'releaseNotes: |-',
    '  Replies show when they were read.',
    '  Faster inbox.',
  ].join('\n');
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname;
    requests.push(path);
    if (path === `/deckhand/${channelFile}` && options.channel !== false) return res.end(channel);
    if (path === `/deckhand/${artifactName}`) {
      res.writeHead(200, { 'content-length': artifact.length, 'content-type': 'application/octet-stream' });
      res.write(artifact.subarray(0, artifact.length / 2));
      setTimeout(() => res.end(artifact.subarray(artifact.length / 2)), 1100);
      return;
    }
    res.writeHead(404).end('Not Found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/deckhand/`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The service on electron-updater (the Debian package's updater) reading the packaged app-update.yml. */
async function updatingApp(feed: Feed, pending: () => number = () => 0) {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-updater-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  // As electron-builder writes it into resources/ from electron-builder.yml's publish setting.
  writeFileSync(join(dir, 'app-update.yml'), `provider: generic\nurl: ${feed.url}\nupdaterCacheDirName: deckhand-updater\n`);
  const updater = new electronUpdater.DebUpdater(undefined, new InstalledApp(dir));
  Object.assign(updater, { httpExecutor: new NodeHttpExecutor() });
  const errors: string[] = [];
  updater.logger = { info: () => undefined, warn: () => undefined, error: (message: unknown) => errors.push(String(message)) };
  const installs = vi.fn();
  updater.quitAndInstall = installs;
  const clock = new ManualClock();
  const states: UpdateState[] = [];
  const service = new UpdateService({ updater: updaterPort(updater), pendingReplies: pending, clock, onChange: (s) => states.push(s) });
  cleanups.push(() => service.stop());
  return { service, states, installs, clock, updater, errors };
}

describe.runIf(process.platform === 'linux')('updates from a real feed through electron-updater', () => {
  it('finds the newer release, downloads and verifies it with progress, then offers it with its notes', async () => {
    const feed = await startFeed();
    cleanups.push(() => feed.close());
    const { service, states, updater } = await updatingApp(feed);
    // The service decides when to download, not electron-updater.
    expect(updater.autoDownload).toBe(false);
    service.start();
    await until(() => service.state().status === 'ready', 'the update to be downloaded', 15_000);

    expect(feed.requests).toEqual([`/deckhand/${channelFile}`, `/deckhand/${artifactName}`]);
    expect(service.state()).toMatchObject({
      status: 'ready',
      version: '0.2.0',
      releaseNotes: 'Replies show when they were read.\nFaster inbox.',
      progress: 1,
      failed: false,
    });
    const progress = states.filter((s) => s.status === 'downloading').map((s) => s.progress);
    expect(progress[0]).toBe(0);
    expect(progress.some((p) => p !== null && p > 0 && p < 1)).toBe(true);
  });

  it('installs on "Restart to update" only once the outbox has sent its replies', async () => {
    const feed = await startFeed();
    cleanups.push(() => feed.close());
    let pending = 1;
    const { service, installs, clock } = await updatingApp(feed, () => pending);
    service.start();
    await until(() => service.state().status === 'ready', 'the update to be downloaded', 15_000);
    service.restart();
    clock.advance(30_000);
    expect(installs).not.toHaveBeenCalled();
    expect(service.state()).toMatchObject({ restartPending: true, pendingReplies: 1 });
    pending = 0;
    clock.advance(2_000);
    // Silently where the installer asks, and start Deckhand again afterwards.
    expect(installs).toHaveBeenCalledExactlyOnceWith(true, true);
  });

  it('does not offer a download that fails its checksum, and says so once', async () => {
    const feed = await startFeed({ sha512Of: Buffer.from('another file') });
    cleanups.push(() => feed.close());
    const { service, states, errors } = await updatingApp(feed);
    service.start();
    await until(() => service.state().failed, 'the failure to be told', 15_000);
    expect(feed.requests).toContain(`/deckhand/${artifactName}`);
    expect(errors.join('\n')).toMatch(/sha512 checksum mismatch/);
    expect(service.state()).toMatchObject({ status: 'idle', version: null });
    expect(states.some((s) => s.status === 'ready')).toBe(false);
  });

  it('tells a feed it cannot read once, and keeps checking quietly', async () => {
    const feed = await startFeed({ channel: false });
    cleanups.push(() => feed.close());
    const { service, states, clock } = await updatingApp(feed);
    service.start();
    await until(() => service.state().failed, 'the failure to be told');
    await until(() => clock.pending() > 0, 'the next check to be scheduled');
    const told = states.length;
    clock.advance(CHECK_EVERY_MS);
    await until(() => feed.requests.length === 2, 'the second check');
    await until(() => clock.pending() > 0, 'the check after that to be scheduled');
    expect(states).toHaveLength(told);
    expect(service.state()).toMatchObject({ status: 'idle', failed: true });
  });

  it('has no updater in an unpackaged app (npm start): the service stays disabled', () => {
    expect(appUpdater()).toBeNull();
  });
});
