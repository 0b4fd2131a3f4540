// What the traffic simulator says: first messages of new conversations, customers' follow-ups,
// the bot's answers and the request for a person, per chatbot and language.
import type { MessageContent } from '../wire';
import { audio, card, carousel, choice, dropdown, file, image, location, say, type Lang } from './content';

export interface LivePool {
  openers: MessageContent[];
  followUps: MessageContent[];
  botReplies: MessageContent[];
  human: string[];
  handoff: string;
}

const shop: Record<Lang, LivePool> = {
  de: {
    openers: [
      say('Hallo, wann kommt meine Bestellung?'),
      say('Hi! Habt ihr die Trail Runner noch in 39?'),
      say('Guten Abend, ich möchte eine Bestellung stornieren.'),
      say('Kann ich meine Lieferadresse noch ändern?'),
      say('Mein Gutscheincode funktioniert nicht 🙁'),
      say('Gibt es die Regenjacke Fjord auch für Kinder?'),
      image('parcel-damaged.svg'),
      audio('voice-note.wav'),
    ],
    followUps: [
      say('Hallo? Ist da noch jemand?'),
      say('Die Bestellnummer steht leider nicht in der Mail.'),
      say('Danke, und wie lange dauert die Erstattung?'),
      say('Ok, verstanden 👍'),
      say('Kann ich auch im Laden zurückgeben?'),
      say('Hier noch ein Foto:'),
      image('sneaker.svg'),
      image('receipt.svg'),
      file('invoice-48213.pdf', 'Rechnung.pdf'),
      location(52.5200, 13.4050, 'Meine Adresse', 'Unter den Linden 1, 10117 Berlin'),
      audio('voice-note.wav'),
    ],
    botReplies: [
      say('Danke für deine Nachricht! Ich schaue kurz nach …'),
      choice('Worum geht es?', 'Bestellung & Lieferung', 'Rücksendung', 'Rechnung', 'Produktberatung'),
      dropdown('Welche Bestellung meinst du?', '#48213 · Trail Runner', '#51877 · Regenjacke Fjord', '#53002 · Rucksack Kaskade'),
      card({ title: 'Sendung unterwegs', subtitle: 'Zustellung voraussichtlich morgen', image: 'backpack.svg', actions: [['url', 'Sendung verfolgen', 'https://shop.example.de/tracking']] }),
      carousel(
        { title: 'Trail Runner', subtitle: '89,95 €', image: 'sneaker.svg', actions: [['url', 'Ansehen', 'https://shop.example.de/p/trail-runner']] },
        { title: 'Regenjacke Fjord', subtitle: '129,00 €', image: 'rain-jacket.svg', actions: [['url', 'Ansehen', 'https://shop.example.de/p/regenjacke-fjord']] },
      ),
      say('Rücksendungen sind 30 Tage kostenlos. Den Retourenschein findest du unter https://shop.example.de/retoure'),
    ],
    human: ['Ich möchte mit einem Menschen sprechen.', 'Kann ich bitte mit einem Mitarbeiter reden?', 'Mitarbeiter bitte!'],
    handoff: 'Alles klar, ich verbinde dich mit unserem Team. Das dauert meist nur ein paar Minuten.',
  },
  en: {
    openers: [
      say('Hi, where is my order?'),
      say('Do you have the Kaskade backpack in black?'),
      say('I need to cancel my order, I ordered the wrong size'),
      say('Hello! Is the Fjord jacket really waterproof?'),
      image('parcel-damaged.svg'),
    ],
    followUps: [
      say('Any news?'),
      say('Thanks. How long will the refund take?'),
      say('ok cool'),
      say('Here is a photo'),
      image('headphones.svg'),
      location(51.5238, -0.1586, 'Home', '221B Baker Street, London NW1 6XE'),
      audio('voice-note-2.wav'),
    ],
    botReplies: [
      say('Thanks for your message! Let me check that for you …'),
      choice('What can I help you with?', 'Order status', 'Returns', 'Sizing help', 'Something else'),
      card({ title: 'Your parcel is on its way', subtitle: 'Arriving tomorrow', image: 'backpack.svg', actions: [['url', 'Track parcel', 'https://shop.example.com/tracking']] }),
      say('Returns are free for 30 days: https://shop.example.com/returns'),
    ],
    human: ['I want to talk to a real person.', 'Can I speak to a human please?', 'agent please'],
    handoff: "Of course – I've passed you to our support team. Someone will reply here shortly.",
  },
};

const service: Record<Lang, LivePool> = {
  de: {
    openers: [
      say('Guten Tag, mein Internet ist seit einer Stunde weg.'),
      say('Ich habe mein Passwort vergessen.'),
      say('Ich möchte einen Termin verschieben.'),
      say('Warum ist meine Rechnung so hoch?'),
      say('Wie kann ich meinen Tarif wechseln?'),
      image('login-error.svg'),
    ],
    followUps: [
      say('Ist da jemand?'),
      say('Meine Vertragsnummer ist SN-4471.'),
      say('Der Router blinkt jetzt orange.'),
      say('Danke für die Info.'),
      image('router.svg'),
      location(48.2082, 16.3738, 'Meine Adresse', 'Stephansplatz 1, 1010 Wien'),
      audio('voice-note-2.wav'),
      file('service-invoice-2291.pdf', 'Rechnung Oktober.pdf'),
    ],
    botReplies: [
      say('Vielen Dank! Ich prüfe Ihr Anliegen.'),
      choice('Worum geht es?', 'Passwort', 'Termin', 'Rechnung', 'Störung'),
      dropdown('Freie Termine nächste Woche:', 'Mo, 08–12 Uhr', 'Di, 12–16 Uhr', 'Do, 16–20 Uhr'),
      card({ title: 'Störungsmeldung', subtitle: 'Keine bekannte Störung in Ihrem Gebiet', image: 'router.svg', actions: [['url', 'Störungskarte', 'https://www.example.de/stoerungen']] }),
      say('Ihr Passwort können Sie hier zurücksetzen: https://portal.example.de/passwort'),
    ],
    human: ['Ich möchte mit einem Menschen sprechen.', 'Bitte verbinden Sie mich mit einem Mitarbeiter.', 'Mitarbeiter!'],
    handoff: 'Ich verbinde Sie mit einer Mitarbeiterin oder einem Mitarbeiter. Bitte haben Sie einen Moment Geduld.',
  },
  en: {
    openers: [
      say('Hi, my broadband is down again'),
      say('How do I reset my portal password?'),
      say('I need to reschedule my engineer appointment'),
      say('Can I upgrade to a faster plan?'),
    ],
    followUps: [
      say('Hello?'),
      say('Contract number is SN-8812'),
      say('Still not working after the restart.'),
      image('router.svg'),
      location(53.3498, -6.2603, 'Home', "O'Connell Street, Dublin 1"),
    ],
    botReplies: [
      say('Thanks! Let me look into that.'),
      choice('What is it about?', 'Password', 'Appointment', 'Bill', 'Outage'),
      card({ title: 'Fibre 500', subtitle: '€44.99/month', image: 'router.svg', actions: [['postback', 'Upgrade', 'plan_500']] }),
      say('You can reset your password here: https://portal.example.com/password'),
    ],
    human: ['I want to speak to a human, please.', 'Real person please', 'Can I talk to someone from your team?'],
    handoff: "No problem – I've added you to the queue. A member of our team will reply here shortly.",
  },
};

export const livePools: Record<string, Record<Lang, LivePool>> = { bot_shop: shop, bot_service: service };
