import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { de, en } from '../../../../src/renderer/i18n';
import { rowWords } from '../../../../src/renderer/screens/inbox/row-words';

beforeAll(async () => {
  await i18next.init({ lng: 'de', resources: { en: { translation: en }, de: { translation: de } }, interpolation: { escapeValue: false } });
});

describe('rowWords', () => {
  it('says what t() says, for every kind, count and name a row asks for', () => {
    const t = i18next.t.bind(i18next) as Parameters<typeof rowWords>[0];
    const words = rowWords(t);
    expect(words.channels.whatsapp).toBe(t('inbox.channels.whatsapp'));
    expect(words.found('Paket')).toBe(t('queue.found', { text: 'Paket' }));
    expect(words.status('waiting')).toBe(t('inbox.status.waiting'));
    expect(words.assignedTo('Lena')).toBe(t('inbox.status.assignedTo', { name: 'Lena' }));
    expect(words.unread(1)).toBe(t('inbox.unread', { count: 1 }));
    expect(words.unread(3)).toBe(t('inbox.unread', { count: 3 }));
    expect(words.unread(3)).not.toBe(words.unread(1));
    expect(words.justNow).toBe(t('common.justNow'));
    expect(words.preview.image).toBe(t('inbox.preview.image'));
  });
});
