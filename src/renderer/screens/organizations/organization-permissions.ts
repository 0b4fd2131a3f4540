// What the chosen chatbot's key may do with organizations, so the screen hides what would only
// answer 403. The platform still decides: a 403 that comes anyway is shown with its permission.
import type { Grants } from '../../../shared/capabilities';
import { actionAbilities, type ActionAbilities } from '../../lib/capabilities';

const abilityOf = {
  list: 'organizations.list',
  get: 'organizations.get',
  create: 'organizations.create',
  edit: 'organizations.edit',
  delete: 'organizations.delete',
  contacts: 'organizations.contacts',
} as const;

export type OrganizationAbilities = ActionAbilities<keyof typeof abilityOf>;

export const organizationAbilities = (grants: Grants | undefined): OrganizationAbilities => actionAbilities(grants, abilityOf);
