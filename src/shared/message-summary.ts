// What a message says in one line, for the inbox preview, desktop notifications and push bodies.
// Decided once here (which words a message has, and what names a message without words); each
// caller only formats it with its own labels.
import type { MessageContent, MessageType } from './domain';

export interface MessageSummary {
  kind: MessageType;
  /** The message's own words (text, or the question of a choice), on one line; null when it has none. */
  text: string | null;
  /** What names a message without words: a card's title, a file's name, a place; null when nothing does. */
  detail: string | null;
}

/** Collapses whitespace (a multi-line message still fits one line) and clips to `max` characters. */
export function oneLine(value: string, max = Infinity): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const named = (value: string | undefined): string | null => {
  const flat = value === undefined ? '' : oneLine(value);
  return flat === '' ? null : flat;
};

export function summarize(message: MessageContent): MessageSummary {
  const summary = (text: string | null, detail: string | null = null): MessageSummary => ({ kind: message.type, text, detail });
  switch (message.type) {
    case 'text':
    case 'choice':
    case 'dropdown':
      return summary(named(message.payload.text));
    case 'card':
      return summary(null, named(message.payload.title));
    case 'carousel':
      return summary(null, named(message.payload.items.map((item) => item.title).join(', ')));
    case 'file':
      return summary(null, named(message.payload.title));
    case 'location':
      return summary(null, named(message.payload.title ?? message.payload.address));
    case 'image':
    case 'audio':
    case 'video':
      return summary(null);
  }
}
