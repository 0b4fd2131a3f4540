// This installation's id: made once, kept in the data folder. Platforms that keep a state per
// device (Botpress presence keeps each device's last write) use it so that a restart is the same
// device again, not one more.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { JsonFile } from './json-file';

const DeviceFile = z.object({ id: z.uuid() });

export function deviceId(dataDir: string): string {
  const file = new JsonFile(join(dataDir, 'device.json'), DeviceFile.nullable(), () => null);
  const stored = file.read();
  if (stored) return stored.id;
  const id = randomUUID();
  file.write({ id });
  return id;
}
