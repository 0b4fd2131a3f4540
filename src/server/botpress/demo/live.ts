// What the simulator's customers write to the demo bot: first messages, follow-ups, and asking
// for a person (which the bot recognizes and hands to the desk).
import type { MessageContent } from '../../../shared/domain';
import { audio, image, location, say, type Lang } from '../../demo/content';

export interface LivePool {
  openers: MessageContent[];
  followUps: MessageContent[];
  human: MessageContent[];
}

export const livePool: Record<Lang, LivePool> = {
  de: {
    openers: [
      say('Hallo, wann kommt meine Bestellung #8142?'),
      say('Habt ihr den Mesh-Router AX3000 in der Filiale Leipzig vorrätig?'),
      say('Ich brauche eine Rechnung für meinen Einkauf von letzter Woche.'),
      say('Welche Kopfhörer könnt ihr für Kinder empfehlen?'),
      say('Wo ist die nächste Filiale?'),
      image('parcel-damaged.svg'),
      audio('voice-note.wav'),
    ],
    followUps: [
      say('Hallo? Ist da noch jemand?'),
      say('Die Bestellnummer finde ich leider nicht.'),
      say('Ok, danke!'),
      say('Kann ich auch in der Filiale zurückgeben?'),
      image('receipt.svg'),
      image('router.svg'),
      location(51.3397, 12.3731, 'Mein Standort', 'Markt 1, 04109 Leipzig'),
      audio('voice-note.wav'),
    ],
    human: [say('Ich möchte bitte mit einem Mitarbeiter sprechen.'), say('Kann mich ein Mensch zurückrufen?'), say('Bitte einen Berater, der Bot versteht mich nicht.')],
  },
  en: {
    openers: [
      say("Hi, when will my order #8817 arrive?"),
      say('Is the AX3000 mesh router in stock in London?'),
      say('I need an invoice for last week’s purchase.'),
      say('Which headphones do you recommend for running?'),
      image('parcel-damaged.svg'),
      audio('voice-note-2.wav'),
    ],
    followUps: [
      say('Hello? Anyone there?'),
      say("I can't find the order number, sorry."),
      say('Ok, thanks!'),
      say('Can I return it in a store?'),
      image('receipt.svg'),
      location(51.5136, -0.1365, 'My location', 'Oxford Street, London'),
    ],
    human: [say('Can I talk to a person please?'), say('I need a human agent.'), say('Please put me through to a real person.')],
  },
};
