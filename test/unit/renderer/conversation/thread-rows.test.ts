import { describe, expect, it } from 'vitest';
import type { Message } from '../../../../src/shared/domain';
import type { OutboxItem } from '../../../../src/shared/view-models';
import { dayName, pendingOutbox, pickedOptions, threadRows } from '../../../../src/renderer/screens/conversation/thread-rows';

// Local times, so the tests mean the same in every time zone.
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).toISOString();

let n = 0;
function message(createdAt: string, sender: Message['sender'] = 'contact', extra: Partial<Message> = {}): Message {
  n += 1;
  return { id: `m${n}`, conversationId: 'c1', sender, createdAt, type: 'text', payload: { text: `#${n}` }, ...extra } as Message;
}

function outboxItem(clientMessageId: string, extra: Partial<OutboxItem> = {}): OutboxItem {
  return { clientMessageId, key: 'a/b/c1', text: 'Hallo', state: 'pending', attempts: 0, lastError: null, errorCode: null, createdAt: Date.parse(at(2025, 3, 10, 15)), messageId: null, ...extra };
}

describe('dayName', () => {
  const now = new Date(2025, 2, 10, 9, 30);
  it('names today and yesterday by the local calendar', () => {
    expect(dayName(at(2025, 3, 10, 0, 1), now)).toBe('today');
    expect(dayName(at(2025, 3, 10, 23, 59), now)).toBe('today');
    expect(dayName(at(2025, 3, 9, 23, 59), now)).toBe('yesterday');
    expect(dayName(at(2025, 3, 9, 0, 0), now)).toBe('yesterday');
    expect(dayName(at(2025, 3, 8, 23, 59), now)).toBe('other');
    expect(dayName(at(2024, 3, 10), now)).toBe('other');
  });

  it('finds yesterday across a month and a year boundary', () => {
    expect(dayName(at(2025, 2, 28), new Date(2025, 2, 1, 8))).toBe('yesterday');
    expect(dayName(at(2024, 12, 31), new Date(2025, 0, 1, 8))).toBe('yesterday');
  });
});

describe('threadRows', () => {
  it('puts a day separator before the first message of each day', () => {
    const messages = [message(at(2025, 3, 9, 10)), message(at(2025, 3, 9, 18)), message(at(2025, 3, 10, 8))];
    const rows = threadRows(messages, [], null);
    expect(rows.map((r) => r.kind)).toEqual(['day', 'message', 'message', 'day', 'message']);
    expect(rows[0]).toMatchObject({ kind: 'day', iso: messages[0]!.createdAt });
    expect(rows[3]).toMatchObject({ kind: 'day', iso: messages[2]!.createdAt });
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('marks follow-ups of the same sender within minutes as continued', () => {
    const messages = [
      message(at(2025, 3, 10, 10, 0), 'contact'),
      message(at(2025, 3, 10, 10, 1), 'contact'),
      message(at(2025, 3, 10, 10, 2), 'bot'),
      message(at(2025, 3, 10, 10, 30), 'bot'),
      message(at(2025, 3, 10, 10, 31), 'agent', { agentId: 'ag_1' }),
      message(at(2025, 3, 10, 10, 32), 'agent', { agentId: 'ag_2' }),
    ];
    const continued = threadRows(messages, [], null).flatMap((r) => (r.kind === 'message' ? [r.continued] : []));
    expect(continued).toEqual([false, true, false, false, false, false]);
  });

  it('puts pending replies at the end, after the day they were written on', () => {
    const messages = [message(at(2025, 3, 9, 10))];
    const rows = threadRows(messages, [outboxItem('x1')], 'ag_me');
    expect(rows.map((r) => r.kind)).toEqual(['day', 'message', 'day', 'outbox']);
    expect(rows[3]).toMatchObject({ kind: 'outbox', item: { clientMessageId: 'x1' }, continued: false });
  });

  it('continues a run from my last message into my pending reply', () => {
    const messages = [message(at(2025, 3, 10, 14, 58), 'agent', { agentId: 'ag_me' })];
    const rows = threadRows(messages, [outboxItem('x1')], 'ag_me');
    expect(rows.at(-1)).toMatchObject({ kind: 'outbox', continued: true });
  });
});

describe('pendingOutbox', () => {
  it('keeps pending and failed replies, oldest first', () => {
    const items = [outboxItem('b', { createdAt: 2, state: 'failed', lastError: 'could not reach', errorCode: 'Network' }), outboxItem('a', { createdAt: 1 })];
    expect(pendingOutbox(items, []).map((i) => i.clientMessageId)).toEqual(['a', 'b']);
  });

  it('keeps a sent reply until its message is in the thread', () => {
    const sent = outboxItem('a', { state: 'sent', messageId: 'srv_1' });
    expect(pendingOutbox([sent], [message(at(2025, 3, 10))])).toEqual([sent]);
  });

  it('drops a reply whose message is in the thread, by message id', () => {
    const sent = outboxItem('a', { state: 'sent', messageId: 'srv_1' });
    expect(pendingOutbox([sent], [message(at(2025, 3, 10), 'agent', { id: 'srv_1' })])).toEqual([]);
  });

  it('drops a reply whose message carries its clientMessageId (the live event came first)', () => {
    const pending = outboxItem('cm_7');
    expect(pendingOutbox([pending], [message(at(2025, 3, 10), 'agent', { id: 'srv_9', clientMessageId: 'cm_7' })])).toEqual([]);
  });

  it('shows the thread and the outbox without the duplicate', () => {
    const real = message(at(2025, 3, 10, 15), 'agent', { agentId: 'ag_me', clientMessageId: 'cm_1' });
    const rows = threadRows([real], [outboxItem('cm_1', { state: 'sent', messageId: real.id }), outboxItem('cm_2')], 'ag_me');
    expect(rows.filter((r) => r.kind !== 'day').map((r) => r.key)).toEqual([`m:${real.id}`, 'o:cm_2']);
  });
});

describe('pickedOptions: the option the customer chose (found in a day’s use: it was not marked)', () => {
  const offer = (type: 'choice' | 'dropdown', ...labels: string[]) =>
    message(at(2025, 3, 10, 10), 'bot', { type, payload: { text: 'Welche?', options: labels.map((label, i) => ({ label, value: `opt_${i}` })) } } as Partial<Message>);
  const says = (text: string, sender: Message['sender'] = 'contact') => message(at(2025, 3, 10, 10, 1), sender, { payload: { text } } as Partial<Message>);

  it('marks the option whose label (or value) the customer’s next message says, folded as search folds', () => {
    const choice = offer('choice', 'Ersatzlieferung', 'Geld zurück');
    const list = offer('dropdown', 'Mo, 08–12 Uhr', 'Di, 12–16 Uhr');
    const picked = pickedOptions([choice, says('geld zuruck'), list, says('opt_1')]);
    expect(picked.get(choice.id)).toBe('opt_1');
    expect(picked.get(list.id)).toBe('opt_1');
    const rows = threadRows([choice, says('Geld zurück')], [], null);
    expect(rows.find((r) => r.kind === 'message' && r.message.id === choice.id)).toMatchObject({ picked: 'opt_1' });
  });

  it('marks nothing when the customer said something else, or the bot offered again first', () => {
    const first = offer('choice', 'Gelb', 'Petrol');
    const again = offer('choice', 'Gelb', 'Petrol');
    expect(pickedOptions([first, says('Ich weiß nicht')]).size).toBe(0);
    expect(pickedOptions([first, again, says('Gelb')])).toEqual(new Map([[again.id, 'opt_0']]));
    expect(pickedOptions([first, says('Gelb', 'agent')]).size).toBe(0);
  });
});
