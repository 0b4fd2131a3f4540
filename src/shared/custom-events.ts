// What a custom event for a chatbot may be called and carry: checked in the dialog as the agent
// types, and again at the IPC boundary. A name as chatbots name their events (order_completed,
// payment.failed); data as a JSON object, which the flow reads by its fields.
import { z } from 'zod';

export const EventName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z][\w.:-]*$/, 'start with a letter; then letters, digits, "_", "-", "." or ":", no spaces');

/** Big enough for any flow's data, small enough for the step-payload endpoint (10,000 characters). */
export const MAX_EVENT_PAYLOAD = 8_000;

export const EventPayload = z
  .record(z.string().max(200), z.unknown())
  .refine((payload) => JSON.stringify(payload).length <= MAX_EVENT_PAYLOAD, `at most ${MAX_EVENT_PAYLOAD} characters of JSON`);

/** What the agent typed as data: nothing, a JSON object, or why it is neither. */
export function parseEventPayload(text: string): { ok: true; payload: Record<string, unknown> | undefined } | { ok: false; reason: 'json' | 'object' | 'size' } {
  if (text.trim() === '') return { ok: true, payload: undefined };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'object' };
  const parsed = EventPayload.safeParse(value);
  return parsed.success ? { ok: true, payload: parsed.data } : { ok: false, reason: 'size' };
}
