// The online shop's German conversations (Nordlicht Outfitters, "Shop-Assistent"). The shop
// says "du", as sports shops in chat do.
import { A, B, C, audio, card, carousel, choice, dropdown, file, image, location, video, type Script } from './content';

const track = (order: string) =>
  card({
    title: `Bestellung #${order}`,
    subtitle: 'Unterwegs · Zustellung voraussichtlich morgen, 10–14 Uhr',
    image: 'sneaker.svg',
    actions: [
      ['url', 'Sendung verfolgen', `https://shop.example.de/bestellungen/${order}/tracking`],
      ['postback', 'Lieferadresse ändern', 'change_address'],
    ],
  });

const topics = choice('Hallo! Ich bin der Shop-Assistent von Nordlicht Outfitters. Worum geht es?', 'Bestellung & Lieferung', 'Rücksendung', 'Rechnung', 'Produktberatung');

export const shopScriptsDe: Script[] = [
  {
    lang: 'de',
    outcome: 'bot',
    turns: (v) => [
      C(`Hi, wo ist meine Bestellung #${v.order}?`),
      B(topics),
      C('Bestellung & Lieferung'),
      B(track(v.order)),
      B(video('parcel.webm')),
      C('Super, danke! 👍'),
      B('Gern geschehen! Schönen Tag noch ☀️'),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    turns: (v) => [
      C('Hallo, ich möchte die Trail Runner zurückschicken, sie sind zu klein.'),
      B(dropdown('Schade! Was ist der Grund für die Rücksendung?', 'Zu klein', 'Zu groß', 'Gefällt mir nicht', 'Artikel beschädigt', 'Falscher Artikel')),
      C('Zu klein'),
      B(file('return-label.pdf', `Retourenschein zu Bestellung #${v.order}`)),
      B('Hier ist dein kostenloser Retourenschein. Die Erstattung erfolgt innerhalb von 5 Werktagen nach Eingang.'),
      C('Kann ich nicht einfach eine Nummer größer bekommen statt Geld zurück?'),
      B('Einen Umtausch kann ich leider nicht selbst anlegen – ich gebe dich an eine Kollegin oder einen Kollegen weiter.'),
      A(`Hallo ${v.first}, hier ist ${v.agent} vom Kundenservice. Klar, das geht! Welche Größe hattest du bestellt?`),
      C('42, bräuchte 43'),
      A(image('size-chart.svg')),
      A('Die 43 ist auf Lager. Ich habe den Umtausch angelegt – schick die 42 einfach mit dem Retourenschein zurück, die 43 geht heute noch raus.'),
      C('Perfekt, vielen Dank!'),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    channels: ['whatsapp', 'instagram', 'telegram', 'webchat'],
    turns: (v) => [
      C(image('parcel-damaged.svg')),
      C('So kam mein Paket heute an 😡 Der Karton ist total eingedrückt.'),
      B(choice('Das tut uns sehr leid! Wie möchtest du weitermachen?', 'Ersatzlieferung', 'Geld zurück', 'Mit Mitarbeiter sprechen')),
      C('Mit Mitarbeiter sprechen'),
      B('Ich verbinde dich mit unserem Team. Das dauert meist nur ein paar Minuten.'),
      A(`Hi ${v.first}, ${v.agent} hier. Oh je, das sieht übel aus. Ist der Inhalt auch beschädigt?`),
      C('Die Schuhe selbst scheinen ok, aber der Karton ist hin und ich wollte sie verschenken.'),
      A('Verstehe. Ich schicke dir kostenlos einen neuen Schuhkarton und schreibe dir einen 10-€-Gutschein gut. Passt das?'),
      C('Ja, das ist fair. Danke!'),
      A('Gern! Der Gutscheincode kommt gleich per E-Mail.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'handoff',
    turns: (v) => [
      C(`Meine Bestellung #${v.order} sollte gestern kommen und ist immer noch nicht da.`),
      B(
        card({
          title: `Bestellung #${v.order}`,
          subtitle: 'Verzögerung beim Versanddienstleister · neue Zustellung: übermorgen',
          actions: [['url', 'Sendung verfolgen', `https://shop.example.de/bestellungen/${v.order}/tracking`]],
        }),
      ),
      C('Das ist jetzt schon das zweite Mal. Ich brauche die Jacke am Wochenende für den Urlaub!'),
      B('Das verstehe ich. Soll ich prüfen, ob wir eine Expresslieferung anstoßen können?'),
      C('Ich möchte mit einem Menschen sprechen.'),
      B('Alles klar, ich habe dich an unser Team weitergegeben. Die Wartezeit beträgt gerade etwa 5 Minuten.'),
      C('Ok, ich warte.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    channels: ['email', 'webchat'],
    turns: (v) => [
      C(`Guten Tag, ich brauche für Bestellung #${v.order} eine Rechnung mit unserer Firmenadresse (Kramer & Söhne GbR, Hafenstraße 3, 28217 Bremen). Danke, ${v.first} ${v.last}`),
      B(file('invoice-48213.pdf', `Rechnung zu Bestellung #${v.order}`)),
      B('Hier ist die Rechnung zu deiner Bestellung. Für eine geänderte Rechnungsadresse leite ich dich an das Team weiter.'),
      A(`Hallo ${v.first}, ich habe die Rechnungsadresse auf Kramer & Söhne GbR geändert. Die korrigierte Rechnung hängt an.`),
      A(file('invoice-48213.pdf', `Rechnung #${v.order} (korrigiert)`)),
      C('Vielen Dank für die schnelle Hilfe!'),
    ],
  },
  {
    lang: 'de',
    outcome: 'bot',
    channels: ['webchat', 'instagram', 'whatsapp'],
    turns: () => [
      C('Ich suche eine wasserdichte Jacke fürs Wandern in Norwegen.'),
      B(
        carousel(
          { title: 'Regenjacke Fjord', subtitle: '129,00 € · 20.000 mm Wassersäule', image: 'rain-jacket.svg', actions: [['url', 'Ansehen', 'https://shop.example.de/p/regenjacke-fjord'], ['postback', 'In den Warenkorb', 'add_fjord']] },
          { title: 'Rucksack Kaskade 28', subtitle: '79,95 € · mit Regenhülle', image: 'backpack.svg', actions: [['url', 'Ansehen', 'https://shop.example.de/p/kaskade-28']] },
          { title: 'Trail Runner', subtitle: '89,95 € · Gore-Tex', image: 'sneaker.svg', actions: [['url', 'Ansehen', 'https://shop.example.de/p/trail-runner']] },
        ),
      ),
      C('Die Fjord gefällt mir! Gibt es die auch in M?'),
      B(choice('Die Regenjacke Fjord gibt es in M in zwei Farben. Welche darf es sein?', 'Gelb', 'Petrol')),
      C('Gelb'),
      B('Top Wahl! Hier geht es direkt zur Jacke in Gelb, Größe M: https://shop.example.de/p/regenjacke-fjord?farbe=gelb&groesse=M'),
    ],
  },
  {
    lang: 'de',
    outcome: 'bot',
    channels: ['webchat'],
    turns: (v) => [
      C('<b>Hallo</b><script>alert(1)</script> Ist mein Paket schon da?'),
      B('Hallo! Gerne schaue ich nach. Wie lautet deine Bestellnummer? Du findest sie in der Bestellbestätigung.'),
      C(`#${v.order}`),
      B(track(v.order)),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    channels: ['whatsapp', 'telegram'],
    turns: (v) => [
      C(audio('voice-note.wav')),
      B('Sprachnachrichten kann ich leider noch nicht verstehen. Eine Kollegin oder ein Kollege hört sie sich gleich an.'),
      A(`Hallo ${v.first}, ich bin ${v.agent}. Ich habe deine Sprachnachricht gehört: Du möchtest das Paket an eine andere Adresse schicken lassen, richtig?`),
      C('Genau, ich bin diese Woche bei meinen Eltern. Hier ist der Standort:'),
      C(location(50.9413, 6.9583, 'Bei meinen Eltern', 'Domkloster 4, 50667 Köln')),
      A(`Danke! Ich habe die Lieferadresse für Bestellung #${v.order} geändert. Der Paketdienst liefert dorthin am Donnerstag.`),
      C('Mega, danke dir!'),
    ],
  },
  {
    lang: 'de',
    outcome: 'bot',
    turns: () => [
      C('Kann ich bei euch auch auf Rechnung zahlen?'),
      B(dropdown('Bei uns kannst du so bezahlen – wähle eine Option für Details:', 'Rechnung (Klarna)', 'PayPal', 'Kreditkarte', 'Vorkasse', 'Apple Pay')),
      C('Rechnung (Klarna)'),
      B('Mit Klarna zahlst du bequem innerhalb von 30 Tagen nach Versand. Die Rechnung kommt per E-Mail von Klarna. Mehr dazu: https://shop.example.de/hilfe/zahlung'),
      C('Und gibt es eine Mindestbestellmenge?'),
      B('Nein, Kauf auf Rechnung geht ab dem ersten Euro. Ab 50 € ist außerdem der Versand kostenlos 🚚'),
    ],
  },
  {
    lang: 'de',
    outcome: 'bot',
    channels: ['instagram', 'whatsapp', 'webchat', 'telegram'],
    turns: () => [
      C('Habt ihr auch einen Laden in Hamburg? Würde die Schuhe gern anprobieren.'),
      B(location(53.5436, 9.9937, 'Nordlicht Outfitters Hamburg', 'Speicherstadt 12, 20457 Hamburg')),
      B(image('map-tile.svg')),
      B('Unser Store in der Speicherstadt hat Mo–Sa von 10 bis 19 Uhr geöffnet. Die Trail Runner sind dort in allen Größen vorrätig.'),
      C('Cool, dann komme ich Samstag vorbei.'),
    ],
  },
  {
    lang: 'de',
    outcome: 'agent',
    turns: (v) => [
      C('Zum DRITTEN Mal bekomme ich die falsche Größe geliefert!! Ich will einfach nur mein Geld zurück.'),
      B('Das tut mir wirklich leid. Ich verbinde dich sofort mit einem Menschen aus unserem Team.'),
      A(`Hallo ${v.first}, hier ist ${v.agent}. Das ist ärgerlich, und es tut mir leid. Ich sehe, bei Bestellung #${v.order} wurde im Lager die 44 statt der 42 gepickt.`),
      A('Ich habe die Erstattung über 89,95 € sofort veranlasst – du musst die Schuhe nicht mal zurückschicken, spende sie gern.'),
      C('Oh. Ok, damit hätte ich nicht gerechnet. Danke.'),
      A('Ich habe außerdem das Lager informiert, damit das nicht noch mal passiert. Noch einen schönen Abend!'),
    ],
  },
  {
    lang: 'de',
    outcome: 'handoff',
    channels: ['whatsapp', 'email', 'webchat'],
    turns: () => [
      C('Hallo, ich habe die Trail Runner im Laden in Hamburg gekauft. Kann ich sie online umtauschen? Beleg anbei.'),
      C(image('receipt.svg')),
      B('Danke für den Beleg! Käufe aus dem Store können im Store oder per Post umgetauscht werden. Ich frage kurz beim Team nach, ob ein Online-Umtausch möglich ist.'),
      C('Ich möchte mit einem Menschen sprechen, das ist mir zu kompliziert.'),
      B('Klar! Ich habe dich in die Warteschlange gesetzt – eine Kollegin oder ein Kollege meldet sich gleich.'),
    ],
  },
];
