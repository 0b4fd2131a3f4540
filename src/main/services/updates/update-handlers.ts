// The contract calls of the update service, beside the others (ipc/handlers.ts).
import type { IpcHandlers } from '../ipc/handler-types';
import type { UpdateService } from './update-service';

export type UpdateCallName = 'update.state' | 'update.restart';

export function updateHandlers(updates: UpdateService): Pick<IpcHandlers, UpdateCallName> {
  return {
    'update.state': async () => updates.state(),
    'update.restart': async () => updates.restart(),
  };
}
