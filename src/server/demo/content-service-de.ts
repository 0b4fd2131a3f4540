// The service desk's German conversations (Stadtnetz Service, internet and fibre: accounts,
// appointments, outages, bills, moves). The service desk says "Sie".
import { A, B, C, audio, card, carousel, choice, dropdown, file, image, location, type Script } from './content';

const slots = (intro: string) =>
  dropdown(intro, 'Mo, 08–12 Uhr', 'Mo, 12–16 Uhr', 'Di, 08–12 Uhr', 'Mi, 12–16 Uhr', 'Do, 16–20 Uhr', 'Fr, 08–12 Uhr');

export const serviceScriptsDe: Script[] = [
  {
    lang: 'de',
    outcome: 'bot',
    turns: (v) => [
      C('Ich habe mein Passwort fürs Kundenportal vergessen.'),
      B(choice('Kein Problem! Wie möchten Sie den Link zum Zurücksetzen erhalten?', 'Per E-Mail', 'Per SMS')),
      C('Per E-Mail'),
      B(`Ich habe Ihnen einen Link an ${v.first.charAt(0).toLowerCase()}***@example.de geschickt. Er ist 30 Minuten gültig. Falls nichts ankommt, prüfen Sie bitte den Spam-Ordner.`),
      C('Hat geklappt, danke!'),
      B('Sehr gern! Sie können sich jetzt unter https://portal.example.de anmelden.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    turns: (v) => [
      C('Ich komme nicht mehr in mein Konto, da steht nur das hier:'),
      C(image('login-error.svg')),
      B('Ihr Konto wurde nach mehreren Fehlversuchen vorübergehend gesperrt. Die Sperre endet automatisch nach 24 Stunden.'),
      C('24 Stunden?! Ich muss heute noch meine Bankverbindung ändern. Bitte einen Mitarbeiter.'),
      B('Ich verbinde Sie mit einer Mitarbeiterin oder einem Mitarbeiter.'),
      A(`Guten Tag ${v.first} ${v.last}, mein Name ist ${v.agent}. Zur Sicherheit: Wie lautet Ihre Vertragsnummer?`),
      C(v.contract),
      A('Danke, ich habe die Sperre aufgehoben. Sie sollten sich jetzt wieder anmelden können – am besten setzen Sie gleich ein neues Passwort.'),
      C('Funktioniert wieder. Vielen Dank!'),
    ],
  },
  {
    lang: 'de',
    outcome: 'bot',
    turns: (v) => [
      C('Ich brauche einen Termin für den Techniker, der Glasfaseranschluss soll installiert werden.'),
      B(slots('Gerne! Diese Zeitfenster sind nächste Woche frei:')),
      C('Di, 08–12 Uhr'),
      B(`Ihr Termin am Dienstag zwischen 8 und 12 Uhr ist gebucht (Auftrag T-${v.ticket}). Hier ist Ihre Bestätigung:`),
      B(file('appointment-confirmation.pdf', `Terminbestätigung T-${v.ticket}`)),
      C('Muss ich zu Hause sein oder reicht es, wenn der Nachbar aufmacht?'),
      B('Jemand über 18 muss vor Ort sein und Zugang zum Hausanschlussraum ermöglichen – das darf auch Ihr Nachbar sein.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    turns: (v) => [
      C('Seit heute Morgen geht das Internet nicht mehr. Homeoffice ist so unmöglich!'),
      B(choice('Das tut mir leid. Leuchtet am Router die DSL-Lampe rot?', 'Ja, rot', 'Nein, grün', 'Weiß ich nicht')),
      C(image('router.svg')),
      C('So sieht er aus'),
      B(`In Ihrem Gebiet liegt aktuell keine bekannte Störung vor. Bitte starten Sie den Router einmal neu (Stecker 30 Sekunden ziehen).`),
      C('Hab ich schon dreimal gemacht. Ich möchte mit einem Menschen sprechen.'),
      B('Ich gebe Sie an unseren Technik-Support weiter.'),
      A(`Hallo ${v.first}, hier ist ${v.agent} aus dem Technik-Support. Ich sehe auf der Leitung keinen Sync. Ich habe ein Störungsticket (S-${v.ticket}) eröffnet; ein Techniker prüft den Verteiler heute noch.`),
      A('Bis dahin kann ich Ihnen kostenlos einen LTE-Stick schicken, damit Sie arbeiten können. Soll ich?'),
      C('Ja bitte, das wäre super.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    channels: ['email', 'webchat', 'whatsapp'],
    turns: (v) => [
      C(`Sehr geehrte Damen und Herren, meine Rechnung ist diesen Monat fast 70 € höher als sonst. Vertragsnummer ${v.contract}. Mit freundlichen Grüßen, ${v.first} ${v.last}`),
      B(file('service-invoice-2291.pdf', 'Ihre aktuelle Rechnung')),
      B('In Ihrer Rechnung ist ein einmaliger Technikereinsatz über 69,00 € enthalten.'),
      C('Der Techniker ist aber nie gekommen! Ich habe extra Urlaub genommen. Hier die Rechnung mit meinen Markierungen:'),
      C(file('service-invoice-2291.pdf', 'Rechnung_markiert.pdf')),
      B('Das prüft am besten eine Kollegin oder ein Kollege. Ich leite Ihr Anliegen weiter.'),
      A(`Guten Tag ${v.first} ${v.last}, ich bin ${v.agent} aus der Rechnungsabteilung. Sie haben völlig recht: Der Einsatz wurde storniert, aber trotzdem berechnet.`),
      A('Die 69,00 € werden Ihnen mit der nächsten Rechnung gutgeschrieben. Als Entschuldigung erhalten Sie zusätzlich einen Monat Router-Miete gratis.'),
      C('Danke für die schnelle Klärung.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'handoff',
    channels: ['whatsapp', 'telegram', 'webchat'],
    turns: () => [
      C('Hallo, ich ziehe nächsten Monat um. Kann ich meinen Vertrag mitnehmen?'),
      B(choice('Gute Nachrichten: Ein Umzug ist bei uns meist ohne neue Laufzeit möglich. Ziehen Sie innerhalb von Stuttgart um?', 'Ja', 'Nein, in eine andere Stadt')),
      C('Ja'),
      B('Senden Sie mir bitte die neue Adresse oder Ihren Standort, dann prüfe ich die Verfügbarkeit.'),
      C(location(48.7823, 9.1770, 'Neue Wohnung', 'Rotebühlplatz 20, 70173 Stuttgart')),
      B(
        card({
          title: 'Verfügbar an Ihrer neuen Adresse',
          subtitle: 'Glasfaser 250 · gleicher Preis · Umzug kostenlos',
          image: 'router.svg',
          actions: [['postback', 'Umzug beauftragen', 'start_move'], ['url', 'Details', 'https://www.example.de/umzug']],
        }),
      ),
      C('Super. Bitte umziehen lassen, aber ich hätte gern jemanden am Telefon wegen des Termins.'),
      B('Ich habe Ihren Wunsch an unser Team weitergegeben. Sie werden hier im Chat kontaktiert.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'handoff',
    turns: () => [
      C('Ich möchte meinen Vertrag kündigen.'),
      B('Schade, dass Sie gehen möchten! Darf ich Ihnen vorher zwei Angebote zeigen?'),
      B(
        carousel(
          { title: 'Glasfaser 100', subtitle: '29,99 €/Monat · 10 € günstiger', image: 'router.svg', actions: [['postback', 'Wechseln', 'plan_100']] },
          { title: 'Glasfaser 500', subtitle: '44,99 €/Monat · doppelte Geschwindigkeit', image: 'router.svg', actions: [['postback', 'Wechseln', 'plan_500']] },
        ),
      ),
      C('Nein danke. Ich möchte mit einem Menschen sprechen.'),
      B('Verstanden. Eine Mitarbeiterin oder ein Mitarbeiter übernimmt gleich und nimmt Ihre Kündigung auf.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'bot',
    channels: ['webchat', 'email', 'whatsapp'],
    turns: () => [
      C('Wie kann ich meine Bankverbindung ändern?'),
      B('Das geht am schnellsten im Kundenportal unter „Mein Vertrag → Zahlungsdaten“: https://portal.example.de/zahlungsdaten'),
      C('Gilt das dann schon für die nächste Abbuchung?'),
      B('Ja, wenn Sie die Änderung mindestens 5 Werktage vor dem Abbuchungstermin speichern.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    channels: ['whatsapp', 'telegram'],
    turns: (v) => [
      C(audio('voice-note-2.wav')),
      C('Sorry, Sprachnachricht, bin grad im Auto'),
      B('Danke für Ihre Nachricht! Sprachnachrichten gebe ich an das Team weiter.'),
      A(`Hallo ${v.first}, hier ist ${v.agent}. Sie fragen, ob der Techniker morgen früher kommen kann – ich habe das Zeitfenster auf 8–10 Uhr eingegrenzt.`),
      C('Passt perfekt, danke!'),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    turns: (v) => [
      C('Ich hatte heute einen Termin von 8 bis 12 und niemand ist gekommen. Ich habe mir extra freigenommen!'),
      B('Das tut mir sehr leid. Ich verbinde Sie direkt mit einer Mitarbeiterin oder einem Mitarbeiter.'),
      A(`Hallo ${v.first} ${v.last}, ${v.agent} hier. Ich entschuldige mich für den ausgefallenen Termin – der Techniker ist leider krank geworden und die Absage ging nicht raus.`),
      A(slots('Ich kann Ihnen bevorzugt einen dieser Termine anbieten:')),
      C('Do, 16–20 Uhr'),
      A(file('appointment-confirmation.pdf', `Neue Terminbestätigung T-${v.ticket}`)),
      A('Für den ausgefallenen Termin schreiben wir Ihnen 20 € gut.'),
      C('Ok, danke. Hoffentlich klappt es diesmal.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'bot',
    turns: () => [
      C('Kann ich mich auch persönlich beraten lassen?'),
      B(choice('Gern! Wie möchten Sie beraten werden?', 'Im Service-Center', 'Per Video', 'Per Telefon')),
      C('Im Service-Center'),
      B(location(48.7784, 9.1800, 'Stadtnetz Service-Center', 'Königstraße 40, 70173 Stuttgart')),
      B('Das Service-Center hat Mo–Fr 9–18 Uhr und Sa 10–14 Uhr geöffnet. Einen Termin können Sie hier reservieren: https://www.example.de/beratung'),
      C('Danke, dann komme ich am Samstag.'),
    ],
  },
];
