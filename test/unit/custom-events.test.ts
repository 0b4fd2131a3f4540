import { describe, expect, it } from 'vitest';
import { EventName, MAX_EVENT_PAYLOAD, parseEventPayload } from '../../src/shared/custom-events';

describe('a custom event', () => {
  it('takes names as chatbots name their events, and refuses the rest', () => {
    for (const name of ['order_completed', 'payment.failed', 'step:2', 'Refund-Issued', ' trimmed ']) expect(EventName.safeParse(name).success, name).toBe(true);
    for (const name of ['', '1st', 'two words', '_private', 'ümlaut', 'x'.repeat(101), 'semi;colon']) expect(EventName.safeParse(name).success, name).toBe(false);
  });

  it('takes data as a JSON object, says what is wrong otherwise, and nothing is no data', () => {
    expect(parseEventPayload('')).toEqual({ ok: true, payload: undefined });
    expect(parseEventPayload('  {"orderId": "12345", "items": [1, 2]} ')).toEqual({ ok: true, payload: { orderId: '12345', items: [1, 2] } });
    expect(parseEventPayload('{orderId: 1')).toEqual({ ok: false, reason: 'json' });
    expect(parseEventPayload('[1, 2]')).toEqual({ ok: false, reason: 'object' });
    expect(parseEventPayload('"text"')).toEqual({ ok: false, reason: 'object' });
    expect(parseEventPayload('null')).toEqual({ ok: false, reason: 'object' });
    expect(parseEventPayload(JSON.stringify({ big: 'x'.repeat(MAX_EVENT_PAYLOAD) }))).toEqual({ ok: false, reason: 'size' });
  });
});
