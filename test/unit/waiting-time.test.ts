import { describe, expect, it } from 'vitest';
import type { InboxConversation } from '../../src/shared/view-models';
import { waitStart, waitedMs, waitingSince } from '../../src/shared/waiting-time';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 10, minute)).toISOString();
const said = (sender: 'contact' | 'bot' | 'agent', minute: number) => ({ sender, createdAt: at(minute) });
const conversation = (status: 'bot' | 'waiting' | 'assigned' | 'closed', assignedAgentId: string | null = null, archived = false) => ({
  status,
  assignedAgentId,
  archived,
  createdAt: at(0),
});

describe('since when a customer waits for a person', () => {
  it('counts from their first message after a person last wrote, whatever the bot said meanwhile', () => {
    const messages = [said('contact', 1), said('agent', 2), said('contact', 5), said('bot', 6), said('contact', 7)];
    expect(waitingSince(conversation('assigned', 'me'), messages)).toBe(at(5));
    expect(waitingSince(conversation('waiting'), messages)).toBe(at(5));
  });

  it('counts the whole bot talk for a customer no person answered yet', () => {
    expect(waitingSince(conversation('waiting'), [said('contact', 1), said('bot', 2), said('contact', 3), said('bot', 4)])).toBe(at(1));
  });

  it('has a conversation in the queue wait even when the customer said nothing since a person', () => {
    expect(waitingSince(conversation('waiting'), [said('contact', 1), said('agent', 2), said('bot', 3)])).toBe(at(3));
    expect(waitingSince(conversation('waiting'), [said('contact', 1), said('agent', 2)])).toBe(at(2));
    expect(waitingSince(conversation('waiting'), [])).toBe(at(0));
  });

  it('waits for nobody when a person answered last, or the bot or nobody handles it, or it is archived', () => {
    expect(waitingSince(conversation('assigned', 'me'), [said('contact', 1), said('agent', 2)])).toBeNull();
    expect(waitingSince(conversation('assigned', 'me'), [said('contact', 1), said('agent', 2), said('bot', 3)])).toBeNull();
    expect(waitingSince(conversation('bot'), [said('contact', 1)])).toBeNull();
    expect(waitingSince(conversation('closed'), [said('contact', 1)])).toBeNull();
    expect(waitingSince(conversation('waiting', null, true), [said('contact', 1)])).toBeNull();
  });

  it('uses what main worked out, else the last message; and counts milliseconds from it', () => {
    const base = { ...conversation('waiting'), lastMessage: { id: 'm', conversationId: 'c', type: 'text', payload: { text: 'hallo?' }, ...said('contact', 9) } } as unknown as InboxConversation;
    expect(waitStart(base)).toBe(at(9));
    expect(waitStart({ ...base, waitingSince: at(3) })).toBe(at(3));
    expect(waitStart({ ...base, waitingSince: null })).toBeNull();
    expect(waitedMs({ ...base, waitingSince: at(3) }, Date.parse(at(5)))).toBe(120_000);
    expect(waitedMs({ ...base, waitingSince: at(3) }, Date.parse(at(2)))).toBe(0);
  });
});
