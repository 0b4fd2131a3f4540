/** Lower-cased and free of accents, so "muller" and "MÜLLER" both find "Müller". One definition
 * for every search: the inbox filter in JavaScript and fold() in SQLite. */
export const foldForSearch = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
