import { describe, expect, it } from 'vitest';
import { SavedRepliesFile, SavedReplyFields, fillVariables } from '../../src/shared/saved-replies';

describe('saved replies', () => {
  it('fills the variables it knows and leaves the others as written', () => {
    const text = 'Hallo {customer.firstName}, ich bin {agent.name}. Ihre Adresse: {customer.email}. {unknown.thing}';
    expect(fillVariables(text, { 'customer.firstName': 'Ayşe', 'agent.name': 'Lena Hoffmann' })).toBe(
      'Hallo Ayşe, ich bin Lena Hoffmann. Ihre Adresse: {customer.email}. {unknown.thing}',
    );
    expect(fillVariables('{customer.name}{customer.name}', { 'customer.name': '$&' })).toBe('$&$&');
  });

  it('needs a shortcut of letters, digits, - and _, a title, and a text in at least one language', () => {
    const ok = SavedReplyFields.parse({ shortcut: ' gruß-2 ', title: ' Begrüßung ', texts: { de: 'Hallo!', en: '  ' } });
    expect(ok).toEqual({ shortcut: 'gruß-2', title: 'Begrüßung', texts: { de: 'Hallo!' } });
    expect(SavedReplyFields.safeParse({ shortcut: 'two words', title: 'x', texts: { de: 'x' } }).success).toBe(false);
    expect(SavedReplyFields.safeParse({ shortcut: 'x', title: '', texts: { de: 'x' } }).success).toBe(false);
    expect(SavedReplyFields.safeParse({ shortcut: 'x', title: 'x', texts: { de: ' ', en: '' } }).success).toBe(false);
  });

  it('reads only its own file format', () => {
    const file = { format: 'deckhand.saved-replies', version: 1, replies: [{ shortcut: 'hi', title: 'Hi', texts: { en: 'Hi!' } }] };
    expect(SavedRepliesFile.safeParse(file).success).toBe(true);
    expect(SavedRepliesFile.safeParse({ ...file, version: 2 }).success).toBe(false);
    expect(SavedRepliesFile.safeParse({ ...file, format: 'other' }).success).toBe(false);
  });
});
