// The people who write in: a name from their country and the id their channel knows them by
// (a phone number on WhatsApp, a handle on Instagram and Telegram, a mailbox for e-mail, a
// session id in the web chat).
import { asciiName, regions, type ChannelId, type Lang } from './content';
import type { Random } from './random';

export interface Person {
  name: string;
  lang: Lang;
  providerId: string;
  email?: string;
  phoneNumber?: string;
}

function handle(rng: Random, first: string, last: string, separator: string): string {
  const base = `${asciiName(first)}${separator}${asciiName(last)}`.replace(/\./g, separator);
  return rng.pick([base, `${base}${rng.int(70, 99)}`, `${asciiName(first)}${separator}${asciiName(last).charAt(0)}${rng.int(1, 9)}`]);
}

/** A new person for this channel; `taken` holds the names and `channel:providerId`s in use. */
export function newPerson(rng: Random, lang: Lang, channel: ChannelId, taken: Set<string>): Person {
  const region = rng.weighted(
    regions.filter((r) => r.lang === lang),
    (r) => r.weight,
  );
  let first = rng.pick(region.first);
  let last = rng.pick(region.last);
  for (let i = 0; i < 40 && taken.has(`${first} ${last}`); i++) {
    first = rng.pick(region.first);
    last = rng.pick(region.last);
  }
  let name = `${first} ${last}`;
  if (taken.has(name)) name = `${first} ${String.fromCharCode(65 + rng.int(0, 25))}. ${last}`;

  let person: Person;
  for (let attempt = 0; ; attempt++) {
    const suffix = attempt === 0 ? '' : String(attempt);
    switch (channel) {
      case 'whatsapp': {
        const phone = rng.digits(rng.pick(region.phone));
        person = { name, lang, providerId: phone, phoneNumber: phone };
        break;
      }
      case 'email': {
        const mail = `${asciiName(first)}.${asciiName(last)}${suffix}@${region.mailDomain}`;
        person = { name, lang, providerId: mail, email: mail };
        break;
      }
      case 'instagram':
        person = { name, lang, providerId: handle(rng, first, last, rng.pick(['.', '_'])) + suffix };
        break;
      case 'telegram':
        person = { name, lang, providerId: `@${handle(rng, first, last, '_')}${suffix}` };
        break;
      case 'webchat': {
        // The web chat asks for a name before the first message; the session id is the widget's.
        const session = `wc_${rng.digits('########').replace(/\d/g, (d) => 'a1b2c3d4e5f6'.charAt(Number(d)))}${rng.digits('####')}`;
        person = { name, lang, providerId: session };
        break;
      }
    }
    if (!taken.has(`${channel}:${person.providerId}`)) break;
  }
  taken.add(person.name);
  taken.add(`${channel}:${person.providerId}`);
  return person;
}
