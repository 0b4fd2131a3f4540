// Which actions a version offers, from what the key may do and where the version is live.
// Pure, so the rules are tested without a DOM. The server still decides; a 403 or 400 that comes
// anyway is shown with its reason.
import type { Grants } from '../../../shared/capabilities';
import type { Version } from '../../../shared/domain';
import { actionAbilities, type ActionAbilities } from '../../lib/capabilities';

export type DeployEnvironment = Version['deployedTo'][number];
export type VersionAction = 'deployTest' | 'deployProd' | 'rollback' | 'delete';

const abilityOf = {
  list: 'versions.list',
  create: 'versions.create',
  deploy: 'versions.deploy',
  delete: 'versions.delete',
} as const;

export type VersionAbilities = ActionAbilities<keyof typeof abilityOf>;

export const versionAbilities = (grants: Grants | undefined): VersionAbilities => actionAbilities(grants, abilityOf);

export interface OfferedAction {
  action: VersionAction;
  /** Why the action is shown but cannot be used; null when it can. */
  blockedBy: 'live' | null;
}

/**
 * The actions to show for one version, in display order.
 * - Deploy to an environment the version is not already live in.
 * - Roll back: makes the version live again where it was last deployed (the server knows where).
 *   Offered for versions that have been deployed (made for test or prod) and are not what
 *   customers see now; for a dev version "Deploy" does the same and says where.
 * - Delete: shown but blocked while the version is live, since the server refuses it then.
 */
export function offeredActions(version: Pick<Version, 'environment' | 'deployedTo'>, abilities: VersionAbilities): OfferedAction[] {
  const live = (env: DeployEnvironment) => version.deployedTo.includes(env);
  const offered: OfferedAction[] = [];
  if (abilities.deploy) {
    if (!live('test')) offered.push({ action: 'deployTest', blockedBy: null });
    if (!live('prod')) offered.push({ action: 'deployProd', blockedBy: null });
    if (!live('prod') && version.environment !== 'dev') offered.push({ action: 'rollback', blockedBy: null });
  }
  if (abilities.delete) offered.push({ action: 'delete', blockedBy: version.deployedTo.length > 0 ? 'live' : null });
  return offered;
}

/** Where a rollback makes the version live again: where it was last deployed, else what it was made for. */
export function rollbackTarget(version: Pick<Version, 'environment' | 'lastDeployedTo'>): DeployEnvironment {
  return version.lastDeployedTo ?? (version.environment === 'prod' ? 'prod' : 'test');
}

/** The version live in an environment right now, if any. */
export function liveIn<V extends Pick<Version, 'deployedTo'>>(versions: readonly V[], env: DeployEnvironment): V | undefined {
  return versions.find((v) => v.deployedTo.includes(env));
}

/** Newest first, whatever order the backend answered in (ties keep the backend's order). */
export function newestFirst<V extends Pick<Version, 'createdAt'>>(versions: readonly V[]): V[] {
  return [...versions].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
