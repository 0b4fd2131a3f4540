// Search folding: one definition for every search, so "muller" and "MÜLLER" both find "Müller"
// and "yilmaz" finds "Yılmaz", in the inbox filter (JavaScript), fold() in SQLite, the message
// index (main's FTS table stores folded text) and the highlights in a thread.
//
// NFKD splits accents off their letters (é → e + ◌́) and undoes compatibility forms (ﬁ → fi,
// full-width Ａ → A); the marks are dropped, then the case. A few letters are letters of their
// own to Unicode, not a letter with a mark, yet a searcher types them without: those are mapped.

const letters: Readonly<Record<string, string>> = {
  ı: 'i', // Turkish dotless i
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ς: 'σ', // Greek final sigma: the same letter as σ
};
const letter = new RegExp(`[${Object.keys(letters).join('')}]`, 'g');
const marks = /\p{M}/gu;

export const foldForSearch = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(marks, '')
    .toLowerCase()
    .replace(letter, (c) => letters[c] ?? c);

/**
 * Where `term` occurs in `text` as search sees it (both folded): [start, end) ranges of the
 * original text, for highlighting. Folding changes lengths (ß → ss, é → e), so each character is
 * folded on its own and remembers where it came from.
 */
export function matchRanges(text: string, term: string): [start: number, end: number][] {
  const needle = foldForSearch(term.trim());
  if (needle === '') return [];
  let folded = '';
  /** For each UTF-16 unit of `folded`: the index in `text` of the character it came from. */
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = foldForSearch(char);
    folded += part;
    for (let i = 0; i < part.length; i++) origin.push(index);
    index += char.length;
  }
  const ranges: [number, number][] = [];
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
    const start = origin[at]!;
    const lastOrigin = origin[at + needle.length - 1]!;
    const end = lastOrigin + (text.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
    // Marks after the last matched letter belong to it (é written as e + ◌́).
    let stop = end;
    while (stop < text.length && /\p{M}/u.test(text[stop]!)) stop++;
    ranges.push([start, stop]);
  }
  return ranges;
}
