import { describe, expect, it } from 'vitest';
import type { MessageContent } from '../../src/shared/domain';
import { oneLine, summarize } from '../../src/shared/message-summary';

const card = { title: 'Lieferstatus', actions: [] };

describe('what a message says in one line', () => {
  it.each<[string, MessageContent, { text: string | null; detail: string | null }]>([
    ['text, on one line', { type: 'text', payload: { text: 'Hallo\n  wie geht’s?' } }, { text: 'Hallo wie geht’s?', detail: null }],
    ['a choice: its question', { type: 'choice', payload: { text: 'Welche Farbe?', options: [{ label: 'Rot', value: 'red' }] } }, { text: 'Welche Farbe?', detail: null }],
    ['a dropdown: its question', { type: 'dropdown', payload: { text: 'Größe?', options: [{ label: 'M', value: 'm' }] } }, { text: 'Größe?', detail: null }],
    ['a card: its title', { type: 'card', payload: card }, { text: null, detail: 'Lieferstatus' }],
    ['a carousel: every title', { type: 'carousel', payload: { items: [card, { ...card, title: 'Retoure' }] } }, { text: null, detail: 'Lieferstatus, Retoure' }],
    ['a file: its name', { type: 'file', payload: { fileUrl: 'https://x/a.pdf', title: 'Rechnung.pdf' } }, { text: null, detail: 'Rechnung.pdf' }],
    ['a file without a name', { type: 'file', payload: { fileUrl: 'https://x/a.pdf' } }, { text: null, detail: null }],
    ['a place: its title first', { type: 'location', payload: { latitude: 1, longitude: 2, title: 'Filiale', address: 'Hauptstr. 1' } }, { text: null, detail: 'Filiale' }],
    ['a place: else its address', { type: 'location', payload: { latitude: 1, longitude: 2, address: 'Hauptstr. 1' } }, { text: null, detail: 'Hauptstr. 1' }],
    ['an image', { type: 'image', payload: { imageUrl: 'https://x/a.png' } }, { text: null, detail: null }],
    ['a voice message', { type: 'audio', payload: { audioUrl: 'https://x/a.ogg' } }, { text: null, detail: null }],
    ['a video', { type: 'video', payload: { videoUrl: 'https://x/a.mp4' } }, { text: null, detail: null }],
  ])('%s', (_name, content, expected) => {
    expect(summarize(content)).toEqual({ kind: content.type, ...expected });
  });

  it('clips a long line with an ellipsis, counting it', () => {
    expect(oneLine('a'.repeat(200), 140)).toBe(`${'a'.repeat(139)}…`);
    expect(oneLine(' short ', 140)).toBe('short');
  });
});
