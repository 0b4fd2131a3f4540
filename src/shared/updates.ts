// What the renderer knows of app updates (see main/services/updates): whether one is on its way
// or ready, with its release notes, and whether a restart waits for replies still being sent.
import { z } from 'zod';

export const UpdateState = z.object({
  /** disabled: no update feed (development); idle: nothing to do; downloading; ready to restart. */
  status: z.enum(['disabled', 'idle', 'downloading', 'ready']),
  /** The version being downloaded or ready. */
  version: z.string().nullable(),
  /** The release notes of that version, as plain text. */
  releaseNotes: z.string().nullable(),
  /** 0..1 while downloading. */
  progress: z.number().min(0).max(1).nullable(),
  /** The agent asked to restart; it happens once no reply is waiting to be sent. */
  restartPending: z.boolean(),
  /** Replies still in the outbox while a restart waits for them. */
  pendingReplies: z.number().int().min(0),
  /** Set once per run when a check or download failed; later failures stay quiet. */
  failed: z.boolean(),
});
export type UpdateState = z.infer<typeof UpdateState>;
