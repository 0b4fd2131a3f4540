// Registers one ipcMain handler per contract call. Every call proves where it came from (the main
// frame of our own window, showing our own page), is validated against the contract's zod
// schema, and answers an IpcResult, so no exception crosses into the renderer.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { EVENT_CHANNEL, callChannel, calls, type CallName, type EventName, type EventPayload, type IpcResult } from '../../shared/ipc';
import { dispatchCall } from '../services/ipc/dispatch';
import type { IpcHandlers, RendererEvents } from '../services/ipc/handler-types';
import { isAppUrl } from './window';

export interface IpcOptions {
  /** Ids of the webContents of the windows we created; asked on every call. */
  allowedWebContentsIds(): Iterable<number>;
  /** The URL the main window loads (see rendererLocation). */
  appUrl: string;
}

/** Why the sender may not call us, or null when it may. */
export function senderProblem(event: IpcMainInvokeEvent, options: IpcOptions): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (![...options.allowedWebContentsIds()].includes(event.sender.id)) return 'the sender is not a Deckhand window';
  if (frame.parent !== null) return 'calls are accepted from the main frame only';
  if (!isAppUrl(frame.url, options.appUrl)) return 'the sending page is not the Deckhand app';
  return null;
}

async function dispatch(name: CallName, handlers: IpcHandlers, options: IpcOptions, event: IpcMainInvokeEvent, raw: unknown): Promise<IpcResult<unknown>> {
  const problem = senderProblem(event, options);
  if (problem !== null) return { ok: false, error: { code: 'Forbidden', message: `${name} refused: ${problem}` } };
  return dispatchCall(name, handlers, raw);
}

/** Registers every call of the contract; returns a function that removes them again. */
export function registerIpc(handlers: IpcHandlers, options: IpcOptions): () => void {
  const names = Object.keys(calls) as CallName[];
  for (const name of names) {
    ipcMain.handle(callChannel(name), (event, raw: unknown) => dispatch(name, handlers, options, event, raw));
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(callChannel(name));
  };
}

/** Sends contract events to the window; while it is closed or gone they are dropped. */
export function createEventSender(getWebContents: () => WebContents | null | undefined): RendererEvents {
  return {
    send<N extends EventName>(name: N, payload: EventPayload<N>): void {
      const contents = getWebContents();
      if (!contents || contents.isDestroyed()) return;
      contents.send(EVENT_CHANNEL, { name, payload });
    },
  };
}
