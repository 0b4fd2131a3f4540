// Inbox agents against the real server: presence with its clientTimestamp rule, and push tokens.
// Each presence test writes to its own (chatbot, agent) pair, so the tests do not depend on order:
// admin = agent_lena, agent = agent_jonas; viewer (agent_mia) and agent_sam never write.
import { describe, expect, it } from 'vitest';
// The server is checked against what the app's ChatCaptain adapter accepts.
import { WireAgent as AgentPresence, WireNotificationSettings as NotificationSettings } from '../../../src/main/services/platforms/chatcaptain/wire';
import { call, useServer } from '../../support/server';

const server = useServer();
const keys = () => server.get().workspace.keys;

const onlinePath = (chatbotId: string) => `/v1/inbox/${chatbotId}/agents/me/online`;
const listPath = (chatbotId: string) => `/v1/inbox/${chatbotId}/agents/online`;
const notificationsPath = (chatbotId: string) => `/v1/inbox/${chatbotId}/agents/me/notifications`;

async function setOnline(chatbotId: string, key: string, online: boolean, clientTimestamp: string) {
  const response = await call(server.get(), 'POST', onlinePath(chatbotId), { key, body: { online, clientTimestamp } });
  expect(response.status).toBe(200);
  return AgentPresence.strict().parse(response.body.agent);
}

async function presenceOf(chatbotId: string, agentId: string) {
  const response = await call(server.get(), 'GET', listPath(chatbotId));
  expect(response.status).toBe(200);
  const agent = (response.body.agents as AgentPresence[]).find((a) => a.agentId === agentId);
  expect(agent).toBeDefined();
  return agent!;
}

describe('GET agents/online', () => {
  it('lists every agent of the workspace sorted by name, with defaults for those who never wrote', async () => {
    const response = await call(server.get(), 'GET', listPath('bot_shop'));
    expect(response.status).toBe(200);
    expect(Object.keys(response.body)).toEqual(['agents']);
    const agents = AgentPresence.strict().array().parse(response.body.agents);
    expect(agents.map((a) => a.agentId).sort()).toEqual(server.get().workspace.agents.map((a) => a.id).sort());
    const names = agents.map((a) => a.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    // agent_sam has no key and agent_mia's key cannot write: both are untouched.
    for (const id of ['agent_sam', 'agent_mia']) {
      expect(agents.find((a) => a.agentId === id)).toMatchObject({ online: false, lastSeen: null, clientTimestamp: '0' });
    }
  });

  it('needs a key and access to the chatbot', async () => {
    expect((await call(server.get(), 'GET', listPath('bot_shop'), { key: null })).status).toBe(401);
    const other = await call(server.get(), 'GET', listPath('bot_elsewhere'));
    expect(other.status).toBe(403);
    expect(other.body.type).toBe('Forbidden');
  });
});

describe('POST agents/me/online', () => {
  it('applies only newer clientTimestamps and answers the stored state otherwise', async () => {
    const { admin } = keys();
    const first = await setOnline('bot_shop', admin, true, '1000');
    expect(first).toMatchObject({ agentId: 'agent_lena', name: 'Lena Hoffmann', online: true, clientTimestamp: '1000' });
    expect(first.lastSeen).not.toBeNull();

    // Stale and equal writes are ignored without an error; the answer is what is stored.
    expect(await setOnline('bot_shop', admin, false, '999')).toEqual(first);
    expect(await setOnline('bot_shop', admin, false, '1000')).toEqual(first);
    expect(await presenceOf('bot_shop', 'agent_lena')).toEqual(first);

    const newer = await setOnline('bot_shop', admin, false, '1001');
    expect(newer).toMatchObject({ online: false, clientTimestamp: '1001' });
    expect(Date.parse(newer.lastSeen!)).toBeGreaterThan(Date.parse(first.lastSeen!));
    expect(await presenceOf('bot_shop', 'agent_lena')).toEqual(newer);
  });

  it('compares timestamps as integers, exactly beyond 2^53 and up to 20 digits', async () => {
    const { agent } = keys();
    const write = (online: boolean, ts: string) => setOnline('bot_shop', agent, online, ts);
    expect(await write(true, '9')).toMatchObject({ agentId: 'agent_jonas', online: true, clientTimestamp: '9' });
    // As strings "10" < "9".
    expect(await write(false, '10')).toMatchObject({ online: false, clientTimestamp: '10' });
    // Leading zeros are allowed; the value is what counts, and it is stored canonically.
    expect(await write(true, '011')).toMatchObject({ online: true, clientTimestamp: '11' });
    expect(await write(false, '0011')).toMatchObject({ online: true, clientTimestamp: '11' });
    expect(await write(false, '9007199254740992')).toMatchObject({ online: false, clientTimestamp: '9007199254740992' });
    // As doubles these two are the same number.
    expect(await write(true, '9007199254740993')).toMatchObject({ online: true, clientTimestamp: '9007199254740993' });
    expect(await write(false, '9007199254740992')).toMatchObject({ online: true, clientTimestamp: '9007199254740993' });
    expect(await write(false, '99999999999999999998')).toMatchObject({ online: false, clientTimestamp: '99999999999999999998' });
    expect(await write(true, '99999999999999999999')).toMatchObject({ online: true, clientTimestamp: '99999999999999999999' });
    expect(await write(false, '99999999999999999998')).toMatchObject({ online: true, clientTimestamp: '99999999999999999999' });
    expect(await presenceOf('bot_shop', 'agent_jonas')).toMatchObject({ online: true, clientTimestamp: '99999999999999999999' });
  });

  it('ends at the highest timestamp after a shuffled concurrent burst', async () => {
    const { admin } = keys();
    const base = 1_700_000_000_000n;
    const writes = Array.from({ length: 50 }, (_, i) => ({ online: i % 2 === 0, clientTimestamp: String(base + BigInt(i)) }));
    const shuffled = [...writes];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    const answers = await Promise.all(
      shuffled.map((body) => call(server.get(), 'POST', onlinePath('bot_service'), { key: admin, body })),
    );
    answers.forEach((answer, i) => {
      expect(answer.status).toBe(200);
      // Each answer is the state after that request: its own write, or a newer one that won.
      expect(BigInt(answer.body.agent.clientTimestamp)).toBeGreaterThanOrEqual(BigInt(shuffled[i]!.clientTimestamp));
    });
    const last = writes[writes.length - 1]!;
    expect(await presenceOf('bot_service', 'agent_lena')).toMatchObject(last);

    // A second burst of older writes changes nothing.
    const stale = await Promise.all(
      writes.slice(0, 10).map((body) => call(server.get(), 'POST', onlinePath('bot_service'), { key: admin, body: { ...body, online: true } })),
    );
    for (const answer of stale) expect(answer.body.agent).toMatchObject(last);
    expect(await presenceOf('bot_service', 'agent_lena')).toMatchObject(last);
  });

  it('writes for the key’s own agent and the list reflects it', async () => {
    const { agent } = keys();
    const before = await presenceOf('bot_service', 'agent_jonas');
    expect(before).toMatchObject({ online: false, lastSeen: null, clientTimestamp: '0' });
    const written = await setOnline('bot_service', agent, true, '5');
    expect(await presenceOf('bot_service', 'agent_jonas')).toEqual(written);
    // The same agent's state in another chatbot is separate.
    expect((await presenceOf('bot_shop', 'agent_jonas')).clientTimestamp).not.toBe('5');
    // Nobody else changed.
    expect(await presenceOf('bot_service', 'agent_sam')).toMatchObject({ online: false, clientTimestamp: '0' });
  });

  it('rejects bad bodies with a 400 that names the field, and changes nothing', async () => {
    const before = await presenceOf('bot_shop', 'agent_lena');
    const cases: [unknown, string][] = [
      [{ online: true }, 'clientTimestamp'],
      [{ online: true, clientTimestamp: 1234 }, 'clientTimestamp'],
      [{ online: true, clientTimestamp: '' }, 'clientTimestamp'],
      [{ online: true, clientTimestamp: '-5' }, 'clientTimestamp'],
      [{ online: true, clientTimestamp: '12.5' }, 'clientTimestamp'],
      [{ online: true, clientTimestamp: '1e20' }, 'clientTimestamp'],
      [{ online: true, clientTimestamp: ' 123' }, 'clientTimestamp'],
      [{ online: true, clientTimestamp: '0x10' }, 'clientTimestamp'],
      [{ online: true, clientTimestamp: '١٢٣' }, 'clientTimestamp'], // Arabic-Indic digits
      [{ online: true, clientTimestamp: '9'.repeat(21) }, 'clientTimestamp'],
      [{ clientTimestamp: '99999999999999999999' }, 'online'],
      [{ online: 'true', clientTimestamp: '99999999999999999999' }, 'online'],
      [{ online: true, clientTimestamp: '99999999999999999999', away: true }, 'away'],
      [[true, '99999999999999999999'], 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await call(server.get(), 'POST', onlinePath('bot_shop'), { body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.type).toBe('InvalidPayload');
      expect(response.body.error).toContain(field);
    }
    expect((await call(server.get(), 'POST', onlinePath('bot_shop'))).status).toBe(400);
    expect((await call(server.get(), 'POST', onlinePath('bot_shop'), { rawBody: '{"online":' })).status).toBe(400);
    expect(await presenceOf('bot_shop', 'agent_lena')).toEqual(before);
  });

  it('is forbidden to viewers', async () => {
    const response = await call(server.get(), 'POST', onlinePath('bot_shop'), {
      key: keys().viewer,
      body: { online: true, clientTimestamp: '99999999999999999999' },
    });
    expect(response.status).toBe(403);
    expect(response.body.type).toBe('Forbidden');
    expect(await presenceOf('bot_shop', 'agent_mia')).toMatchObject({ online: false, clientTimestamp: '0' });
    expect((await call(server.get(), 'POST', onlinePath('bot_shop'), { key: null, body: { online: true, clientTimestamp: '1' } })).status).toBe(401);
  });
});

describe('agents/me/notifications', () => {
  const get = async (chatbotId: string, key: string) => {
    const response = await call(server.get(), 'GET', notificationsPath(chatbotId), { key });
    expect(response.status).toBe(200);
    return NotificationSettings.strict().parse(response.body);
  };
  const post = (chatbotId: string, key: string, body?: unknown) =>
    call(server.get(), 'POST', notificationsPath(chatbotId), { key, body });

  it('sets, reads back and clears the push token per agent and chatbot', async () => {
    const { agent, admin } = keys();
    expect(await get('bot_shop', agent)).toEqual({ pushToken: null, updatedAt: null });

    const token = 'cVA6cG-ztyB-M8_7yul:APAnGnnmmELFUbziLIVatyDVe_DyihdJhiaQHYw';
    const set = await post('bot_shop', agent, { pushToken: token });
    expect(set.status).toBe(200);
    expect(set.body.pushToken).toBe(token);
    expect(set.body.updatedAt).toEqual(expect.any(String));
    expect(await get('bot_shop', agent)).toEqual(set.body);
    // Another chatbot and another agent are untouched.
    expect((await get('bot_service', agent)).pushToken).toBeNull();
    expect((await get('bot_shop', admin)).pushToken).toBeNull();

    const cleared = await post('bot_shop', agent, { pushToken: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.pushToken).toBeNull();
    expect(Date.parse(cleared.body.updatedAt)).toBeGreaterThan(Date.parse(set.body.updatedAt));
    expect((await get('bot_shop', agent)).pushToken).toBeNull();

    // An absent token, or no body at all, also clears.
    for (const body of [{}, undefined]) {
      expect((await post('bot_shop', agent, { pushToken: token })).body.pushToken).toBe(token);
      const response = await post('bot_shop', agent, body);
      expect(response.status).toBe(200);
      expect(response.body.pushToken).toBeNull();
      expect((await get('bot_shop', agent)).pushToken).toBeNull();
    }
  });

  it('accepts a 4096-character token and rejects bad ones without changing the stored one', async () => {
    const { admin } = keys();
    const long = 'x'.repeat(4096);
    expect((await post('bot_service', admin, { pushToken: long })).body.pushToken).toBe(long);
    const cases: [unknown, string][] = [
      [{ pushToken: '' }, 'pushToken'],
      [{ pushToken: 'has space' }, 'pushToken'],
      [{ pushToken: 'tab\there' }, 'pushToken'],
      [{ pushToken: 'y'.repeat(4097) }, 'pushToken'],
      [{ pushToken: 42 }, 'pushToken'],
      [{ pushToken: 'ok', platform: 'fcm' }, 'platform'],
      ['a-token', 'body'],
    ];
    for (const [body, field] of cases) {
      const response = await post('bot_service', admin, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.type).toBe('InvalidPayload');
      expect(response.body.error).toContain(field);
    }
    expect((await get('bot_service', admin)).pushToken).toBe(long);
  });

  it('lets viewers read but not write', async () => {
    const { viewer } = keys();
    expect(await get('bot_shop', viewer)).toEqual({ pushToken: null, updatedAt: null });
    const response = await post('bot_shop', viewer, { pushToken: 'abc' });
    expect(response.status).toBe(403);
    expect(response.body.type).toBe('Forbidden');
    expect((await get('bot_shop', viewer)).pushToken).toBeNull();
    expect((await call(server.get(), 'GET', notificationsPath('bot_shop'), { key: null })).status).toBe(401);
  });
});
