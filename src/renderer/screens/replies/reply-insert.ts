// Inserting a saved reply into a draft: where the "/shortcut" being typed is, which replies it
// matches, which language of a reply to use, and the draft with the reply in place of what was
// typed. Pure, so every rule is tested without a DOM.
import { foldForSearch } from '../../../shared/fold';
import { fillVariables, type ReplyVariable, type SavedReply } from '../../../shared/saved-replies';
import type { Language } from '../../../shared/view-models';

/** The "/…" the caret is in: a slash at the start or after a space, then shortcut characters up to the caret. */
export function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[2]!.length - 1, query: match[2]! };
}

/** Replies whose shortcut starts with the query first, then those whose shortcut or title contains it. */
export function pickReplies(replies: readonly SavedReply[], query: string, max = 8): SavedReply[] {
  const term = foldForSearch(query);
  if (term === '') return replies.slice(0, max);
  const starts = replies.filter((r) => foldForSearch(r.shortcut).startsWith(term));
  const contains = replies.filter((r) => !starts.includes(r) && foldForSearch(`${r.shortcut} ${r.title}`).includes(term));
  return [...starts, ...contains].slice(0, max);
}

/** The customer's language if the reply has it, else the agent's, else whichever it has. */
export function replyText(reply: Pick<SavedReply, 'texts'>, customer: string | undefined, agent: Language): string {
  const wanted = customer?.toLowerCase().startsWith('de') ? 'de' : customer?.toLowerCase().startsWith('en') ? 'en' : agent;
  return reply.texts[wanted] ?? reply.texts[wanted === 'de' ? 'en' : 'de'] ?? '';
}

export interface ReplyContext {
  customerName: string;
  customerEmail?: string | undefined;
  customerLanguage?: string | undefined;
  agentName: string;
  chatbotName: string;
  language: Language;
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

export function variablesFor(context: ReplyContext): Partial<Record<ReplyVariable, string>> {
  return {
    'customer.name': context.customerName,
    'customer.firstName': firstName(context.customerName),
    ...(context.customerEmail && { 'customer.email': context.customerEmail }),
    'agent.name': context.agentName,
    'agent.firstName': firstName(context.agentName),
    'chatbot.name': context.chatbotName,
  };
}

/** The draft with `[start, end)` replaced by the reply (variables filled), and where the caret goes. */
export function insertReply(draft: string, range: { start: number; end: number }, reply: Pick<SavedReply, 'texts'>, context: ReplyContext): { text: string; caret: number } {
  const filled = fillVariables(replyText(reply, context.customerLanguage, context.language), variablesFor(context));
  const text = draft.slice(0, range.start) + filled + draft.slice(range.end);
  return { text, caret: range.start + filled.length };
}
