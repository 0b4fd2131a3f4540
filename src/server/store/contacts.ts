// Contacts: the people on the other side of conversations, optionally members of organizations.
import type { Contact } from '../wire';
import type { Db } from '../db/database';
import { newId, nowIso } from '../clock';

interface ContactRow {
  id: string;
  name: string;
  email: string | null;
  phone_number: string | null;
  language: string | null;
  created_at: string;
  organization_ids: string | null; // group_concat, comma-separated
}

const select = `
  SELECT c.*, (SELECT group_concat(organization_id) FROM contact_organizations WHERE contact_id = c.id) AS organization_ids
  FROM contacts c`;

function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    name: row.name,
    ...(row.email !== null && { email: row.email }),
    ...(row.phone_number !== null && { phoneNumber: row.phone_number }),
    ...(row.language !== null && { language: row.language }),
    organizationIds: row.organization_ids ? row.organization_ids.split(',').sort() : [],
    createdAt: row.created_at,
  };
}

export interface NewContact {
  name: string;
  email?: string;
  phoneNumber?: string;
  language?: string;
}

export class ContactStore {
  constructor(private readonly db: Db) {}

  create(chatbotId: string, input: NewContact): Contact {
    const id = newId('contact');
    this.db.run(
      'INSERT INTO contacts (id, chatbot_id, name, email, phone_number, language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      id,
      chatbotId,
      input.name,
      input.email ?? null,
      input.phoneNumber ?? null,
      input.language ?? null,
      nowIso(),
    );
    return this.get(chatbotId, id)!;
  }

  get(chatbotId: string, id: string): Contact | undefined {
    const row = this.db.get<ContactRow>(`${select} WHERE c.chatbot_id = ? AND c.id = ?`, chatbotId, id);
    return row && toContact(row);
  }

  link(contactId: string, organizationId: string): void {
    this.db.run('INSERT OR IGNORE INTO contact_organizations (contact_id, organization_id) VALUES (?, ?)', contactId, organizationId);
  }

  listByOrganization(organizationId: string): Contact[] {
    return this.db
      .all<ContactRow>(
        `${select} WHERE c.id IN (SELECT contact_id FROM contact_organizations WHERE organization_id = ?) ORDER BY c.name, c.id`,
        organizationId,
      )
      .map(toContact);
  }

  countByOrganization(organizationId: string): number {
    return this.db.get<{ n: number }>('SELECT count(*) AS n FROM contact_organizations WHERE organization_id = ?', organizationId)!.n;
  }

  /** All contacts of a chatbot, oldest first; the demo seed links some to organizations. */
  list(chatbotId: string): Contact[] {
    return this.db.all<ContactRow>(`${select} WHERE c.chatbot_id = ? ORDER BY c.created_at, c.id`, chatbotId).map(toContact);
  }
}
