// What the chosen chatbot's key may do with organizations, so the screen hides what would only
// answer 403. The platform still decides: a 403 that comes anyway is shown with its permission.
import { can, lackingPermission, type Ability, type Grants } from '../../../shared/capabilities';

type Action = 'list' | 'get' | 'create' | 'edit' | 'delete' | 'contacts';

export type OrganizationAbilities = Record<Action, boolean> & {
  /** What an admin would have to grant for an action, in the platform's words. */
  permissionFor(action: Action): string;
};

const abilityOf = {
  list: 'organizations.list',
  get: 'organizations.get',
  create: 'organizations.create',
  edit: 'organizations.edit',
  delete: 'organizations.delete',
  contacts: 'organizations.contacts',
} as const satisfies Record<Action, Ability>;

export function organizationAbilities(grants: Grants | undefined): OrganizationAbilities {
  const has = (action: Action) => can(grants, abilityOf[action]);
  return {
    list: has('list'),
    get: has('get'),
    create: has('create'),
    edit: has('edit'),
    delete: has('delete'),
    contacts: has('contacts'),
    permissionFor: (action) => lackingPermission(grants, abilityOf[action]) ?? abilityOf[action],
  };
}
