// Demo versions: three per chatbot over the past two months. The oldest is live in prod, the
// middle one in test, the newest is still in dev. The middle one also spent a day in prod and
// was rolled back, so the deployment log has real history to show and to roll back from.
import type { ServerContext } from '../context';
import { VersionStore } from '../store/versions';

interface DemoVersion {
  name: string;
  description: string;
}

const catalog: Record<string, [DemoVersion, DemoVersion, DemoVersion]> = {
  bot_shop: [
    {
      name: 'Version 1.1.0 – Sommerschlussverkauf',
      description: 'Rabattcodes, Größenberatung und Versandstatus für den Sommer-Sale.',
    },
    {
      name: 'Version 1.2.0 – Herbstkampagne',
      description: 'Neue Produktempfehlungen und Gutscheinaktion zur Herbstkampagne.',
    },
    {
      name: 'Version 1.3.0 – Weihnachtsgeschäft',
      description: 'Geschenkberatung, verlängerte Rückgabefrist und Lieferzeiten bis Heiligabend.',
    },
  ],
  bot_service: [
    {
      name: 'Version 2.4.0 – Störungsmeldungen',
      description: 'Meldet bekannte Störungen proaktiv und fragt die Kundennummer ab.',
    },
    {
      name: 'Version 2.5.0 – Terminbuchung',
      description: 'Termine mit Technikern direkt im Chat buchen und verschieben.',
    },
    {
      name: 'Version 2.6.0 – Übergabe an das Service-Team',
      description: 'Schnellere Übergabe an Mitarbeitende mit einer Zusammenfassung des Gesprächs.',
    },
  ],
};

const fallback: [DemoVersion, DemoVersion, DemoVersion] = [
  { name: 'Version 1.0.0 – Erstveröffentlichung', description: 'Begrüßung, häufige Fragen und Übergabe an Mitarbeitende.' },
  { name: 'Version 1.1.0 – Öffnungszeiten', description: 'Antwortet auf Fragen zu Öffnungszeiten und Feiertagen.' },
  { name: 'Version 1.2.0 – Mehrsprachigkeit', description: 'Erkennt Englisch und antwortet in der Sprache des Kunden.' },
];

const DAY = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY).toISOString();

export function seedVersions(ctx: ServerContext, chatbotId: string): void {
  const store = new VersionStore(ctx.db);
  const [stable, candidate, next] = catalog[chatbotId] ?? fallback;
  ctx.db.tx(() => {
    const live = store.create(chatbotId, { ...stable, environment: 'prod' }, daysAgo(60));
    const tested = store.create(chatbotId, { ...candidate, environment: 'test' }, daysAgo(21));
    store.record(chatbotId, tested.id, 'prod', 'deploy', daysAgo(14));
    store.record(chatbotId, live.id, 'prod', 'rollback', daysAgo(13));
    store.create(chatbotId, { ...next, environment: 'dev' }, daysAgo(2));
  });
}
