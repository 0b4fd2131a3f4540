// Remote media in messages (images, card images, voice messages, videos) reach the renderer only
// through main, as bytes: the renderer's CSP loads nothing from the network itself. Main loads by
// itself only from the account's own origin and the media origins its platform declares; any
// other origin needs the agent's consent (asked per conversation), and addresses in private or
// loopback ranges are refused unless they are the account's own (src/main/services/media).
import { z } from 'zod';
import { ConversationRef } from './view-models';
import { MAX_URL_LENGTH } from './web-url';

/** The most main hands over of one image, recording or video. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

export const MediaKind = z.enum(['image', 'audio', 'video']);
export type MediaKind = z.infer<typeof MediaKind>;

/** Why main will not hand the media over; the renderer words each. */
export const MediaRefusal = z.enum([
  /** Not an http(s) address (or one with user:password@). */
  'scheme',
  /** A private, loopback, link-local or other non-public address that is not the account's own. */
  'address',
  /** The server sent it on to another origin. */
  'redirect',
  /** Not an image (audio, video) by its content type. */
  'type',
  /** Larger than main hands over. */
  'size',
  /** No answer, an error status, or a broken transfer. */
  'unavailable',
]);
export type MediaRefusal = z.infer<typeof MediaRefusal>;

export const MediaRequest = z.object({
  ref: ConversationRef,
  url: z.string().min(1).max(MAX_URL_LENGTH),
  kind: MediaKind,
  /** The agent chose "Load" for this origin in this conversation. */
  consent: z.boolean().default(false),
});

export const MediaResult = z.discriminatedUnion('status', [
  /** `data` is base64: the e2e bridge carries JSON, so bytes travel as text on every transport. */
  z.object({ status: z.literal('ready'), contentType: z.string(), data: z.string() }),
  /** Loads only with the agent's consent; `host` is what the placeholder names. */
  z.object({ status: z.literal('ask'), host: z.string() }),
  z.object({ status: z.literal('refused'), reason: MediaRefusal }),
]);
export type MediaResult = z.infer<typeof MediaResult>;
