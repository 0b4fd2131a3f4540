// /v1/chatbots/:chatbotId/organizations — list, search, CRUD and the members of an organization.
// Organizations are not realtime events: clients re-read them when they open the view.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { notFound } from '../http/errors';
import { parse } from '../http/validate';
import { ChatbotParams, id, isoDate } from '../http/schemas';
import { ContactStore } from '../store/contacts';
import { OrganizationStore } from '../store/organizations';

export const OrganizationParams = ChatbotParams.extend({ organizationId: id });

// A phone number as people write it: digits with optional +, spaces, brackets, dots, dashes
// or slashes; 5 to 15 digits (E.164 allows at most 15).
const phoneNumber = z
  .string()
  .max(40)
  .regex(/^\+?[0-9 ()./-]+$/, { error: 'Invalid phone number: use digits, optionally with +, spaces, ( ) . / -', abort: true })
  .refine((value) => {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 5 && digits <= 15;
  }, 'Invalid phone number: it needs 5 to 15 digits');

const fields = {
  name: z.string().trim().min(1, 'name must not be empty').max(200),
  // Capped before the format is checked, so no format check ever reads an oversized value.
  email: z.string().max(254).pipe(z.email()),
  website: z.string().max(2048).pipe(z.httpUrl({ error: 'Invalid URL: use an http(s) address with a domain' })),
  size: z.number().int().min(0),
  industry: z.string().max(200),
  phoneNumber,
};

export const CreateBody = z.strictObject({
  name: fields.name,
  email: fields.email.optional(),
  website: fields.website.optional(),
  size: fields.size.optional(),
  industry: fields.industry.optional(),
  phoneNumber: fields.phoneNumber.optional(),
});

// A typo in a PATCH is a 400, not a silent no-op; null clears an optional field.
export const PatchBody = z
  .strictObject({
    name: fields.name.optional(),
    email: fields.email.nullable().optional(),
    website: fields.website.nullable().optional(),
    size: fields.size.nullable().optional(),
    industry: fields.industry.nullable().optional(),
    phoneNumber: fields.phoneNumber.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Give at least one field to change');

export const ListQuery = z.object({
  pageToken: isoDate('pageToken').optional(),
  limit: z.coerce.number().int().min(1).max(250).default(50),
});

export const SearchQuery = z.object({
  query: z.string().trim().min(1, 'query must not be empty').max(200),
  page: z.coerce.number().int().min(1),
  pageSize: z.coerce.number().int().min(1).max(250),
  hiddenHits: z
    .string()
    .max(10_000)
    .optional()
    .transform((value) => (value ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '')),
});

export function organizationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const organizations = new OrganizationStore(ctx.db);
  const contacts = new ContactStore(ctx.db);
  const base = '/v1/chatbots/:chatbotId/organizations';

  const existing = (chatbotId: string, organizationId: string) => {
    const organization = organizations.get(chatbotId, organizationId);
    if (!organization) throw notFound('Organization', organizationId);
    return organization;
  };

  app.get(base, { config: { permission: 'chatbots.organizations.list' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const query = parse(ListQuery, request.query, 'query');
    return organizations.list(chatbotId, query.pageToken, query.limit);
  });

  app.post(base, { config: { permission: 'chatbots.organizations.create' } }, async (request, reply) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const body = parse(CreateBody, request.body, 'body');
    const organization = organizations.create(chatbotId, body);
    return reply.status(201).send({ organization });
  });

  // A static segment: find-my-way prefers it to `:organizationId`, so "search" is never an id.
  app.get(`${base}/search`, { config: { permission: 'chatbots.organizations.list' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const query = parse(SearchQuery, request.query, 'query');
    const { organizations: found, total } = organizations.search(chatbotId, {
      term: query.query,
      page: query.page,
      pageSize: query.pageSize,
      hiddenIds: query.hiddenHits,
    });
    return { organizations: found, page: query.page, pageSize: query.pageSize, total };
  });

  app.get(`${base}/:organizationId`, { config: { permission: 'chatbots.organizations.get' } }, async (request) => {
    const { chatbotId, organizationId } = parse(OrganizationParams, request.params, 'params');
    return { organization: existing(chatbotId, organizationId) };
  });

  app.patch(`${base}/:organizationId`, { config: { permission: 'chatbots.organizations.edit' } }, async (request) => {
    const { chatbotId, organizationId } = parse(OrganizationParams, request.params, 'params');
    const body = parse(PatchBody, request.body, 'body');
    const organization = organizations.update(chatbotId, organizationId, body);
    if (!organization) throw notFound('Organization', organizationId);
    return { organization };
  });

  app.delete(`${base}/:organizationId`, { config: { permission: 'chatbots.organizations.delete' } }, async (request) => {
    const { chatbotId, organizationId } = parse(OrganizationParams, request.params, 'params');
    if (!organizations.delete(chatbotId, organizationId)) throw notFound('Organization', organizationId);
    return { deleted: true };
  });

  app.get(
    `${base}/:organizationId/contacts`,
    { config: { permission: 'chatbots.organizations.contacts.list' } },
    async (request) => {
      const { chatbotId, organizationId } = parse(OrganizationParams, request.params, 'params');
      existing(chatbotId, organizationId);
      return { contacts: contacts.listByOrganization(organizationId) };
    },
  );

  app.get(
    `${base}/:organizationId/contacts/count`,
    { config: { permission: 'chatbots.organizations.contacts.list' } },
    async (request) => {
      const { chatbotId, organizationId } = parse(OrganizationParams, request.params, 'params');
      existing(chatbotId, organizationId);
      return { count: contacts.countByOrganization(organizationId) };
    },
  );
}
