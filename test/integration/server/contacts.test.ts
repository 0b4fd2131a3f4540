// A conversation's contact (GET contacts/{id}) and a contact's conversations (the documented
// contactId filter), against the seeded demo: some customers wrote in before, on another channel.
import { describe, expect, it } from 'vitest';
import type { Contact, Conversation } from '../../../src/server/wire';
import { call, useServer } from '../../support/server';

const server = useServer({ demo: true });
const base = '/v1/chatbots/bot_shop';

async function conversations(query = ''): Promise<Conversation[]> {
  const response = await call(server.get(), 'GET', `${base}/conversations${query}`);
  expect(response.status).toBe(200);
  return response.body.conversations;
}

describe('a conversation’s contact', () => {
  it('answers the contact of a conversation with what the organizations list says of them', async () => {
    const all = await conversations();
    const withOrganization: Contact[] = [];
    for (const c of all) {
      const response = await call(server.get(), 'GET', `${base}/contacts/${c.contactId}`);
      expect(response.status).toBe(200);
      const contact = response.body.contact as Contact;
      expect(contact).toMatchObject({ id: c.contactId, name: c.contactName });
      if (contact.organizationIds.length > 0) withOrganization.push(contact);
    }
    expect(withOrganization.length).toBeGreaterThan(0);
    const [member] = withOrganization;
    const listed = await call(server.get(), 'GET', `${base}/organizations/${member!.organizationIds[0]}/contacts`);
    expect(listed.body.contacts).toContainEqual(member);
  });

  it('answers 404 for an unknown contact and for one of another chatbot, with the documented error shape', async () => {
    const missing = await call(server.get(), 'GET', `${base}/contacts/contact_missing`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: expect.stringContaining('contact_missing'), type: 'ResourceNotFound' });
    const [other] = (await call(server.get(), 'GET', '/v1/chatbots/bot_service/conversations')).body.conversations as Conversation[];
    expect((await call(server.get(), 'GET', `${base}/contacts/${other!.contactId}`)).status).toBe(404);
    expect((await call(server.get(), 'GET', `${base}/contacts/${'x'.repeat(101)}`)).status).toBe(400);
  });
});

describe('returning customers in the demo', () => {
  it('gives some contacts an earlier, closed conversation on another channel, found with contactId', async () => {
    const all = await conversations();
    const byContact = new Map<string, Conversation[]>();
    for (const c of all) byContact.set(c.contactId, [...(byContact.get(c.contactId) ?? []), c]);
    const returning = [...byContact.values()].filter((list) => list.length > 1);
    expect(returning.length).toBeGreaterThanOrEqual(5);
    for (const list of returning) {
      const filtered = await conversations(`?contactId=${list[0]!.contactId}`);
      expect(filtered.map((c) => c.id).sort()).toEqual(list.map((c) => c.id).sort());
      expect(new Set(list.map((c) => c.channelId)).size).toBe(list.length);
      const earlier = list.filter((c) => c.status === 'closed' && c.unreadCount === 0);
      expect(earlier.length).toBeGreaterThanOrEqual(1);
    }
  });
});
