import { describe, expect, it } from 'vitest';
import type { Version } from '../../../../src/shared/domain';
import type { Ability } from '../../../../src/shared/capabilities';
import { liveIn, newestFirst, offeredActions, versionAbilities } from '../../../../src/renderer/screens/versions/version-actions';
import { toCreateVersion, validateVersionForm } from '../../../../src/renderer/screens/versions/version-form';

const version = (id: string, environment: Version['environment'], deployedTo: Version['deployedTo'], createdAt = '2026-01-01T10:00:00.000Z'): Version => ({
  id,
  name: `Version ${id}`,
  environment,
  deployedTo,
  createdAt,
});

const withAbilities = (...abilities: Ability[]) => versionAbilities({ abilities, lacking: [] });
const admin = withAbilities('versions.list', 'versions.create', 'versions.deploy', 'versions.delete');
const viewer = withAbilities('versions.list');
const flags = ({ list, create, deploy, delete: remove }: ReturnType<typeof versionAbilities>) => ({ list, create, deploy, delete: remove });
const names = (v: Version, abilities = admin) => offeredActions(v, abilities).map((a) => (a.blockedBy ? `${a.action}(${a.blockedBy})` : a.action));

describe('versionAbilities', () => {
  it('follows what the key may do', () => {
    expect(flags(admin)).toEqual({ list: true, create: true, deploy: true, delete: true });
    expect(flags(versionAbilities(undefined))).toEqual({ list: false, create: false, deploy: false, delete: false });
    expect(flags(viewer)).toEqual({ list: true, create: false, deploy: false, delete: false });
  });

  it('names a lacking permission as the platform does', () => {
    const agent = versionAbilities({ abilities: [], lacking: [{ ability: 'versions.list', permission: 'chatbots.versions.list' }] });
    expect(agent.permissionFor('list')).toBe('chatbots.versions.list');
  });
});

describe('offeredActions', () => {
  it('offers deploying where a version is not live, and no rollback for a dev version', () => {
    expect(names(version('1', 'dev', []))).toEqual(['deployTest', 'deployProd', 'delete']);
  });

  it('offers no deploy to prod and no rollback for what customers see, and blocks deleting it', () => {
    expect(names(version('1', 'prod', ['prod']))).toEqual(['deployTest', 'delete(live)']);
  });

  it('offers a rollback for a deployed version that customers do not see', () => {
    expect(names(version('1', 'test', ['test']))).toEqual(['deployProd', 'rollback', 'delete(live)']);
    expect(names(version('1', 'prod', []))).toEqual(['deployTest', 'deployProd', 'rollback', 'delete']);
  });

  it('offers only delete (blocked) for a version live everywhere', () => {
    expect(names(version('1', 'test', ['test', 'prod']))).toEqual(['delete(live)']);
  });

  it('hides what the key cannot do', () => {
    expect(names(version('1', 'dev', []), viewer)).toEqual([]);
    expect(names(version('1', 'dev', []), withAbilities('versions.list', 'versions.deploy'))).toEqual(['deployTest', 'deployProd']);
    expect(names(version('1', 'dev', []), withAbilities('versions.list', 'versions.delete'))).toEqual(['delete']);
  });
});

describe('liveIn and newestFirst', () => {
  const versions = [
    version('old', 'prod', ['prod'], '2026-01-01T10:00:00.000Z'),
    version('new', 'dev', [], '2026-03-01T10:00:00.000Z'),
    version('mid', 'test', ['test'], '2026-02-01T10:00:00+01:00'),
  ];

  it('finds the version live in an environment', () => {
    expect(liveIn(versions, 'prod')?.id).toBe('old');
    expect(liveIn(versions, 'test')?.id).toBe('mid');
    expect(liveIn([versions[1]!], 'prod')).toBeUndefined();
  });

  it('sorts newest first by instant, whatever the zone', () => {
    expect(newestFirst(versions).map((v) => v.id)).toEqual(['new', 'mid', 'old']);
  });
});

describe('validateVersionForm', () => {
  it('requires a name of at most 200 characters and a description of at most 2000', () => {
    expect(validateVersionForm({ name: ' ', description: '', environment: 'dev' })).toEqual({ name: 'required' });
    expect(validateVersionForm({ name: 'x'.repeat(201), description: 'd'.repeat(2001), environment: 'dev' })).toEqual({
      name: 'tooLong',
      description: 'tooLong',
    });
    expect(validateVersionForm({ name: 'Version 1.4.0', description: '', environment: 'prod' })).toEqual({});
  });

  it('trims and leaves out an empty description', () => {
    expect(toCreateVersion({ name: ' Version 1.4.0 ', description: '  ', environment: 'test' })).toEqual({ name: 'Version 1.4.0', environment: 'test' });
    expect(toCreateVersion({ name: 'V', description: ' Neu ', environment: 'dev' })).toEqual({ name: 'V', description: 'Neu', environment: 'dev' });
  });
});
