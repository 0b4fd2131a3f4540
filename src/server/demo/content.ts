// The vocabulary the demo's dialogues are written in: payload builders (one per Botpress kind),
// turns, scripts, channels and the people who write in. The dialogues themselves live in
// content-shop-*.ts and content-service-*.ts (collected in scripts.ts) and content-live.ts.
import type { MessageContent } from '../wire';
import { mediaPath, type DemoMediaName } from './media';

export type Lang = 'de' | 'en';
export type Sender = 'contact' | 'bot' | 'agent';

// ---- payloads ----------------------------------------------------------------------------------

const slug = (label: string): string =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '') || 'option';

export const say = (text: string): MessageContent => ({ type: 'text', payload: { text } });
export const image = (name: DemoMediaName): MessageContent => ({ type: 'image', payload: { imageUrl: mediaPath(name) } });
export const file = (name: DemoMediaName, title: string): MessageContent => ({
  type: 'file',
  payload: { fileUrl: mediaPath(name), title },
});
export const audio = (name: DemoMediaName): MessageContent => ({ type: 'audio', payload: { audioUrl: mediaPath(name) } });
export const video = (name: DemoMediaName): MessageContent => ({ type: 'video', payload: { videoUrl: mediaPath(name) } });
export const location = (latitude: number, longitude: number, title?: string, address?: string): MessageContent => ({
  type: 'location',
  payload: { latitude, longitude, ...(title && { title }), ...(address && { address }) },
});
export const choice = (text: string, ...labels: string[]): MessageContent => ({
  type: 'choice',
  payload: { text, options: labels.map((label) => ({ label, value: slug(label) })) },
});
export const dropdown = (text: string, ...labels: string[]): MessageContent => ({
  type: 'dropdown',
  payload: { text, options: labels.map((label) => ({ label, value: slug(label) })) },
});

type Action = ['postback' | 'url' | 'say', string, string]; // kind, label, value
export interface CardSpec {
  title: string;
  subtitle?: string;
  image?: DemoMediaName;
  actions?: Action[];
}
const cardPayload = (c: CardSpec) => ({
  title: c.title,
  ...(c.subtitle && { subtitle: c.subtitle }),
  ...(c.image && { imageUrl: mediaPath(c.image) }),
  actions: (c.actions ?? []).map(([action, label, value]) => ({ action, label, value })),
});
export const card = (c: CardSpec): MessageContent => ({ type: 'card', payload: cardPayload(c) });
export const carousel = (...items: CardSpec[]): MessageContent => ({
  type: 'carousel',
  payload: { items: items.map(cardPayload) },
});

// ---- dialogues ---------------------------------------------------------------------------------

export interface Turn {
  from: Sender;
  content: MessageContent;
}
const turn =
  (from: Sender) =>
  (content: string | MessageContent): Turn => ({ from, content: typeof content === 'string' ? say(content) : content });
/** A customer's message, the bot's, an agent's. */
export const C = turn('contact');
export const B = turn('bot');
export const A = turn('agent');

/** What a dialogue is filled in with, so the same script reads differently for each contact. */
export interface Vars {
  first: string;
  last: string;
  /** The agent who writes in this conversation (first name). */
  agent: string;
  order: string;
  contract: string;
  ticket: string;
}

export const channelIds = ['whatsapp', 'webchat', 'instagram', 'telegram', 'email'] as const;
export type ChannelId = (typeof channelIds)[number];

export interface Script {
  lang: Lang;
  /**
   * How the conversation stands at the end: the bot alone ('bot': still with the bot or closed),
   * a request for a person nobody has taken yet ('handoff': waiting), or an agent's ('agent':
   * assigned or closed).
   */
  outcome: 'bot' | 'handoff' | 'agent';
  /** Where this conversation plausibly happens (voice notes on messengers, ...); default: any. */
  channels?: readonly ChannelId[];
  turns: (v: Vars) => Turn[];
}

// ---- channels and people -----------------------------------------------------------------------

export const channels: Record<ChannelId, { name: string; weight: number }> = {
  whatsapp: { name: 'WhatsApp Business', weight: 34 },
  webchat: { name: 'Web Chat', weight: 26 },
  instagram: { name: 'Instagram Direct', weight: 12 },
  telegram: { name: 'Telegram', weight: 10 },
  email: { name: 'E-Mail', weight: 18 },
};

export interface Region {
  lang: Lang;
  weight: number;
  /** Digits after the country code; `#` is filled with a random digit. */
  phone: string[];
  mailDomain: string;
  first: string[];
  last: string[];
}

// Phone numbers follow each country's mobile format; the UK and US ones are in the ranges set
// aside for fiction (07700 900xxx, 555-01xx). Mail goes to example domains.
export const regions: Region[] = [
  {
    lang: 'de',
    weight: 60,
    phone: ['+49151########', '+49160#######', '+49171#######', '+49176########'],
    mailDomain: 'example.de',
    first: ['Sophie', 'Lukas', 'Anna', 'Maximilian', 'Leonie', 'Felix', 'Marie', 'Paul', 'Hannah', 'Tim', 'Laura', 'Niklas', 'Julia', 'Jan', 'Katrin', 'Stefan', 'Sabine', 'Thomas', 'Charlotte', 'Emil', 'Ayşe', 'Mehmet', 'Greta', 'Ole'],
    last: ['Müller', 'Schmidt', 'Becker', 'Wagner', 'Schulz', 'Krämer', 'Neumann', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange', 'Schwarz', 'Vogel', 'Yılmaz', 'Kaya', 'Petersen', 'Jansen', 'Lehmann', 'Köhler'],
  },
  {
    lang: 'de',
    weight: 22,
    phone: ['+43664#######', '+43650#######', '+43676#######'],
    mailDomain: 'example.at',
    first: ['Florian', 'Katharina', 'Lorenz', 'Valentina', 'Moritz', 'Theresa', 'Lukas', 'Magdalena', 'Sebastian', 'Johanna'],
    last: ['Gruber', 'Huber', 'Pichler', 'Steiner', 'Moser', 'Mayr', 'Hofer', 'Leitner', 'Wallner', 'Eder'],
  },
  {
    lang: 'de',
    weight: 18,
    phone: ['+4179#######', '+4178#######', '+4176#######'],
    mailDomain: 'example.ch',
    first: ['Reto', 'Nadine', 'Urs', 'Corinne', 'Beat', 'Seraina', 'Luca', 'Jolanda', 'Noah', 'Andrea'],
    last: ['Meier', 'Brunner', 'Keller', 'Zürcher', 'Frei', 'Baumann', 'Gerber', 'Widmer', 'Bühler', 'Suter'],
  },
  {
    lang: 'en',
    weight: 50,
    phone: ['+447700900###'],
    mailDomain: 'example.co.uk',
    first: ['Emily', 'James', 'Olivia', 'Harry', 'Chloe', 'George', 'Priya', 'Aisha', 'Tom', 'Grace', 'Oliver', 'Amelia'],
    last: ['Carter', 'Bennett', 'Davies', 'Patel', 'Khan', 'Wright', 'Hughes', 'Evans', 'Clarke', 'Robinson'],
  },
  {
    lang: 'en',
    weight: 35,
    phone: ['+1415555####', '+1212555####', '+1312555####'],
    mailDomain: 'example.com',
    first: ['Madison', 'Ethan', 'Jordan', 'Ava', 'Tyler', 'Sofia', 'Marcus', 'Hannah', 'Daniel', 'Kayla'],
    last: ['Johnson', 'Nguyen', 'Martinez', 'Brooks', 'Sullivan', 'Kim', 'Rivera', 'Cooper', 'Reed', 'Foster'],
  },
  {
    lang: 'en',
    weight: 15,
    phone: ['+35385#######', '+35387#######'],
    mailDomain: 'example.ie',
    first: ['Siobhán', 'Conor', 'Aoife', 'Cian', 'Niamh', 'Seán'],
    last: ["O'Connor", 'Murphy', 'Byrne', "O'Brien", 'Walsh', 'Kelly'],
  },
];

/** A name as a handle or mailbox: lowercase ASCII (ü → ue, ß → ss), no apostrophes. */
export const asciiName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9 ]/g, '')
    .trim()
    .replace(/\s+/g, '.');
