import { describe, expect, it } from 'vitest';
import { foldForSearch, matchRanges } from '../../src/shared/fold';

const finds = (text: string, term: string) => foldForSearch(text).includes(foldForSearch(term));
const marked = (text: string, term: string) => matchRanges(text, term).map(([s, e]) => text.slice(s, e));

describe('foldForSearch', () => {
  it.each([
    ['Yılmaz', 'yilmaz'],
    ['İstanbul', 'istanbul'],
    ['MÜLLER', 'muller'],
    ['Straße', 'strasse'],
    ['Søren Østergård', 'soren ostergard'],
    ['Łukasz Wałęsa', 'lukasz walesa'],
    ['Đorđević', 'dordevic'],
    ['Þórður Guðmundsson', 'thordur gudmundsson'],
    ['Ægir Œuvre', 'aegir oeuvre'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευσ'],
    ['Οδυσσεύς', 'οδυσσευσ'],
    ['Ёлка', 'елка'],
    ['ＡＢＣ ﬁne', 'abc fine'],
    ['أحمد', 'احمد'],
  ])('folds %s so that "%s" finds it', (text, typed) => {
    expect(finds(text, typed)).toBe(true);
    expect(foldForSearch(text)).toBe(foldForSearch(typed));
  });

  it('keeps letters apart that are different letters', () => {
    expect(finds('Müller', 'mall')).toBe(false);
    expect(finds('山田太郎', '田太')).toBe(true);
    expect(finds('山田太郎', '田中')).toBe(false);
  });
});

describe('matchRanges', () => {
  it('marks the original characters, whatever folding did to their length', () => {
    expect(marked('Herr Yılmaz schrieb', 'yilmaz')).toEqual(['Yılmaz']);
    expect(marked('Die Straße und die STRASSE', 'strasse')).toEqual(['Straße', 'STRASSE']);
    expect(marked('Café au lait, cafe noir', 'cafe')).toEqual(['Café', 'cafe']);
  });

  it('takes a mark written after the last letter with it', () => {
    const decomposed = 'Cafe\u0301 ouvert';
    expect(marked(decomposed, 'cafe')).toEqual(['Cafe\u0301']);
  });

  it('handles characters outside the basic plane and finds nothing for an empty term', () => {
    expect(marked('Hallo 👋🏽 Welt 👋', 'welt 👋')).toEqual(['Welt 👋']);
    expect(matchRanges('anything', '   ')).toEqual([]);
    expect(matchRanges('anything', 'nothing')).toEqual([]);
  });
});
