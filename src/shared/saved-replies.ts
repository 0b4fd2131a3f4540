// Saved replies: answers an agent types often, kept in main's database, inserted in the composer
// with "/" and their shortcut, in German and English, with variables filled in. A team shares a
// set as a JSON file: the format below is what export writes and import reads.
import { z } from 'zod';

/** What the agent types after "/" to insert it: letters, digits, "-" and "_". */
export const ReplyShortcut = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'use letters, digits, "-" and "_" only, without spaces');

const text = z.string().trim().max(10_000);

/** A reply's text per language; at least one. Empty texts count as none. */
export const ReplyTexts = z
  .object({ de: text.optional(), en: text.optional() })
  .transform(({ de, en }) => ({ ...(de && { de }), ...(en && { en }) }))
  .refine((texts) => texts.de !== undefined || texts.en !== undefined, 'give the text in German, English, or both');
export type ReplyTexts = z.infer<typeof ReplyTexts>;

/** What the agent sets on a reply. */
export const SavedReplyFields = z.object({
  shortcut: ReplyShortcut,
  title: z.string().trim().min(1).max(200),
  texts: ReplyTexts,
});
export type SavedReplyFields = z.infer<typeof SavedReplyFields>;

export const SavedReply = z.object({
  id: z.string(),
  shortcut: z.string(),
  title: z.string(),
  texts: z.object({ de: z.string().optional(), en: z.string().optional() }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type SavedReply = z.infer<typeof SavedReply>;

/** The file a team shares: what export writes and import reads. */
export const SavedRepliesFile = z.object({
  format: z.literal('deckhand.saved-replies'),
  version: z.literal(1),
  replies: z.array(SavedReplyFields).max(5_000),
});
export type SavedRepliesFile = z.infer<typeof SavedRepliesFile>;

/** The variables a reply may hold, as `{customer.firstName}`; what each stands for is filled in when it is inserted. */
export const replyVariables = ['customer.name', 'customer.firstName', 'customer.email', 'agent.name', 'agent.firstName', 'chatbot.name'] as const;
export type ReplyVariable = (typeof replyVariables)[number];

/**
 * The text with each known variable replaced by its value; a variable without a value (an
 * unknown e-mail) stays as written, so the agent sees what is missing before sending.
 */
export function fillVariables(template: string, values: Partial<Record<ReplyVariable, string>>): string {
  return template.replace(/\{([a-zA-Z]+\.[a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = values[name as ReplyVariable];
    return value === undefined || value === '' ? whole : value;
  });
}
