// Whether any signed-in account's platform offers a capability: what the app shows at all
// (the Organizations section, the online switch) follows from this, never from platform names.
import type { Capability } from '../../shared/capabilities';
import type { Account } from '../../shared/view-models';

export const offeredByAny = (accounts: readonly Pick<Account, 'capabilities'>[] | undefined, capability: Capability): boolean =>
  accounts?.some((account) => account.capabilities.includes(capability)) ?? false;
