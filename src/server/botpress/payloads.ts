// The ten message kinds the doc accepts (Text, Image, Choice, Dropdown, Card, Carousel, File,
// Audio, Video, Location), shaped as @botpress/sdk defines them, each bounded. Every kind may
// also carry `userId`: the hitl interface's way to say on whose behalf the bot relays it.
import { z } from 'zod';
import { BpError } from './errors';
import { describeIssues } from '../http/validate';

const text = z.string().min(1).max(4096);
const label = z.string().min(1).max(200);
const url = z.string().min(1).max(2048);
const onBehalf = { userId: z.string().min(1).max(200).optional() };

const option = z.strictObject({ label, value: z.string().min(1).max(500) });
const card = z.strictObject({
  title: label,
  subtitle: z.string().min(1).max(500).optional(),
  imageUrl: url.optional(),
  actions: z
    .array(z.strictObject({ action: z.enum(['postback', 'url', 'say']), label, value: z.string().min(1).max(2048) }))
    .max(10),
  ...onBehalf,
});
const choice = z.strictObject({ text, options: z.array(option).max(50), ...onBehalf });

export const payloadSchemas = {
  text: z.strictObject({ text, ...onBehalf }),
  image: z.strictObject({ imageUrl: url, ...onBehalf }),
  audio: z.strictObject({ audioUrl: url, ...onBehalf }),
  video: z.strictObject({ videoUrl: url, ...onBehalf }),
  file: z.strictObject({ fileUrl: url, title: z.string().min(1).max(500).optional(), ...onBehalf }),
  location: z.strictObject({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    address: z.string().max(500).optional(),
    title: z.string().max(500).optional(),
    ...onBehalf,
  }),
  card,
  carousel: z.strictObject({ items: z.array(card.omit({ userId: true })).min(1).max(10), ...onBehalf }),
  dropdown: choice,
  choice,
} as const;

export type MessageType = keyof typeof payloadSchemas;
export const messageTypes = Object.keys(payloadSchemas) as MessageType[];

export const messageType = z.enum(messageTypes as [MessageType, ...MessageType[]]);

/** Checks a payload against its kind; the error names the kind and the field. */
export function validPayload(type: MessageType, payload: unknown): Record<string, unknown> {
  const result = payloadSchemas[type].safeParse(payload);
  if (result.success) return result.data as Record<string, unknown>;
  throw new BpError('InvalidPayload', `${type} message: ${describeIssues(result.error, 'body.payload')}`);
}
