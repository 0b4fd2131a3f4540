// The demo bot's German conversations (Funkhaus Elektronik, "du"). HANDOVER marks where the
// bot hands the customer to the desk; what agents write after it happens on the desk side and
// reaches the customer through the bot.
import { A, B, C, audio, card, carousel, choice, dropdown, file, image, location, video } from '../../demo/content';
import { HANDOVER, type BotScript } from './script';

export const scriptsDe: BotScript[] = [
  {
    lang: 'de',
    outcome: 'bot',
    turns: (v) => [
      C(`Hi, wo bleibt meine Bestellung #${v.order}?`),
      B(
        card({
          title: `Bestellung #${v.order}`,
          subtitle: 'Unterwegs mit DHL · Zustellung voraussichtlich morgen',
          image: 'headphones.svg',
          actions: [['url', 'Sendung verfolgen', `https://funkhaus.example.de/bestellungen/${v.order}`], ['postback', 'Lieferadresse ändern', 'change_address']],
        }),
      ),
      B(video('parcel.webm')),
      C('Super, danke!'),
      B('Gern! Die Sendungsnummer bekommst du auch noch per Mail.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'handoff',
    channels: ['whatsapp', 'telegram'],
    turns: () => [
      C('Meine Studio ANC rauschen auf dem linken Ohr 😕'),
      C(audio('voice-note.wav')),
      B(choice('Oh nein! Hast du die Kopfhörer schon auf Werkseinstellungen zurückgesetzt?', 'Ja, hat nichts gebracht', 'Wie geht das?')),
      C('Ja, hat nichts gebracht'),
      B(file('funkhaus-repair-order.pdf', 'Reparaturauftrag.pdf')),
      B('Mit diesem Auftrag kannst du sie kostenlos einschicken.'),
      C('Einschicken? Ich brauche die nächste Woche auf Dienstreise. Kann ich mit jemandem sprechen?'),
      HANDOVER,
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    channels: ['whatsapp', 'instagram', 'telegram', 'webchat'],
    turns: (v) => [
      C(image('parcel-damaged.svg')),
      C('So kam das Paket heute an, der Router darin klappert.'),
      B(choice('Das tut uns leid! Wie möchtest du weitermachen?', 'Ersatz schicken', 'Geld zurück', 'Mit Mitarbeiter sprechen')),
      C('Mit Mitarbeiter sprechen'),
      HANDOVER,
      A(`Hallo ${v.first}, hier ist ${v.agent} vom Funkhaus-Service. Das sieht nicht gut aus. Kannst du mir ein Foto vom Router schicken?`),
      C(image('router.svg')),
      A('Danke! Ich schicke dir heute noch einen neuen Router, den alten nimmt DHL bei der Lieferung mit.'),
      C('Perfekt, vielen Dank!'),
    ],
  },
  {
    lang: 'de',
    outcome: 'bot',
    turns: () => [
      C('Wo ist die nächste Filiale in Leipzig?'),
      B(location(51.3397, 12.3731, 'Funkhaus Elektronik Leipzig', 'Petersstraße 28, 04109 Leipzig · Mo–Sa 10–20 Uhr')),
      B(image('map-tile.svg')),
      C('Habt ihr sonntags offen?'),
      B('Sonntags ist geschlossen – online kannst du rund um die Uhr bestellen und in der Filiale abholen.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    channels: ['email', 'webchat', 'whatsapp'],
    turns: (v) => [
      C(`Ich brauche die Rechnung zu Bestellung #${v.order} mit Firmenadresse.`),
      B(file('funkhaus-invoice-7731.pdf', `Rechnung zu #${v.order}.pdf`)),
      C('Da steht meine Privatadresse drauf. Die Rechnung muss auf die Firma laufen.'),
      B('Eine Rechnung ändern kann ich leider nicht selbst.'),
      HANDOVER,
      A(`Hallo ${v.first}, ${v.agent} hier. Wie lautet die Firmenadresse?`),
      C(`${v.last} & Lange GbR, Hainstraße 12, 04109 Leipzig`),
      A('Danke! Hier ist die korrigierte Rechnung:'),
      A(file('funkhaus-invoice-7731.pdf', 'Rechnung RE-7731 (korrigiert).pdf')),
      C('Top, danke!'),
    ],
  },
  {
    lang: 'de',
    outcome: 'handoff',
    turns: () => [
      C('Welche Kopfhörer empfehlt ihr fürs Homeoffice?'),
      B(
        carousel(
          { title: 'Studio ANC Kopfhörer', subtitle: '249,00 € · 30 h Akku, Noise Cancelling', image: 'headphones.svg', actions: [['url', 'Ansehen', 'https://funkhaus.example.de/p/studio-anc']] },
          { title: 'Office Headset Duo', subtitle: '129,00 € · Bügelmikrofon, USB-C', image: 'headphones.svg', actions: [['url', 'Ansehen', 'https://funkhaus.example.de/p/office-duo']] },
        ),
      ),
      C('Welches hat das bessere Mikro? Ich telefoniere viel.'),
      B(dropdown('Wofür nutzt du sie hauptsächlich?', 'Videocalls', 'Musik', 'Pendeln', 'Sport')),
      C('Videocalls'),
      C('Kann mich jemand persönlich beraten?'),
      HANDOVER,
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    turns: (v) => [
      C('Ich komme nicht mehr in mein Kundenkonto:'),
      C(image('login-error.svg')),
      B('Nach fünf Fehlversuchen wird das Konto zur Sicherheit für 24 Stunden gesperrt.'),
      C('Ich muss heute noch bestellen, das Angebot läuft ab. Bitte einen Mitarbeiter.'),
      HANDOVER,
      A(`Hallo ${v.first}, ${v.agent} hier. Ich habe die Sperre aufgehoben – setz am besten gleich ein neues Passwort.`),
      C('Klappt wieder, danke!'),
    ],
  },
  {
    lang: 'de',
    outcome: 'bot',
    channels: ['whatsapp', 'telegram', 'webchat'],
    turns: (v) => [
      C('Kann ich mein Handy in der Filiale reparieren lassen? Das Display ist gesprungen.'),
      B(dropdown('Klar! Wann passt es dir?', 'Mo, 10–12 Uhr', 'Di, 14–16 Uhr', 'Mi, 16–18 Uhr', 'Sa, 10–12 Uhr')),
      C('Di, 14–16 Uhr'),
      B(
        card({
          title: `Reparaturtermin R-${v.ticket}`,
          subtitle: 'Dienstag, 14–16 Uhr · Funkhaus Leipzig, Petersstraße 28',
          image: 'map-tile.svg',
          actions: [['url', 'In den Kalender', `https://funkhaus.example.de/termine/R-${v.ticket}.ics`], ['postback', 'Termin verschieben', 'reschedule']],
        }),
      ),
      C('Wie komme ich von hier hin?'),
      C(location(51.3406, 12.3787, 'Mein Standort', 'Grimmaische Straße 2, 04109 Leipzig')),
      B('Du bist nur fünf Minuten zu Fuß entfernt: über den Markt in die Petersstraße, dann rechts.'),
    ],
  },
];
