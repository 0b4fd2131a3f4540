// The agent's own preferences (notifications, sound, do-not-disturb, idle threshold, language), kept on
// disk so they survive a restart.
import { Settings } from '../../shared/view-models';
import { AppError } from './errors/app-error';
import { JsonFile } from './json-file';

export const defaultSettings: Settings = {
  desktopNotifications: true,
  sound: true,
  notificationSound: 'chime',
  waitWarnMinutes: 2,
  waitUrgentMinutes: 5,
  doNotDisturb: false,
  idleAwayMinutes: 10,
  language: 'system',
};

export class SettingsService {
  private readonly file: JsonFile<typeof Settings>;
  private current: Settings;

  constructor(
    path: string,
    private readonly onChange: (settings: Settings) => void,
  ) {
    this.file = new JsonFile(path, Settings, () => defaultSettings);
    this.current = this.file.read();
  }

  get(): Settings {
    return this.current;
  }

  set(patch: Partial<Settings>): Settings {
    const next = Settings.parse({ ...this.current, ...patch });
    if (next.waitWarnMinutes >= next.waitUrgentMinutes) {
      throw new AppError('Invalid', `waitWarnMinutes (${next.waitWarnMinutes}) must be less than waitUrgentMinutes (${next.waitUrgentMinutes})`);
    }
    this.current = next;
    this.file.write(this.current);
    this.onChange(this.current);
    return this.current;
  }
}
