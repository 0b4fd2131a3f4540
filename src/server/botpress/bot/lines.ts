// What the demo bot says, in German and English: Funkhaus Elektronik's assistant, an
// electronics shop with a repair service. German customers get "du", as the shop's chat does.
import type { MessageContent } from '../../../shared/domain';
import { card, carousel, choice, file, location, say, type Lang } from '../../demo/content';

export interface Lines {
  handoff: string;
  assigned: (agent: string) => string;
  stopped: string;
  /** To the customer who ended the handover with the close command. */
  closedByCustomer: string;
  /** To the desk when the customer ended the handover. */
  customerLeft: string;
  /** The desk conversation's title. */
  title: (customer: string) => string;
  /** To the customer when their handover's desk conversation is gone. */
  lost: string;
  menu: MessageContent;
  tracking: (order: string) => MessageContent;
  store: MessageContent;
  invoice: MessageContent;
  products: MessageContent;
  thanks: MessageContent;
}

export const CLOSE_COMMAND = '/end';

export const lines: Record<Lang, Lines> = {
  de: {
    handoff: 'Ich verbinde dich mit unserem Service-Team. Das dauert meist nur ein paar Minuten – du kannst hier einfach weiterschreiben. (Mit /end beendest du das Gespräch mit dem Team.)',
    assigned: (agent) => `${agent} aus dem Service-Team ist jetzt für dich da.`,
    stopped: 'Das Service-Team hat das Gespräch beendet. Ich bin wieder für dich da – frag mich gern, wenn noch etwas ist!',
    closedByCustomer: 'Alles klar, ich habe das Gespräch mit dem Team beendet. Du schreibst jetzt wieder mit mir.',
    customerLeft: 'Der Kunde hat das Gespräch mit /end beendet.',
    title: (customer) => `${customer} möchte mit dem Service-Team sprechen`,
    lost: 'Da ist etwas schiefgelaufen – du bist gerade nicht mit dem Team verbunden. Schreib „Mitarbeiter“, um es noch einmal zu versuchen.',
    menu: choice('Hallo! Ich bin der Funkhaus Assistent. Wobei kann ich helfen?', 'Bestellung & Lieferung', 'Reparatur', 'Rechnung', 'Filiale finden', 'Beratung'),
    tracking: (order) =>
      card({
        title: `Bestellung #${order}`,
        subtitle: 'Unterwegs mit DHL · Zustellung voraussichtlich morgen',
        image: 'headphones.svg',
        actions: [['url', 'Sendung verfolgen', `https://funkhaus.example.de/bestellungen/${order}`], ['postback', 'Lieferadresse ändern', 'change_address']],
      }),
    store: location(51.3397, 12.3731, 'Funkhaus Elektronik Leipzig', 'Petersstraße 28, 04109 Leipzig · Mo–Sa 10–20 Uhr'),
    invoice: file('funkhaus-invoice-7731.pdf', 'Rechnung RE-7731.pdf'),
    products: carousel(
      { title: 'Studio ANC Kopfhörer', subtitle: '249,00 € · 30 h Akku, Noise Cancelling', image: 'headphones.svg', actions: [['url', 'Ansehen', 'https://funkhaus.example.de/p/studio-anc']] },
      { title: 'Mesh-WLAN-Router AX3000', subtitle: '179,00 € · bis 180 m²', image: 'router.svg', actions: [['url', 'Ansehen', 'https://funkhaus.example.de/p/mesh-ax3000']] },
    ),
    thanks: say('Gern geschehen! Schönen Tag noch 🔌'),
  },
  en: {
    handoff: "I'm connecting you with our service team. It usually takes just a few minutes – feel free to keep writing here. (Type /end to finish the chat with the team.)",
    assigned: (agent) => `${agent} from our service team is with you now.`,
    stopped: "The service team has closed the chat. I'm back – just ask if there's anything else!",
    closedByCustomer: "Okay, I've ended the chat with the team. You're talking to me again.",
    customerLeft: 'The customer ended the chat with /end.',
    title: (customer) => `${customer} wants to talk to the service team`,
    lost: "Something went wrong – you're not connected to the team right now. Type “agent” to try again.",
    menu: choice("Hi! I'm the Funkhaus assistant. How can I help?", 'Orders & delivery', 'Repairs', 'Invoices', 'Find a store', 'Advice'),
    tracking: (order) =>
      card({
        title: `Order #${order}`,
        subtitle: 'On its way with DHL · expected tomorrow',
        image: 'headphones.svg',
        actions: [['url', 'Track parcel', `https://funkhaus.example.com/orders/${order}`], ['postback', 'Change address', 'change_address']],
      }),
    store: location(51.5136, -0.1365, 'Funkhaus Electronics London', '112 Oxford Street, London W1D 1LT · Mon–Sat 10am–8pm'),
    invoice: file('funkhaus-invoice-7731.pdf', 'Invoice RE-7731.pdf'),
    products: carousel(
      { title: 'Studio ANC Headphones', subtitle: '£219 · 30 h battery, noise cancelling', image: 'headphones.svg', actions: [['url', 'View', 'https://funkhaus.example.com/p/studio-anc']] },
      { title: 'Mesh Wi-Fi Router AX3000', subtitle: '£159 · covers up to 180 m²', image: 'router.svg', actions: [['url', 'View', 'https://funkhaus.example.com/p/mesh-ax3000']] },
    ),
    thanks: say("You're welcome! Have a great day 🔌"),
  },
};

// What the bot recognizes in a customer's text; the first match decides its answer.
const intents: [RegExp, keyof Pick<Lines, 'tracking' | 'store' | 'invoice' | 'products' | 'thanks'> | 'human'][] = [
  [/\b(mensch|mitarbeiter\w*|kolleg\w*|berater\w*|human|person|agent|someone real|real person)\b/i, 'human'],
  [/(bestell|liefer|paket|sendung|\border|deliver|parcel|track)/i, 'tracking'],
  [/(filiale|laden|öffnungszeit|standort|\bstore\b|branch|opening hours)/i, 'store'],
  [/(rechnung|beleg|invoice|receipt)/i, 'invoice'],
  [/(kopfhörer|router|empfehl|beratung|headphones|recommend|advice)/i, 'products'],
  [/(danke|thank)/i, 'thanks'],
];

export type Intent = (typeof intents)[number][1] | 'menu';

export function intentOf(text: string | undefined): Intent {
  if (!text) return 'menu';
  return intents.find(([pattern]) => pattern.test(text))?.[1] ?? 'menu';
}

// German if the customer said so (the user's `language` tag), else guessed from the words.
export function languageOf(tagged: string | undefined, text: string | undefined): Lang {
  if (tagged === 'de' || tagged === 'en') return tagged;
  return text && /\b(ich|und|bitte|hallo|danke|nicht|meine?|wo|ist|habe)\b/i.test(text) ? 'de' : 'en';
}
