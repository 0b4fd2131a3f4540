// Organizations endpoints against a real local server with the demo workspace seeded.
import { describe, expect, it } from 'vitest';
import { call, useServer } from '../../support/server';

const server = useServer({ demo: true });
const base = (chatbotId = 'bot_shop') => `/v1/chatbots/${chatbotId}/organizations`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted on shape
type Json = any;

async function create(body: Record<string, unknown>, chatbotId = 'bot_shop'): Promise<Json> {
  const response = await call(server.get(), 'POST', base(chatbotId), { body });
  expect(response.status).toBe(201);
  return response.body.organization;
}

async function listAll(chatbotId: string, limit: number): Promise<Json[]> {
  const all: Json[] = [];
  let token: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const query = `?limit=${limit}${token ? `&pageToken=${encodeURIComponent(token)}` : ''}`;
    const response = await call(server.get(), 'GET', base(chatbotId) + query);
    expect(response.status).toBe(200);
    expect(response.body.organizations.length).toBeLessThanOrEqual(limit);
    all.push(...response.body.organizations);
    token = response.body.nextPageToken;
    if (!token) return all;
    expect(token).toBe(response.body.organizations.at(-1).createdAt);
  }
  throw new Error('pagination did not end');
}

function expectError(response: { status: number; body: Json }, status: number, type: string, mentions: string): void {
  expect(response.status).toBe(status);
  expect(response.body).toEqual({ error: expect.any(String), type });
  expect(response.body.error).toContain(mentions);
}

describe('demo seed', () => {
  it('gives every chatbot at least 20 organizations, each with 1 to 6 contacts', async () => {
    for (const chatbotId of ['bot_shop', 'bot_service']) {
      const organizations = await listAll(chatbotId, 250);
      expect(organizations.length).toBeGreaterThanOrEqual(20);
      const dates = organizations.map((o) => o.createdAt);
      expect(new Set(dates).size).toBe(dates.length);
      expect(new Date(dates.at(-1)).getTime()).toBeLessThan(Date.now() - 60 * 24 * 3600 * 1000);
      expect(organizations.some((o) => /(GmbH|AG|e\.K\.|Ltd)$/.test(o.name))).toBe(true);
      for (const organization of organizations) {
        const { body } = await call(server.get(), 'GET', `${base(chatbotId)}/${organization.id}/contacts`);
        expect(body.contacts.length).toBeGreaterThanOrEqual(1);
        expect(body.contacts.length).toBeLessThanOrEqual(6);
        for (const contact of body.contacts) expect(contact.organizationIds).toContain(organization.id);
        const count = await call(server.get(), 'GET', `${base(chatbotId)}/${organization.id}/contacts/count`);
        expect(count.body).toEqual({ count: body.contacts.length });
      }
    }
  });
});

describe('create and get', () => {
  it('creates an organization with every field and reads it back', async () => {
    const body = {
      name: 'Neue Firma GmbH',
      email: 'info@neue-firma.de',
      website: 'https://neue-firma.de',
      size: 10,
      industry: 'E-Commerce',
      phoneNumber: '+4915198765432',
    };
    const response = await call(server.get(), 'POST', base(), { body });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      organization: { id: expect.stringMatching(/^org_/), ...body, createdAt: expect.any(String), updatedAt: expect.any(String) },
    });
    const { organization } = response.body;
    expect(organization.updatedAt).toBe(organization.createdAt);
    const read = await call(server.get(), 'GET', `${base()}/${organization.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ organization });
  });

  it('omits absent optional fields, trims the name and stores other text as given', async () => {
    const minimal = await create({ name: '  Kleinbetrieb e.K.  ' });
    expect(Object.keys(minimal).sort()).toEqual(['createdAt', 'id', 'name', 'updatedAt']);
    expect(minimal.name).toBe('Kleinbetrieb e.K.');
    const html = await create({ name: '<b>Fett</b> & Co', industry: '<script>alert(1)</script>', size: 0 });
    const read = await call(server.get(), 'GET', `${base()}/${html.id}`);
    expect(read.body.organization).toMatchObject({ name: '<b>Fett</b> & Co', industry: '<script>alert(1)</script>', size: 0 });
  });

  it.each([
    ['a missing name', { email: 'a@b.de' }, 'body.name'],
    ['a blank name', { name: '   ' }, 'body.name'],
    ['a numeric name', { name: 42 }, 'body.name'],
    ['a size given as a string', { name: 'X', size: '10' }, 'body.size'],
    ['a negative size', { name: 'X', size: -1 }, 'body.size'],
    ['a fractional size', { name: 'X', size: 1.5 }, 'body.size'],
    ['a bad email', { name: 'X', email: 'info(at)x.de' }, 'body.email'],
    ['a non-http website', { name: 'X', website: 'ftp://x.de' }, 'body.website'],
    ['a script website', { name: 'X', website: 'javascript:alert(1)' }, 'body.website'],
    ['a website without scheme', { name: 'X', website: 'www.x.de' }, 'body.website'],
    ['a phone number with letters', { name: 'X', phoneNumber: 'call me' }, 'body.phoneNumber'],
    ['a phone number too short', { name: 'X', phoneNumber: '+49' }, 'body.phoneNumber'],
    ['an unknown field', { name: 'X', employees: 5 }, 'employees'],
  ])('rejects %s with 400', async (_label, body, field) => {
    expectError(await call(server.get(), 'POST', base(), { body }), 400, 'InvalidPayload', field);
  });

  it('rejects malformed JSON, no body and a non-object body with 400', async () => {
    const malformed = await call(server.get(), 'POST', base(), { rawBody: '{"name": ' });
    expectError(malformed, 400, 'InvalidPayload', 'JSON');
    expectError(await call(server.get(), 'POST', base(), { rawBody: '' }), 400, 'InvalidPayload', 'body');
    expectError(await call(server.get(), 'POST', base(), { body: ['X'] }), 400, 'InvalidPayload', 'body');
  });

  it('answers 404 for an unknown id and for an organization of another chatbot', async () => {
    expectError(await call(server.get(), 'GET', `${base()}/org_nope`), 404, 'ResourceNotFound', 'org_nope');
    const own = await create({ name: 'Nur im Shop GmbH' });
    expectError(await call(server.get(), 'GET', `${base('bot_service')}/${own.id}`), 404, 'ResourceNotFound', own.id);
    expectError(await call(server.get(), 'PATCH', `${base('bot_service')}/${own.id}`, { body: { size: 1 } }), 404, 'ResourceNotFound', own.id);
    expectError(await call(server.get(), 'DELETE', `${base('bot_service')}/${own.id}`), 404, 'ResourceNotFound', own.id);
    expect((await call(server.get(), 'GET', `${base()}/${own.id}`)).status).toBe(200);
  });
});

describe('list', () => {
  it('pages newest first without gaps or duplicates', async () => {
    const made = [];
    for (let i = 0; i < 6; i++) made.push(await create({ name: `Paging ${i} GmbH` }, 'bot_service'));
    const everything = (await call(server.get(), 'GET', `${base('bot_service')}?limit=250`)).body.organizations as Json[];
    expect(everything.slice(0, 6).map((o) => o.id)).toEqual(made.reverse().map((o) => o.id));

    const paged = await listAll('bot_service', 4);
    expect(paged.map((o) => o.id)).toEqual(everything.map((o) => o.id));
    const times = paged.map((o) => Date.parse(o.createdAt));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThan(times[i - 1]!);
  });

  it('takes a pageToken with an offset and returns only older organizations', async () => {
    const all = (await call(server.get(), 'GET', `${base()}?limit=250`)).body.organizations as Json[];
    const pivot = all[3];
    // The same instant written in UTC+2, as a client in Berlin might send it.
    const token = new Date(Date.parse(pivot.createdAt) + 2 * 3600 * 1000).toISOString().replace('Z', '+02:00');
    const page = await call(server.get(), 'GET', `${base()}?limit=2&pageToken=${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({ organizations: all.slice(4, 6), nextPageToken: all[5].createdAt });
  });

  it('uses a default limit of 50 and omits nextPageToken on the last page', async () => {
    const all = (await call(server.get(), 'GET', `${base()}?limit=250`)).body;
    expect(all.nextPageToken).toBeUndefined();
    const first = await call(server.get(), 'GET', base());
    expect(first.body.organizations).toEqual(all.organizations.slice(0, 50));
    expect('nextPageToken' in first.body).toBe(all.organizations.length > 50);
    const last = all.organizations.at(-1);
    const empty = await call(server.get(), 'GET', `${base()}?pageToken=${encodeURIComponent(last.createdAt)}`);
    expect(empty.body).toEqual({ organizations: [] });
  });

  it.each([
    ['pageToken=yesterday', 'pageToken'],
    ['pageToken=2024-09-29', 'pageToken'],
    ['limit=0', 'limit'],
    ['limit=251', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=2.5', 'limit'],
  ])('rejects ?%s with 400 InvalidQuery', async (query, field) => {
    expectError(await call(server.get(), 'GET', `${base()}?${query}`), 400, 'InvalidQuery', `query.${field}`);
  });
});

describe('search', () => {
  const search = (query: string) => call(server.get(), 'GET', `${base()}/search?${query}`);

  it('matches name, email, website and industry case-insensitively, with paging and a total', async () => {
    const ids = [
      (await create({ name: 'Quokka Alpha GmbH' })).id,
      (await create({ name: 'kleine QUOKKA AG' })).id,
      (await create({ name: 'Mail GmbH', email: 'info@quokka-mail.de' })).id,
      (await create({ name: 'Web GmbH', website: 'https://www.quokka-web.de' })).id,
      (await create({ name: 'Zucht GmbH', industry: 'Quokka-Zucht' })).id,
    ];
    await create({ name: 'Kein Treffer GmbH', industry: 'Kängurus' });
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const response = await search(`query=qUoKkA&page=${page}&pageSize=2`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ organizations: expect.any(Array), page, pageSize: 2, total: 5 });
      expect(response.body.organizations).toHaveLength(page === 3 ? 1 : 2);
      seen.push(...response.body.organizations.map((o: Json) => o.id));
    }
    expect(seen.sort()).toEqual([...ids].sort());
    expect((await search('query=quokka&page=4&pageSize=2')).body).toEqual({ organizations: [], page: 4, pageSize: 2, total: 5 });

    const hidden = await search(`query=quokka&page=1&pageSize=10&hiddenHits=${ids[0]},%20${ids[2]},`);
    expect(hidden.body.total).toBe(3);
    expect(hidden.body.organizations.map((o: Json) => o.id).sort()).toEqual([ids[1], ids[3], ids[4]].sort());
  });

  it('ignores case and accents beyond ASCII: "MÜLLER" and "muller" find "Bäckerei Müller"', async () => {
    const org = await create({ name: 'Bäckerei Müller e.K.', industry: 'Lebensmittel', email: 'info@mueller.example' });
    for (const term of ['MÜLLER', 'muller', 'BÄCKEREI', 'backerei müller']) {
      const response = await call(server.get(), 'GET', `${base()}/search?query=${encodeURIComponent(term)}&page=1&pageSize=50`);
      expect(response.status, term).toBe(200);
      expect(response.body.organizations.map((o: Json) => o.id), term).toContain(org.id);
    }
  });

  it('treats % and _ in the term literally', async () => {
    const percent = await create({ name: '100% Bio GmbH' });
    await create({ name: 'Biomarkt 1000 Sorten GmbH' });
    const underscore = await create({ name: 'Bio_Markt AG' });
    await create({ name: 'Bio-Markt Köln GmbH' });
    const byPercent = await search(`query=${encodeURIComponent('100%')}&page=1&pageSize=50`);
    expect(byPercent.body.organizations.map((o: Json) => o.id)).toEqual([percent.id]);
    const byUnderscore = await search('query=bio_m&page=1&pageSize=50');
    expect(byUnderscore.body.organizations.map((o: Json) => o.id)).toEqual([underscore.id]);
    expect((await search(`query=${encodeURIComponent('%')}&page=1&pageSize=50`)).body.total).toBe(1);
  });

  it('is not captured by the organization-id route', async () => {
    expectError(await call(server.get(), 'GET', `${base()}/search`), 400, 'InvalidQuery', 'query.query');
  });

  it.each([
    ['page=1&pageSize=10', 'query.query'],
    ['query=&page=1&pageSize=10', 'query.query'],
    ['query=x&pageSize=10', 'query.page'],
    ['query=x&page=0&pageSize=10', 'query.page'],
    ['query=x&page=1', 'query.pageSize'],
    ['query=x&page=1&pageSize=251', 'query.pageSize'],
    ['query=x&page=1&pageSize=ten', 'query.pageSize'],
  ])('rejects ?%s with 400 InvalidQuery', async (query, field) => {
    expectError(await search(query), 400, 'InvalidQuery', field);
  });
});

describe('patch and delete', () => {
  it('updates given fields, clears fields set to null and bumps updatedAt', async () => {
    const original = await create({ name: 'Alt GmbH', email: 'alt@alt.de', size: 3 });
    const response = await call(server.get(), 'PATCH', `${base()}/${original.id}`, {
      body: { name: 'Neu GmbH', size: 4, email: null, industry: 'Handel' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      organization: { id: original.id, name: 'Neu GmbH', size: 4, industry: 'Handel', createdAt: original.createdAt, updatedAt: expect.any(String) },
    });
    expect(Date.parse(response.body.organization.updatedAt)).toBeGreaterThan(Date.parse(original.updatedAt));
    expect((await call(server.get(), 'GET', `${base()}/${original.id}`)).body).toEqual(response.body);
  });

  it.each([
    ['an empty body', {}, 'at least one field'],
    ['a typo', { nmae: 'X' }, 'nmae'],
    ['a null name', { name: null }, 'body.name'],
    ['a bad email', { email: 'nope' }, 'body.email'],
    ['a bad website', { website: 'http://' }, 'body.website'],
    ['a string size', { size: 'viele' }, 'body.size'],
  ])('rejects %s with 400 and changes nothing', async (_label, body, mentions) => {
    const organization = await create({ name: 'Fest GmbH', size: 1 });
    expectError(await call(server.get(), 'PATCH', `${base()}/${organization.id}`, { body }), 400, 'InvalidPayload', mentions);
    expect((await call(server.get(), 'GET', `${base()}/${organization.id}`)).body).toEqual({ organization });
  });

  it('rejects a malformed PATCH body and an unknown id', async () => {
    const organization = await create({ name: 'Json GmbH' });
    expectError(await call(server.get(), 'PATCH', `${base()}/${organization.id}`, { rawBody: '{size:1}' }), 400, 'InvalidPayload', 'JSON');
    expectError(await call(server.get(), 'PATCH', `${base()}/org_nope`, { body: { size: 1 } }), 404, 'ResourceNotFound', 'org_nope');
  });

  it('deletes an organization, keeps its members and drops only their link to it', async () => {
    const organizations = (await call(server.get(), 'GET', `${base()}?limit=250`)).body.organizations as Json[];
    let shared: { contact: Json; other: string; victim: string } | undefined;
    for (const organization of organizations) {
      const { contacts } = (await call(server.get(), 'GET', `${base()}/${organization.id}/contacts`)).body;
      const contact = contacts.find((c: Json) => c.organizationIds.length > 1);
      if (contact) {
        shared = { contact, victim: organization.id, other: contact.organizationIds.find((id: string) => id !== organization.id) };
        break;
      }
    }
    if (!shared) throw new Error('the demo seed should give some contact two organizations');
    const countBefore = (await call(server.get(), 'GET', `${base()}/${shared.other}/contacts/count`)).body.count;

    expect((await call(server.get(), 'DELETE', `${base()}/${shared.victim}`)).body).toEqual({ deleted: true });
    expectError(await call(server.get(), 'GET', `${base()}/${shared.victim}`), 404, 'ResourceNotFound', shared.victim);
    expectError(await call(server.get(), 'DELETE', `${base()}/${shared.victim}`), 404, 'ResourceNotFound', shared.victim);
    expectError(await call(server.get(), 'GET', `${base()}/${shared.victim}/contacts`), 404, 'ResourceNotFound', shared.victim);
    expectError(await call(server.get(), 'GET', `${base()}/${shared.victim}/contacts/count`), 404, 'ResourceNotFound', shared.victim);

    const { contacts } = (await call(server.get(), 'GET', `${base()}/${shared.other}/contacts`)).body;
    const survivor = contacts.find((c: Json) => c.id === shared.contact.id);
    expect(survivor).toEqual({ ...shared.contact, organizationIds: shared.contact.organizationIds.filter((id: string) => id !== shared.victim) });
    expect((await call(server.get(), 'GET', `${base()}/${shared.other}/contacts/count`)).body).toEqual({ count: countBefore });
  });

  it('lists no contacts for a new organization', async () => {
    const organization = await create({ name: 'Leer GmbH' });
    expect((await call(server.get(), 'GET', `${base()}/${organization.id}/contacts`)).body).toEqual({ contacts: [] });
    expect((await call(server.get(), 'GET', `${base()}/${organization.id}/contacts/count`)).body).toEqual({ count: 0 });
  });
});

describe('permissions', () => {
  it.each(['agent', 'viewer'] as const)('lets the %s key read but not write', async (role) => {
    const key = server.get().workspace.keys[role];
    const organization = await create({ name: `Rechte ${role} GmbH` });
    const path = `${base()}/${organization.id}`;
    expect((await call(server.get(), 'GET', base(), { key })).status).toBe(200);
    expect((await call(server.get(), 'GET', path, { key })).body).toEqual({ organization });
    expect((await call(server.get(), 'GET', `${base()}/search?query=Rechte&page=1&pageSize=5`, { key })).status).toBe(200);
    expect((await call(server.get(), 'GET', `${path}/contacts`, { key })).status).toBe(200);
    expect((await call(server.get(), 'GET', `${path}/contacts/count`, { key })).status).toBe(200);

    expectError(await call(server.get(), 'POST', base(), { key, body: { name: 'Nein GmbH' } }), 403, 'Forbidden', 'chatbots.organizations.create');
    expectError(await call(server.get(), 'PATCH', path, { key, body: { name: 'Nein GmbH' } }), 403, 'Forbidden', 'chatbots.organizations.edit');
    expectError(await call(server.get(), 'DELETE', path, { key }), 403, 'Forbidden', 'chatbots.organizations.delete');
    expect((await call(server.get(), 'GET', path)).body).toEqual({ organization });
  });

  it('answers 401 without a key and 403 for a chatbot the key cannot reach', async () => {
    expectError(await call(server.get(), 'GET', base(), { key: null }), 401, 'Unauthorized', 'x-chatcaptain-key');
    expectError(await call(server.get(), 'GET', base('bot_elsewhere')), 403, 'Forbidden', 'bot_elsewhere');
  });
});
