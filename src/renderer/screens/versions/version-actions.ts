// Which actions a version offers, from the key's permissions and where the version is live.
// Pure, so the rules are tested without a DOM. The server still decides; a 403 or 400 that comes
// anyway is shown with its reason.
import type { Version } from '../../../shared/domain';
import type { Permission } from '../../../shared/permissions';

export type DeployEnvironment = Version['deployedTo'][number];
export type VersionAction = 'deployTest' | 'deployProd' | 'rollback' | 'delete';

export interface VersionAbilities {
  list: boolean;
  create: boolean;
  deploy: boolean;
  delete: boolean;
}

export const versionPermission = {
  list: 'chatbots.versions.list',
  create: 'chatbots.versions.create',
  deploy: 'chatbots.versions.deploy',
  delete: 'chatbots.versions.delete',
} as const satisfies Record<keyof VersionAbilities, Permission>;

export function versionAbilities(permissions: readonly string[]): VersionAbilities {
  const has = (p: Permission) => permissions.includes(p);
  return {
    list: has(versionPermission.list),
    create: has(versionPermission.create),
    deploy: has(versionPermission.deploy),
    delete: has(versionPermission.delete),
  };
}

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

/** The version live in an environment right now, if any. */
export function liveIn<V extends Pick<Version, 'deployedTo'>>(versions: readonly V[], env: DeployEnvironment): V | undefined {
  return versions.find((v) => v.deployedTo.includes(env));
}

/** Newest first, whatever order the backend answered in (ties keep the backend's order). */
export function newestFirst<V extends Pick<Version, 'createdAt'>>(versions: readonly V[]): V[] {
  return [...versions].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
