// Refusing a hostile body costs little however it is made: lists and strings are capped, so
// validation stops at the cap instead of reporting every element, and what the error says is
// short even when the body is not.
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../src/server/app';
import { contentCaps } from '../../../src/shared/domain';
import { call, useServer } from '../../support/server';

const server = useServer();
const channel = { chatbotId: 'bot_shop', channelId: 'whatsapp', channelName: 'WhatsApp Business', providerId: 'bounded-1' };

describe('bounded validation', () => {
  it('refuses 1 MB of invalid options with one issue: the list is too long', async () => {
    const options = Array.from({ length: 340_000 }, () => ({}));
    const rawBody = JSON.stringify({ ...channel, type: 'choice', payload: { text: 'Welche Größe?', options } });
    expect(rawBody.length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(rawBody.length).toBeGreaterThan(MAX_BODY_BYTES - 50_000);
    const response = await call(server.get(), 'POST', '/v1/chatbots/bot_shop/conversations/handle', { key: server.get().workspace.keys.channel, rawBody });
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('InvalidPayload');
    // One issue, about the list as a whole: no element was looked at.
    expect(response.body.error).toMatch(new RegExp(`^body\\.payload\\.options: [^;]*${contentCaps.options}[^;]*$`));
  });

  it('refuses an oversized text before anything else reads it', async () => {
    const rawBody = JSON.stringify({ ...channel, text: 'x'.repeat(MAX_BODY_BYTES - 1000) });
    const response = await call(server.get(), 'POST', '/v1/chatbots/bot_shop/conversations/handle', { key: server.get().workspace.keys.channel, rawBody });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/^body\.text: .*10000/);
  });

  it('keeps the error short when a body has tens of thousands of unknown fields', async () => {
    const body = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`field${i}`, 1]));
    const response = await call(server.get(), 'POST', '/v1/chatbots/bot_shop/organizations', { body: { name: 'Acme', ...body } });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatch(/field0/);
    expect(response.body.error.length).toBeLessThan(1000);
  });
});
