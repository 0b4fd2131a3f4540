// Relative and absolute times in the agent's language, with Intl (no library needed).
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 min ago" / "vor 5 Min." — null under a minute (the caller says "just now"). */
export function relativeTime(iso: string, language: string, now = Date.now()): string | null {
  const seconds = (Date.parse(iso) - now) / 1000;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return null;
}

// 'numeric' hours: "7:58 PM" in English, "19:58" in German (each language's own habit).
export const clockTime = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

export const fullDate = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'full' }).format(new Date(iso));

export const dateTime = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** The local calendar day of a timestamp, for day separators. */
export const dayKey = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
};
