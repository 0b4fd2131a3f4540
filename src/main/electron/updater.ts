// electron-updater behind the UpdaterPort (services/updates): the update policy lives in the
// service; this only translates. The feed is the packaged app's resources/app-update.yml, which
// electron-builder writes from the build's DECKHAND_UPDATE_URL (electron-builder.yml); an
// unpackaged app (npm start, npm run dev) has none and never checks.
import { app } from 'electron';
// CommonJS whose autoUpdater is a lazy getter, which ESM cannot import by name: take the module.
import electronUpdater, { type AppUpdater, type ProgressInfo, type UpdateInfo } from 'electron-updater';
import type { UpdaterPort } from '../services/updates/update-service';

/** Release notes as plain text: the feed may give one text, or one per version since ours. */
function releaseNotes(info: UpdateInfo): string | null {
  const notes = info.releaseNotes;
  if (!notes) return null;
  if (typeof notes === 'string') return notes;
  return notes.map((note) => (note.note ? `${note.version}\n${note.note}` : note.version)).join('\n\n');
}

export function updaterPort(updater: AppUpdater): UpdaterPort {
  // The service decides when to download; installing on quit stays on, so an update the agent
  // did not restart for is installed the next time they quit.
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = true;
  return {
    async check() {
      const result = await updater.checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      return { version: result.updateInfo.version, releaseNotes: releaseNotes(result.updateInfo) };
    },
    async download(onProgress) {
      const listener = (progress: ProgressInfo) => onProgress(progress.percent / 100);
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', listener);
      }
    },
    install() {
      // Silent where the installer has a choice (NSIS), and start the new version afterwards.
      updater.quitAndInstall(true, true);
    },
  };
}

/** The packaged app's updater, or null where there is no feed. */
export function appUpdater(): UpdaterPort | null {
  return app.isPackaged ? updaterPort(electronUpdater.autoUpdater) : null;
}
