// The Organizations and Versions calls: each goes to the port of the account's platform for that
// capability; an account whose platform has none answers Unsupported.
import type { IpcHandlers } from './handler-types';
import type { Session } from '../session/session';

type AdminCalls = Extract<keyof IpcHandlers, `organizations.${string}` | `versions.${string}`>;

export function adminHandlers(session: Session): Pick<IpcHandlers, AdminCalls> {
  const organizations = (accountId: string) => session.runtime(accountId).port('organizations');
  const versions = (accountId: string) => session.runtime(accountId).port('versions');
  return {
    'organizations.list': async ({ accountId, chatbotId, pageToken, limit }) =>
      organizations(accountId).list(chatbotId, { ...(pageToken && { pageToken }), ...(limit && { limit }) }),
    'organizations.search': async ({ accountId, chatbotId, query, page, pageSize }) => organizations(accountId).search(chatbotId, { query, page, pageSize }),
    'organizations.get': async ({ accountId, chatbotId, organizationId }) => organizations(accountId).get(chatbotId, organizationId),
    'organizations.create': async ({ accountId, chatbotId, fields }) => organizations(accountId).create(chatbotId, fields),
    'organizations.update': async ({ accountId, chatbotId, organizationId, fields }) => organizations(accountId).update(chatbotId, organizationId, fields),
    'organizations.delete': async ({ accountId, chatbotId, organizationId }) => {
      await organizations(accountId).remove(chatbotId, organizationId);
      return true;
    },
    'organizations.contacts': async ({ accountId, chatbotId, organizationId }) => organizations(accountId).contacts(chatbotId, organizationId),
    'organizations.contactCount': async ({ accountId, chatbotId, organizationId }) => organizations(accountId).contactCount(chatbotId, organizationId),

    'versions.list': async ({ accountId, chatbotId }) => versions(accountId).list(chatbotId),
    'versions.create': async ({ accountId, chatbotId, name, description, environment }) =>
      versions(accountId).create(chatbotId, { name, environment, ...(description !== undefined && { description }) }),
    'versions.deploy': async ({ accountId, chatbotId, versionId, environment }) => versions(accountId).deploy(chatbotId, versionId, environment),
    'versions.rollback': async ({ accountId, chatbotId, versionId }) => versions(accountId).rollback(chatbotId, versionId),
    'versions.delete': async ({ accountId, chatbotId, versionId }) => {
      await versions(accountId).remove(chatbotId, versionId);
      return true;
    },
  };
}
