// What the chosen chatbot's key may do with organizations, so the screen hides what would only
// answer 403. The server still decides: a 403 that comes anyway is shown with its permission.
import type { Permission } from '../../../shared/permissions';

export interface OrganizationAbilities {
  list: boolean;
  get: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
  contacts: boolean;
}

export const organizationPermission = {
  list: 'chatbots.organizations.list',
  get: 'chatbots.organizations.get',
  create: 'chatbots.organizations.create',
  edit: 'chatbots.organizations.edit',
  delete: 'chatbots.organizations.delete',
  contacts: 'chatbots.organizations.contacts.list',
} as const satisfies Record<keyof OrganizationAbilities, Permission>;

export function organizationAbilities(permissions: readonly string[]): OrganizationAbilities {
  const has = (p: Permission) => permissions.includes(p);
  return {
    list: has(organizationPermission.list),
    get: has(organizationPermission.get),
    create: has(organizationPermission.create),
    edit: has(organizationPermission.edit),
    delete: has(organizationPermission.delete),
    contacts: has(organizationPermission.contacts),
  };
}
