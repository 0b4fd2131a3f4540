// An UpdaterPort whose answers the test gives: each check and download waits until the test
// answers it, so a test decides when a release is found, how far it has downloaded, and whether
// it fails. Installs are counted. Used where electron-updater itself is not the subject.
import type { AvailableUpdate, UpdaterPort } from '../../src/main/services/updates/update-service';
import { until } from './until';

export class ScriptedUpdater implements UpdaterPort {
  checks = 0;
  installs = 0;
  private answer: ((result: Promise<AvailableUpdate | null>) => void) | null = null;
  private progress: ((fraction: number) => void) | null = null;
  private finish: ((result: Promise<void>) => void) | null = null;

  check(): Promise<AvailableUpdate | null> {
    this.checks++;
    return new Promise((resolve) => (this.answer = resolve));
  }
  download(onProgress: (fraction: number) => void): Promise<void> {
    this.progress = onProgress;
    return new Promise((resolve) => (this.finish = resolve));
  }
  install(): void {
    this.installs++;
  }

  /** Answers the check in progress (waiting for one to start): a release, none, or a failure. */
  async answerCheck(result: AvailableUpdate | null | Error): Promise<void> {
    await until(() => this.answer !== null, 'a check');
    this.answer!(result instanceof Error ? Promise.reject(result) : Promise.resolve(result));
    this.answer = null;
  }
  async reportProgress(fraction: number): Promise<void> {
    await until(() => this.progress !== null, 'a download');
    this.progress!(fraction);
  }
  async finishDownload(error?: Error): Promise<void> {
    await until(() => this.finish !== null, 'a download');
    this.finish!(error ? Promise.reject(error) : Promise.resolve());
    this.finish = null;
    this.progress = null;
  }
}
