// What the Electron IPC glue needs from the services, as types only: one handler per contract
// call (it receives the input already validated and defaulted by zod), and the sink the
// services push renderer events into. Kept here so services never import electron.
import type { z } from 'zod';
import type { CallName, CallOutput, EventName, EventPayload, calls } from '../../../shared/ipc';

export type IpcHandlers = {
  [N in CallName]: (input: z.output<(typeof calls)[N]['input']>) => Promise<CallOutput<N>>;
};

/** Main → renderer events; dropped silently while no window is open. */
export interface RendererEvents {
  send<N extends EventName>(name: N, payload: EventPayload<N>): void;
}
