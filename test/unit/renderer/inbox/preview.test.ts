import { describe, expect, it } from 'vitest';
import { inboxDe, inboxEn } from '../../../../src/renderer/i18n/inbox';
import { previewText, type PreviewContext } from '../../../../src/renderer/screens/inbox/preview';
import { message } from './fixtures';

const context: PreviewContext = { myAgentId: 'agent_me', agentNames: new Map([['agent_anna', 'Anna Schmidt']]) };
const de = inboxDe.preview;
const en = inboxEn.preview;
const card = { title: 'Lieferstatus', actions: [] };

describe('previewText', () => {
  it('shows a contact’s text as it is, on one line', () => {
    expect(previewText(message({ type: 'text', payload: { text: 'Hallo,\n\nwo bleibt  mein Paket?' } }), context, de)).toBe(
      'Hallo, wo bleibt mein Paket?',
    );
  });

  it('prefixes bot and agent messages with who wrote them', () => {
    const bot = message({ type: 'text', sender: 'bot', payload: { text: 'Gern!' } });
    expect(previewText(bot, context, de)).toBe('Bot: Gern!');
    const mine = message({ type: 'text', sender: 'agent', agentId: 'agent_me', payload: { text: 'Ist unterwegs.' } });
    expect(previewText(mine, context, de)).toBe('Sie: Ist unterwegs.');
    expect(previewText(mine, context, en)).toBe('You: Ist unterwegs.');
    const anna = message({ type: 'text', sender: 'agent', agentId: 'agent_anna', payload: { text: 'Erledigt' } });
    expect(previewText(anna, context, de)).toBe('Anna: Erledigt');
    const stranger = message({ type: 'text', sender: 'agent', agentId: 'agent_x', payload: { text: 'Hi' } });
    expect(previewText(stranger, context, en)).toBe('Agent: Hi');
  });

  it('names each kind of message that has no words of its own', () => {
    expect(previewText(message({ type: 'image', payload: { imageUrl: 'https://x/y.png' } }), context, de)).toBe('Bild');
    expect(previewText(message({ type: 'image', payload: { imageUrl: 'https://x/y.png' } }), context, en)).toBe('Photo');
    expect(previewText(message({ type: 'audio', payload: { audioUrl: 'https://x/a.ogg' } }), context, de)).toBe('Sprachnachricht');
    expect(previewText(message({ type: 'video', payload: { videoUrl: 'https://x/v.mp4' } }), context, en)).toBe('Video');
    expect(previewText(message({ type: 'file', payload: { fileUrl: 'https://x/r.pdf' } }), context, de)).toBe('Datei');
    expect(previewText(message({ type: 'file', payload: { fileUrl: 'https://x/r.pdf', title: 'Rechnung.pdf' } }), context, de)).toBe(
      'Datei: Rechnung.pdf',
    );
    expect(previewText(message({ type: 'location', payload: { latitude: 52.5, longitude: 13.4 } }), context, de)).toBe('Standort');
    expect(
      previewText(message({ type: 'location', payload: { latitude: 52.5, longitude: 13.4, address: 'Alexanderplatz 1, Berlin' } }), context, en),
    ).toBe('Location: Alexanderplatz 1, Berlin');
  });

  it('shows the question of choices and dropdowns, and the titles of cards', () => {
    const options = [{ label: 'Ja', value: 'yes' }];
    expect(previewText(message({ type: 'choice', sender: 'bot', payload: { text: 'Zufrieden?', options } }), context, de)).toBe('Bot: Zufrieden?');
    expect(previewText(message({ type: 'dropdown', payload: { text: 'Welches Land?', options } }), context, de)).toBe('Welches Land?');
    expect(previewText(message({ type: 'card', payload: card }), context, de)).toBe('Karte: Lieferstatus');
    expect(previewText(message({ type: 'carousel', payload: { items: [card, { ...card, title: 'Retoure' }] } }), context, en)).toBe(
      'Carousel: Lieferstatus, Retoure',
    );
  });

  it('says so when there is no message yet', () => {
    expect(previewText(undefined, context, de)).toBe('Noch keine Nachrichten');
  });
});
