// Organizations of a chatbot: the companies its contacts belong to. Pages run newest first by
// created_at, which nowIso() keeps unique, so "strictly before the last date seen" neither
// repeats nor skips a row.
import type { Organization, OrganizationFields, OrganizationPatch } from '../wire';
import type { Db } from '../db/database';
import { newId, nowIso } from '../clock';
import { foldForSearch } from '../../shared/fold';

interface OrganizationRow {
  id: string;
  chatbot_id: string;
  name: string;
  email: string | null;
  website: string | null;
  size: number | null;
  industry: string | null;
  phone_number: string | null;
  created_at: string;
  updated_at: string;
}

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    ...(row.email !== null && { email: row.email }),
    ...(row.website !== null && { website: row.website }),
    ...(row.size !== null && { size: Number(row.size) }),
    ...(row.industry !== null && { industry: row.industry }),
    ...(row.phone_number !== null && { phoneNumber: row.phone_number }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type { OrganizationFields };

const columns: Record<keyof OrganizationFields, string> = {
  name: 'name',
  email: 'email',
  website: 'website',
  size: 'size',
  industry: 'industry',
  phoneNumber: 'phone_number',
};

// The term is matched literally (LIKE's own wildcards in it are escaped), without regard to case
// or accents: both sides are folded, so "MÜLLER" and "muller" find "Müller".
export const likePattern = (term: string): string => `%${foldForSearch(term).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const searchWhere = `
  WHERE chatbot_id = ?
    AND (fold(name) LIKE ? ESCAPE '\\' OR fold(email) LIKE ? ESCAPE '\\' OR fold(website) LIKE ? ESCAPE '\\' OR fold(industry) LIKE ? ESCAPE '\\')
    AND id NOT IN (SELECT value FROM json_each(?))`;

export interface SearchQuery {
  term: string;
  page: number;
  pageSize: number;
  hiddenIds: string[];
}

export class OrganizationStore {
  constructor(private readonly db: Db) {}

  /** `dates` lets the demo seed back-date its organizations; callers of the API get now. */
  create(chatbotId: string, input: OrganizationFields, dates?: { createdAt: string; updatedAt?: string }): Organization {
    const id = newId('org');
    const createdAt = dates?.createdAt ?? nowIso();
    this.db.run(
      `INSERT INTO organizations (id, chatbot_id, name, email, website, size, industry, phone_number, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      chatbotId,
      input.name,
      input.email ?? null,
      input.website ?? null,
      input.size ?? null,
      input.industry ?? null,
      input.phoneNumber ?? null,
      createdAt,
      dates?.updatedAt ?? createdAt,
    );
    return this.get(chatbotId, id)!;
  }

  get(chatbotId: string, id: string): Organization | undefined {
    const row = this.db.get<OrganizationRow>('SELECT * FROM organizations WHERE chatbot_id = ? AND id = ?', chatbotId, id);
    return row && toOrganization(row);
  }

  /** Newest first; `before` is a normalized ISO date (toISOString form) or undefined. */
  list(chatbotId: string, before: string | undefined, limit: number): { organizations: Organization[]; nextPageToken?: string } {
    // One row more than asked tells whether another page exists.
    const rows =
      before === undefined
        ? this.db.all<OrganizationRow>(
            'SELECT * FROM organizations WHERE chatbot_id = ? ORDER BY created_at DESC, id DESC LIMIT ?',
            chatbotId,
            limit + 1,
          )
        : this.db.all<OrganizationRow>(
            'SELECT * FROM organizations WHERE chatbot_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?',
            chatbotId,
            before,
            limit + 1,
          );
    const organizations = rows.slice(0, limit).map(toOrganization);
    const last = organizations.at(-1);
    return rows.length > limit && last ? { organizations, nextPageToken: last.createdAt } : { organizations };
  }

  search(chatbotId: string, query: SearchQuery): { organizations: Organization[]; total: number } {
    const pattern = likePattern(query.term);
    const hidden = JSON.stringify(query.hiddenIds);
    const total = this.db.get<{ n: number }>(
      `SELECT count(*) AS n FROM organizations ${searchWhere}`,
      chatbotId,
      pattern,
      pattern,
      pattern,
      pattern,
      hidden,
    )!.n;
    const rows = this.db.all<OrganizationRow>(
      `SELECT * FROM organizations ${searchWhere} ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`,
      chatbotId,
      pattern,
      pattern,
      pattern,
      pattern,
      hidden,
      query.pageSize,
      (query.page - 1) * query.pageSize,
    );
    return { organizations: rows.map(toOrganization), total: Number(total) };
  }

  update(chatbotId: string, id: string, changes: OrganizationPatch): Organization | undefined {
    return this.db.tx(() => {
      if (!this.get(chatbotId, id)) return undefined;
      for (const key of Object.keys(changes) as (keyof OrganizationPatch)[]) {
        const value = changes[key];
        if (value === undefined) continue;
        // The column name comes from our own fixed map, never from the request.
        this.db.run(`UPDATE organizations SET ${columns[key]} = ? WHERE id = ?`, value, id);
      }
      this.db.run('UPDATE organizations SET updated_at = ? WHERE id = ?', nowIso(), id);
      return this.get(chatbotId, id);
    });
  }

  /** Members stay contacts; only their links to this organization go (ON DELETE CASCADE). */
  delete(chatbotId: string, id: string): boolean {
    return this.db.run('DELETE FROM organizations WHERE chatbot_id = ? AND id = ?', chatbotId, id).changes > 0;
  }
}
