import { describe, expect, it } from 'vitest';
import { insertReply, pickReplies, replyText, slashQuery } from '../../../../src/renderer/screens/replies/reply-insert';
import { emptyReplyForm, validateReplyForm } from '../../../../src/renderer/screens/replies/reply-form';
import type { SavedReply } from '../../../../src/shared/saved-replies';

const reply = (shortcut: string, title: string, texts: SavedReply['texts']): SavedReply => ({ id: shortcut, shortcut, title, texts, updatedAt: '2026-11-01T10:00:00.000Z' });
const replies = [reply('dank', 'Danke', { de: 'Danke, {customer.firstName}!' }), reply('gruss', 'Begrüßung', { de: 'Hallo {customer.firstName}', en: 'Hi {customer.firstName}' }), reply('versand', 'Versand dauert', { de: 'Der Versand dauert 2 Tage.' })];

describe('inserting a saved reply', () => {
  it('finds the "/…" the caret is in, at the start or after a space', () => {
    expect(slashQuery('/gr', 3)).toEqual({ start: 0, query: 'gr' });
    expect(slashQuery('Hallo /gr', 9)).toEqual({ start: 6, query: 'gr' });
    expect(slashQuery('Hallo /', 7)).toEqual({ start: 6, query: '' });
    expect(slashQuery('und/oder', 8)).toBeNull();
    expect(slashQuery('/gr x', 5)).toBeNull();
    expect(slashQuery('https://x/', 10)).toBeNull();
  });

  it('offers shortcuts that start with what was typed first, then titles that contain it', () => {
    expect(pickReplies(replies, 'gr').map((r) => r.shortcut)).toEqual(['gruss']);
    expect(pickReplies(replies, 'dau').map((r) => r.shortcut)).toEqual(['versand']);
    expect(pickReplies(replies, 'GRÜ').map((r) => r.shortcut)).toEqual(['gruss']);
    expect(pickReplies(replies, '').map((r) => r.shortcut)).toEqual(['dank', 'gruss', 'versand']);
  });

  it('uses the customer’s language when the reply has it, else the agent’s, else the other', () => {
    expect(replyText(replies[1]!, 'en', 'de')).toMatch(/^Hi/);
    expect(replyText(replies[1]!, 'de-AT', 'en')).toMatch(/^Hallo/);
    expect(replyText(replies[1]!, undefined, 'en')).toMatch(/^Hi/);
    expect(replyText(replies[0]!, 'en', 'en')).toMatch(/^Danke/);
  });

  it('puts the reply with its variables filled in place of the "/…" and says where the caret goes', () => {
    const context = { customerName: 'Ayşe Yılmaz', agentName: 'Lena Hoffmann', chatbotName: 'Shop', language: 'de' as const };
    expect(insertReply('Gut. /gr', { start: 5, end: 8 }, replies[1]!, context)).toEqual({ text: 'Gut. Hallo Ayşe', caret: 15 });
  });

  it('checks the form as main does, one message per field', () => {
    expect(validateReplyForm({ shortcut: 'gruss', title: 'Hallo', de: 'Hallo!', en: '' })).toEqual({ fields: { shortcut: 'gruss', title: 'Hallo', texts: { de: 'Hallo!' } } });
    expect(validateReplyForm(emptyReplyForm)).toEqual({ errors: { shortcut: true, title: true, text: true } });
    expect(validateReplyForm({ shortcut: 'a b', title: 'x', de: 'x', en: '' })).toEqual({ errors: { shortcut: true } });
  });
});
