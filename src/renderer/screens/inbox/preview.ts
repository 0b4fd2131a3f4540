// The one-line preview of a conversation's last message: who wrote it (for bot and agent
// messages) and what it was, in the agent's language. Pure, so each message kind is tested.
import type { Message } from '../../../shared/domain';

/** The texts a preview needs (inbox.preview in i18n/inbox.ts). */
export interface PreviewTexts {
  bot: string;
  you: string;
  agent: string;
  image: string;
  file: string;
  audio: string;
  video: string;
  location: string;
  card: string;
  carousel: string;
  empty: string;
}

export interface PreviewContext {
  /** The agent ids of this conversation's account that are "me" (usually one). */
  myAgentId: string | undefined;
  /** Names of the team, by agent id, for "Anna: …". */
  agentNames: ReadonlyMap<string, string>;
}

/** "Bot", "You", a colleague's first name, or null for the contact's own messages. */
export function senderLabel(message: Message, context: PreviewContext, texts: PreviewTexts): string | null {
  if (message.sender === 'bot') return texts.bot;
  if (message.sender !== 'agent') return null;
  if (message.agentId === undefined || message.agentId === context.myAgentId) return texts.you;
  const name = context.agentNames.get(message.agentId);
  return name ? (name.split(/\s+/)[0] ?? name) : texts.agent;
}

/** What the message says, or what it is when it has no words of its own ("Photo"). */
export function contentLabel(message: Message, texts: PreviewTexts): string {
  switch (message.type) {
    case 'text':
    case 'choice':
    case 'dropdown':
      return message.payload.text;
    case 'image':
      return texts.image;
    case 'file':
      return message.payload.title ? `${texts.file}: ${message.payload.title}` : texts.file;
    case 'audio':
      return texts.audio;
    case 'video':
      return texts.video;
    case 'location': {
      const place = message.payload.title ?? message.payload.address;
      return place ? `${texts.location}: ${place}` : texts.location;
    }
    case 'card':
      return `${texts.card}: ${message.payload.title}`;
    case 'carousel':
      return `${texts.carousel}: ${message.payload.items.map((i) => i.title).join(', ')}`;
  }
}

/** The whole preview line; whitespace collapsed so a multi-line message still fits one line. */
export function previewText(message: Message | undefined, context: PreviewContext, texts: PreviewTexts): string {
  if (!message) return texts.empty;
  const content = contentLabel(message, texts).replace(/\s+/g, ' ').trim();
  const sender = senderLabel(message, context, texts);
  return sender ? `${sender}: ${content}` : content;
}
