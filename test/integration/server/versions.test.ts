// Chatbot versions against the real server: create, deploy, rollback, delete, permissions, and
// the demo seed. Tests share one server; each creates its own versions and asserts on those.
import { describe, expect, it } from 'vitest';
// The server is checked against what the app's ChatCaptain adapter accepts.
import { WireVersion as Version } from '../../../src/main/services/platforms/chatcaptain/wire';
import { call, useServer } from '../../support/server';

const base = (chatbotId = 'bot_shop') => `/v1/chatbots/${chatbotId}/versions`;

describe('versions', () => {
  const server = useServer();

  async function create(body: Record<string, unknown>, chatbotId = 'bot_shop'): Promise<Version> {
    const response = await call(server.get(), 'POST', base(chatbotId), { body });
    expect(response.status).toBe(201);
    expect(Object.keys(response.body)).toEqual(['version']);
    return Version.strict().parse(response.body.version);
  }

  async function list(chatbotId = 'bot_shop'): Promise<Version[]> {
    const response = await call(server.get(), 'GET', base(chatbotId));
    expect(response.status).toBe(200);
    return Version.strict().array().parse(response.body.versions);
  }

  async function current(id: string, chatbotId = 'bot_shop'): Promise<Version | undefined> {
    return (await list(chatbotId)).find((v) => v.id === id);
  }

  async function deploy(id: string, environment: string): Promise<Version> {
    const response = await call(server.get(), 'POST', `${base()}/${id}/deploy`, { body: { environment } });
    expect(response.status).toBe(200);
    return Version.strict().parse(response.body.version);
  }

  it('creates versions in each environment; test and prod go live at once', async () => {
    const dev = await create({ name: 'Version 1.0.0', environment: 'dev' });
    expect(dev).toMatchObject({ name: 'Version 1.0.0', environment: 'dev', deployedTo: [] });
    expect(dev).not.toHaveProperty('description');
    const test = await create({ name: 'Version 1.0.1', description: 'Release for Q4 Campaign', environment: 'test' });
    expect(test).toMatchObject({ description: 'Release for Q4 Campaign', environment: 'test', deployedTo: ['test'] });
    const prod = await create({ name: 'Version 1.0.2', environment: 'prod' });
    expect(prod).toMatchObject({ environment: 'prod', deployedTo: ['prod'] });

    const versions = await list();
    // Newest first.
    expect(versions.slice(0, 3).map((v) => v.id)).toEqual([prod.id, test.id, dev.id]);
    expect(versions.find((v) => v.id === test.id)).toEqual(test);
    // Only one version is live per environment.
    expect(versions.filter((v) => v.deployedTo.includes('prod')).map((v) => v.id)).toEqual([prod.id]);
    expect(versions.filter((v) => v.deployedTo.includes('test')).map((v) => v.id)).toEqual([test.id]);
    // Versions belong to their chatbot.
    expect((await list('bot_service')).map((v) => v.id)).not.toContain(dev.id);
  });

  it('moves deployedTo to the version deployed last', async () => {
    const a = await create({ name: 'A', environment: 'test' });
    const b = await create({ name: 'B', environment: 'dev' });
    expect(await deploy(b.id, 'test')).toMatchObject({ id: b.id, environment: 'dev', deployedTo: ['test'] });
    expect((await current(a.id))!.deployedTo).toEqual([]);
    expect((await deploy(b.id, 'prod')).deployedTo).toEqual(['test', 'prod']);
    expect((await deploy(a.id, 'prod')).deployedTo).toEqual(['prod']);
    expect((await current(b.id))!.deployedTo).toEqual(['test']);
  });

  it('rolls back to a version in the environment it was last deployed to', async () => {
    const old = await create({ name: 'Old', environment: 'prod' });
    const fresh = await create({ name: 'Fresh', environment: 'dev' });
    await deploy(fresh.id, 'prod');
    expect((await current(old.id))!.deployedTo).toEqual([]);

    // No body at all is fine.
    const response = await call(server.get(), 'POST', `${base()}/${old.id}/rollback`);
    expect(response.status).toBe(200);
    expect(response.body.rolledBack).toBe(true);
    expect(Version.strict().parse(response.body.version)).toMatchObject({ id: old.id, deployedTo: ['prod'] });
    expect((await current(old.id))!.deployedTo).toEqual(['prod']);
    expect((await current(fresh.id))!.deployedTo).toEqual([]);

    // x went to prod, then to test: a rollback of x brings it back in test, and leaves prod alone.
    const x = await create({ name: 'X', environment: 'prod' });
    expect(x.lastDeployedTo).toBe('prod');
    await deploy(x.id, 'test');
    const y = await create({ name: 'Y', environment: 'test' });
    await deploy(y.id, 'prod');
    // Where a rollback goes is said with the version, so a client can tell the agent beforehand.
    expect((await current(x.id))!.lastDeployedTo).toBe('test');
    const rolled = await call(server.get(), 'POST', `${base()}/${x.id}/rollback`, { body: {} });
    expect(rolled.status).toBe(200);
    expect(rolled.body.version.deployedTo).toEqual(['test']);
    expect((await current(y.id))!.deployedTo).toEqual(['prod']);
  });

  it('refuses to roll back a version that was never deployed', async () => {
    const draft = await create({ name: 'Draft', environment: 'dev' });
    expect(draft).not.toHaveProperty('lastDeployedTo');
    const response = await call(server.get(), 'POST', `${base()}/${draft.id}/rollback`);
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('InvalidPayload');
    expect(response.body.error).toContain('never deployed');
    expect((await current(draft.id))!.deployedTo).toEqual([]);
    const withField = await call(server.get(), 'POST', `${base()}/${draft.id}/rollback`, { body: { environment: 'prod' } });
    expect(withField.status).toBe(400);
    expect(withField.body.error).toContain('environment');
  });

  it('deletes versions that are not live, and refuses live ones', async () => {
    const live = await create({ name: 'Live', environment: 'prod' });
    const refused = await call(server.get(), 'DELETE', `${base()}/${live.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.type).toBe('InvalidPayload');
    expect(refused.body.error).toContain('live in prod');
    expect(await current(live.id)).toBeDefined();

    const draft = await create({ name: 'Draft', environment: 'dev' });
    const deleted = await call(server.get(), 'DELETE', `${base()}/${draft.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ deleted: true });
    expect(await current(draft.id)).toBeUndefined();
    expect((await call(server.get(), 'DELETE', `${base()}/${draft.id}`)).status).toBe(404);

    // A version that was live once and has been replaced can go; the replacement stays live.
    const next = await create({ name: 'Next', environment: 'prod' });
    expect((await call(server.get(), 'DELETE', `${base()}/${live.id}`)).status).toBe(200);
    expect((await current(next.id))!.deployedTo).toEqual(['prod']);
    expect(await current(live.id)).toBeUndefined();
  });

  it('answers 404 for unknown versions and versions of another chatbot', async () => {
    const other = await create({ name: 'Elsewhere', environment: 'dev' }, 'bot_service');
    for (const id of ['ver_missing', other.id]) {
      for (const [method, suffix, body] of [
        ['DELETE', '', undefined],
        ['POST', '/deploy', { environment: 'test' }],
        ['POST', '/rollback', undefined],
      ] as const) {
        const response = await call(server.get(), method, `${base()}/${id}${suffix}`, { body });
        expect(response.status, `${method} ${suffix} ${id}`).toBe(404);
        expect(response.body.type).toBe('ResourceNotFound');
      }
    }
    expect(await current(other.id, 'bot_service')).toMatchObject({ deployedTo: [] });
  });

  it('rejects bad bodies with a 400 that names the field', async () => {
    const version = await create({ name: 'Target', environment: 'dev' });
    const creates: [unknown, string][] = [
      [{ name: 'V', environment: 'staging' }, 'environment'],
      [{ name: 'V' }, 'environment'],
      [{ environment: 'dev' }, 'name'],
      [{ name: '   ', environment: 'dev' }, 'name'],
      [{ name: 'V', environment: 'dev', description: 42 }, 'description'],
      [{ name: 'V', environment: 'dev', notes: 'typo' }, 'notes'],
    ];
    const before = (await list()).length;
    for (const [body, field] of creates) {
      const response = await call(server.get(), 'POST', base(), { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.type).toBe('InvalidPayload');
      expect(response.body.error).toContain(field);
    }
    expect((await call(server.get(), 'POST', base())).status).toBe(400);
    expect((await list()).length).toBe(before);

    for (const body of [{ environment: 'dev' }, { environment: 'staging' }, {}, undefined]) {
      const response = await call(server.get(), 'POST', `${base()}/${version.id}/deploy`, { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.type).toBe('InvalidPayload');
    }
    expect((await current(version.id))!.deployedTo).toEqual([]);
  });

  it('is admin-only: agents may not touch versions, viewers may only list', async () => {
    const { agent, viewer } = server.get().workspace.keys;
    const version = await create({ name: 'Guarded', environment: 'dev' });
    const requests = [
      ['GET', base(), undefined],
      ['POST', base(), { name: 'Nope', environment: 'dev' }],
      ['DELETE', `${base()}/${version.id}`, undefined],
      ['POST', `${base()}/${version.id}/deploy`, { environment: 'prod' }],
      ['POST', `${base()}/${version.id}/rollback`, undefined],
    ] as const;
    for (const [method, path, body] of requests) {
      const asAgent = await call(server.get(), method, path, { key: agent, body });
      expect(asAgent.status, `agent ${method} ${path}`).toBe(403);
      expect(asAgent.body.type).toBe('Forbidden');
      const asViewer = await call(server.get(), method, path, { key: viewer, body });
      expect(asViewer.status, `viewer ${method} ${path}`).toBe(method === 'GET' ? 200 : 403);
      expect((await call(server.get(), method, path, { key: null, body })).status).toBe(401);
    }
    expect(await current(version.id)).toEqual(version);
    expect((await list()).map((v) => v.name)).not.toContain('Nope');
  });
});

describe('demo versions', () => {
  const server = useServer({ demo: true });

  it('seeds three versions per chatbot: one live in prod, a newer one in test, the newest in dev', async () => {
    for (const { id: chatbotId } of server.get().workspace.chatbots) {
      const response = await call(server.get(), 'GET', base(chatbotId));
      expect(response.status).toBe(200);
      const versions = Version.strict().array().parse(response.body.versions);
      expect(versions).toHaveLength(3);
      const [newest, middle, oldest] = versions as [Version, Version, Version];
      expect(oldest.deployedTo).toEqual(['prod']);
      expect(middle.deployedTo).toEqual(['test']);
      expect(newest).toMatchObject({ environment: 'dev', deployedTo: [] });
      for (const v of versions) {
        expect(v.name).toMatch(/^Version \d+\.\d+\.\d+ – /);
        expect(v.description).toEqual(expect.any(String));
        expect(Date.parse(v.createdAt)).toBeLessThan(Date.now());
      }
      expect(Date.parse(oldest.createdAt)).toBeLessThan(Date.parse(middle.createdAt));
      expect(Date.parse(middle.createdAt)).toBeLessThan(Date.parse(newest.createdAt));

      // The seeded history is real: the middle version was in prod once, so it rolls back there.
      const rollback = await call(server.get(), 'POST', `${base(chatbotId)}/${middle.id}/rollback`);
      expect(rollback.status).toBe(200);
      expect(rollback.body.version.deployedTo).toEqual(['test', 'prod']);
    }
  });
});
