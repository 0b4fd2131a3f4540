// The saved-reply form's rules: the same schema main applies (shared/saved-replies.ts), turned
// into one message per field in the agent's language. Pure, so it is tested without a DOM.
import { ReplyShortcut, SavedReplyFields, type SavedReply } from '../../../shared/saved-replies';

export interface ReplyForm {
  shortcut: string;
  title: string;
  de: string;
  en: string;
}

export type ReplyFormErrors = Partial<Record<'shortcut' | 'title' | 'text', true>>;

export const emptyReplyForm: ReplyForm = { shortcut: '', title: '', de: '', en: '' };

export const formOf = (reply: SavedReply): ReplyForm => ({ shortcut: reply.shortcut, title: reply.title, de: reply.texts.de ?? '', en: reply.texts.en ?? '' });

export function validateReplyForm(form: ReplyForm): { fields: SavedReplyFields } | { errors: ReplyFormErrors } {
  const parsed = SavedReplyFields.safeParse({ shortcut: form.shortcut, title: form.title, texts: { de: form.de, en: form.en } });
  if (parsed.success) return { fields: parsed.data };
  const errors: ReplyFormErrors = {};
  if (!ReplyShortcut.safeParse(form.shortcut).success) errors.shortcut = true;
  if (form.title.trim() === '' || form.title.trim().length > 200) errors.title = true;
  if (parsed.error.issues.some((issue) => issue.path[0] === 'texts')) errors.text = true;
  return { errors };
}
