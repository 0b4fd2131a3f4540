// ChatCaptain's organizations (with their contacts) and chatbot versions, as capability ports.
// Their wire shapes are Deckhand's Organization, Contact and Version field for field.
import { z } from 'zod';
import type { HttpClient } from '../../http/http-client';
import type { OrganizationsPort, VersionsPort } from '../platform';
import { bot } from './paths';
import { Deleted, WireContact, WireOrganization, WireVersion } from './wire';

const OrganizationAnswer = z.object({ organization: WireOrganization });
const VersionAnswer = z.object({ version: WireVersion });

export function chatcaptainOrganizations(http: HttpClient): OrganizationsPort {
  return {
    list: (chatbotId, page) =>
      http.request('GET', bot(chatbotId, '/organizations'), z.object({ organizations: z.array(WireOrganization), nextPageToken: z.string().optional() }), {
        query: page,
      }),
    search: (chatbotId, query) =>
      http.request(
        'GET',
        bot(chatbotId, '/organizations/search'),
        z.object({ organizations: z.array(WireOrganization), page: z.number(), pageSize: z.number(), total: z.number() }),
        { query },
      ),
    get: async (chatbotId, id) => (await http.request('GET', bot(chatbotId, '/organizations/', id), OrganizationAnswer)).organization,
    create: async (chatbotId, fields) =>
      (await http.request('POST', bot(chatbotId, '/organizations'), OrganizationAnswer, { body: fields })).organization,
    // Every field is set, never incremented, so a repeat lands on the same state.
    update: async (chatbotId, id, fields) =>
      (await http.request('PATCH', bot(chatbotId, '/organizations/', id), OrganizationAnswer, { body: fields, idempotent: true })).organization,
    remove: async (chatbotId, id) => {
      await http.request('DELETE', bot(chatbotId, '/organizations/', id), Deleted);
    },
    contacts: async (chatbotId, id) =>
      (await http.request('GET', `${bot(chatbotId, '/organizations/', id)}/contacts`, z.object({ contacts: z.array(WireContact) }))).contacts,
    contactCount: async (chatbotId, id) =>
      (await http.request('GET', `${bot(chatbotId, '/organizations/', id)}/contacts/count`, z.object({ count: z.number().int().min(0) }))).count,
  };
}

export function chatcaptainVersions(http: HttpClient): VersionsPort {
  return {
    list: async (chatbotId) => (await http.request('GET', bot(chatbotId, '/versions'), z.object({ versions: z.array(WireVersion) }))).versions,
    create: async (chatbotId, input) => (await http.request('POST', bot(chatbotId, '/versions'), VersionAnswer, { body: input })).version,
    deploy: async (chatbotId, id, environment) =>
      (await http.request('POST', `${bot(chatbotId, '/versions/', id)}/deploy`, VersionAnswer, { body: { environment } })).version,
    rollback: async (chatbotId, id) => {
      const schema = z.object({ rolledBack: z.literal(true), version: WireVersion });
      return (await http.request('POST', `${bot(chatbotId, '/versions/', id)}/rollback`, schema, { body: {} })).version;
    },
    remove: async (chatbotId, id) => {
      await http.request('DELETE', bot(chatbotId, '/versions/', id), Deleted);
    },
  };
}
