// Demo organizations: German, Austrian, Swiss and British companies with a few members each.
// Runs after the conversations were seeded, so some of the people already chatting with the bot
// turn up as members. A seeded PRNG (no Math.random) makes every demo the same, apart from ids
// and dates, which count back from the moment of seeding.
import type { ServerContext } from '../context';
import type { Contact } from '../wire';
import { ContactStore } from '../store/contacts';
import { OrganizationStore, type OrganizationFields } from '../store/organizations';

type Country = 'de' | 'at' | 'ch' | 'uk';

interface Company {
  name: string;
  domain: string;
  country: Country;
  industry?: string;
  size?: number;
  /** Which optional fields this company has none of, so the demo shows sparse records too. */
  lacks?: ('email' | 'website' | 'phoneNumber')[];
  mailbox?: string;
}

const companies: Company[] = [
  { name: 'Neue Firma GmbH', domain: 'neue-firma.de', country: 'de', industry: 'E-Commerce', size: 10 },
  { name: 'Müller & Söhne Maschinenbau GmbH', domain: 'mueller-soehne.de', country: 'de', industry: 'Maschinenbau', size: 240 },
  { name: 'Bäckerei Schmidt e.K.', domain: 'baeckerei-schmidt.de', country: 'de', industry: 'Lebensmittel', size: 18, lacks: ['website'] },
  { name: 'Nordlicht Logistik GmbH', domain: 'nordlicht-logistik.de', country: 'de', industry: 'Logistik', size: 130 },
  { name: 'Brandt Elektrotechnik GmbH & Co. KG', domain: 'brandt-elektro.de', country: 'de', industry: 'Elektrotechnik', size: 65 },
  { name: 'Alpenblick Hotels AG', domain: 'alpenblick-hotels.at', country: 'at', industry: 'Hotellerie', size: 410, mailbox: 'reservierung' },
  { name: 'Weber Steuerberatung', domain: 'weber-stb.de', country: 'de', industry: 'Steuerberatung', lacks: ['website'], mailbox: 'kanzlei' },
  { name: 'Hansen Medizintechnik AG', domain: 'hansen-medtech.de', country: 'de', industry: 'Medizintechnik', size: 880 },
  { name: 'Kessler Möbelhaus e.K.', domain: 'kessler-moebel.de', country: 'de', industry: 'Einzelhandel', size: 45 },
  { name: 'Rheintal Software GmbH', domain: 'rheintal-software.ch', country: 'ch', industry: 'Software', size: 72 },
  { name: 'Zürcher Treuhand AG', domain: 'zuercher-treuhand.ch', country: 'ch', industry: 'Finanzdienstleistungen', size: 34 },
  { name: 'Blackwood Consulting Ltd', domain: 'blackwood-consulting.co.uk', country: 'uk', industry: 'Consulting', size: 26, mailbox: 'hello' },
  { name: 'Thistle & Rowan Ltd', domain: 'thistleandrowan.co.uk', country: 'uk', industry: 'Fashion', size: 54, mailbox: 'orders' },
  { name: 'Fischer Gartenbau GmbH', domain: 'fischer-gartenbau.de', country: 'de', industry: 'Garten- und Landschaftsbau', size: 23 },
  { name: 'Sonnenhof Bio-Lebensmittel GmbH', domain: 'sonnenhof-bio.de', country: 'de', industry: 'Lebensmittel', size: 95 },
  { name: 'Vogel IT-Service e.K.', domain: 'vogel-it.de', country: 'de', industry: 'IT-Dienstleistungen', size: 7, lacks: ['phoneNumber'] },
  { name: 'Donau Energie AG', domain: 'donau-energie.at', country: 'at', industry: 'Energie', size: 1200, mailbox: 'service' },
  { name: 'Autohaus Lindner GmbH', domain: 'autohaus-lindner.de', country: 'de', industry: 'Automobilhandel', size: 58 },
  { name: 'Hoffmann Druck & Medien GmbH', domain: 'hoffmann-druck.de', country: 'de', industry: 'Druck und Medien', size: 41 },
  { name: 'Meridian Analytics Ltd', domain: 'meridian-analytics.co.uk', country: 'uk', industry: 'Data Analytics', size: 140 },
  { name: 'Bergmann Bau AG', domain: 'bergmann-bau.de', country: 'de', industry: 'Bauwesen', size: 620 },
  { name: 'Praxis Dr. Keller', domain: 'praxis-keller.de', country: 'de', size: 9, lacks: ['website'], mailbox: 'praxis' },
  { name: 'Seeblick Reisen GmbH', domain: 'seeblick-reisen.de', country: 'de', industry: 'Tourismus', size: 31, mailbox: 'buchung' },
  { name: 'Huber Holztechnik GmbH', domain: 'huber-holz.at', country: 'at', industry: 'Holzverarbeitung', size: 77 },
  { name: 'Kaffeerösterei Wagner e.K.', domain: 'roesterei-wagner.de', country: 'de', industry: 'E-Commerce', size: 14, mailbox: 'bestellung' },
  { name: 'Clearwater Software Ltd', domain: 'clearwater-software.co.uk', country: 'uk', industry: 'Software', size: 210, mailbox: 'support' },
  { name: 'Schwarzwald Outdoor GmbH', domain: 'schwarzwald-outdoor.de', country: 'de', industry: 'Sportartikel', size: 88 },
  { name: 'Krause Versicherungsmakler GmbH', domain: 'krause-makler.de', country: 'de', industry: 'Versicherungen', size: 16, lacks: ['email'] },
  { name: 'Pixelwerk Agentur GmbH', domain: 'pixelwerk-agentur.de', country: 'de', industry: 'Marketing', size: 24, mailbox: 'hallo' },
  { name: 'Berner Uhrenmanufaktur AG', domain: 'berner-uhren.ch', country: 'ch', industry: 'Uhren und Schmuck', size: 150 },
  { name: 'Oakridge Home Goods Ltd', domain: 'oakridge-home.co.uk', country: 'uk', industry: 'Retail', size: 300, mailbox: 'customerservice' },
  { name: 'Grünwald Pflegedienst gGmbH', domain: 'gruenwald-pflege.de', country: 'de', industry: 'Pflege', size: 112 },
];

const PER_CHATBOT = 24;

const firstNames: Record<'de' | 'en', string[]> = {
  de: ['Anna', 'Lukas', 'Sophie', 'Maximilian', 'Marie', 'Felix', 'Laura', 'Katharina', 'Tobias', 'Julia', 'Stefan',
    'Sabine', 'Thomas', 'Andrea', 'Michael', 'Petra', 'Florian', 'Lea', 'Niklas', 'Hannah', 'Jürgen', 'Birgit'],
  en: ['Oliver', 'Emily', 'James', 'Charlotte', 'Harry', 'Amelia', 'George', 'Isla', 'Jack', 'Grace', 'Henry', 'Chloe'],
};
const lastNames: Record<Country, string[]> = {
  de: ['Becker', 'Schulz', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun',
    'Krüger', 'Hartmann', 'Lange', 'Werner', 'Lehmann', 'Köhler', 'Maier', 'Weiß', 'Fuchs'],
  at: ['Gruber', 'Huber', 'Bauer', 'Pichler', 'Moser', 'Steiner', 'Hofer', 'Leitner', 'Berger', 'Eder'],
  ch: ['Meier', 'Brunner', 'Baumann', 'Frei', 'Gerber', 'Keller', 'Widmer', 'Zürcher', 'Graf', 'Suter'],
  uk: ['Smith', 'Jones', 'Brown', 'Wilson', 'Evans', 'Walker', 'Wright', 'Hughes', 'Clarke', 'Patel', 'Robinson', 'O\u2019Neill'],
};

// Office and mobile numbers in each country's usual written form. UK numbers use Ofcom's
// ranges reserved for drama, so nobody real is ever "called".
const deAreas = ['30', '40', '89', '221', '69', '711'];
const deMobile = ['151', '152', '157', '160', '170', '171', '176', '178', '162', '159'];
const swiss = (d: string) => `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)}`;
const phoneFormats: Record<Country, { office: (d: string) => string; mobile: (d: string) => string }> = {
  de: {
    office: (d) => `+49 ${deAreas[Number(d[0]) % deAreas.length]} ${d.slice(1, 8)}`,
    mobile: (d) => `+49 ${deMobile[Number(d[0])]} ${d.slice(1, 9)}`,
  },
  at: { office: (d) => `+43 1 ${d.slice(0, 7)}`, mobile: (d) => `+43 664 ${d.slice(0, 7)}` },
  ch: { office: (d) => `+41 44 ${swiss(d)}`, mobile: (d) => `+41 79 ${swiss(d)}` },
  uk: { office: (d) => `+44 20 7946 0${d.slice(0, 3)}`, mobile: (d) => `+44 7700 900${d.slice(0, 3)}` },
};

/** mulberry32: a tiny PRNG, good enough to pick demo data the same way every time. */
function prng(seedText: string): () => number {
  let seed = 2166136261;
  for (const char of seedText) seed = Math.imul(seed ^ char.charCodeAt(0), 16777619);
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const digits = (rng: () => number, n: number): string => Array.from({ length: n }, () => Math.floor(rng() * 10)).join('');

function shuffled<T>(rng: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

const mailPart = (text: string): string =>
  text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z]/g, '');

function organizationFields(company: Company, rng: () => number): OrganizationFields {
  const lacks = new Set(company.lacks);
  const mailbox = company.mailbox ?? (company.country === 'uk' ? 'info' : pick(rng, ['info', 'kontakt']));
  return {
    name: company.name,
    ...(!lacks.has('email') && { email: `${mailbox}@${company.domain}` }),
    ...(!lacks.has('website') && { website: `https://www.${company.domain}` }),
    ...(company.size !== undefined && { size: company.size }),
    ...(company.industry !== undefined && { industry: company.industry }),
    ...(!lacks.has('phoneNumber') && {
      // The docs' own example number belongs to their example company.
      phoneNumber: company.domain === 'neue-firma.de' ? '+4915198765432' : phoneFormats[company.country].office(digits(rng, 9)),
    }),
  };
}

function newMember(contacts: ContactStore, chatbotId: string, company: Company, rng: () => number): Contact {
  const language = company.country === 'uk' ? 'en' : 'de';
  const first = pick(rng, firstNames[language]);
  const last = pick(rng, lastNames[company.country]);
  return contacts.create(chatbotId, {
    name: `${first} ${last}`,
    ...(rng() < 0.85 && { email: `${mailPart(first)}.${mailPart(last)}@${company.domain}` }),
    ...(rng() < 0.7 && { phoneNumber: phoneFormats[company.country].mobile(digits(rng, 9)) }),
    language,
  });
}

export function seedOrganizations(ctx: ServerContext, chatbotId: string): void {
  const rng = prng(`organizations:${chatbotId}`);
  const organizations = new OrganizationStore(ctx.db);
  const contacts = new ContactStore(ctx.db);
  const chosen = shuffled(rng, companies).slice(0, PER_CHATBOT);

  // About half of the people already chatting with the bot work for one of these companies.
  const existing = shuffled(rng, contacts.list(chatbotId));
  const pool = existing.slice(0, Math.ceil(existing.length / 2));

  const dayMs = 24 * 60 * 60 * 1000;
  const now = Date.now();
  let previousMember: Contact | undefined;
  chosen.forEach((company, index) => {
    // Oldest first, about nine days apart over roughly seven months; the jitter stays under a
    // step, so no two dates collide and list pages never tie.
    const ageMs = (PER_CHATBOT - index) * 9 * dayMs - Math.floor(rng() * 8 * dayMs);
    const createdAt = new Date(now - ageMs);
    const edited = rng() < 0.4 ? Math.floor(rng() * Math.min(ageMs, 30 * dayMs)) : 0;
    const organization = organizations.create(chatbotId, organizationFields(company, rng), {
      createdAt: createdAt.toISOString(),
      updatedAt: new Date(createdAt.getTime() + edited).toISOString(),
    });

    const memberCount = 1 + Math.floor(rng() * 6);
    const members: Contact[] = [];
    // Every fifth company shares a member with the one before: a freelancer working for both.
    if (index % 5 === 4 && previousMember) members.push(previousMember);
    while (members.length < memberCount) {
      const fromPool = pool.length > 0 && rng() < 0.45;
      members.push(fromPool ? pool.shift()! : newMember(contacts, chatbotId, company, rng));
    }
    for (const member of members) contacts.link(member.id, organization.id);
    previousMember = members.at(-1);
  });
}
