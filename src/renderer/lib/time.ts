// Relative and absolute times in the agent's language, with Intl (no library needed). Making an
// Intl formatter costs far more than formatting with one (~0.3 ms: scrolling the inbox renders a
// few dozen rows a frame, two times each), so each is made once per language and kept.
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();

function formatter<F extends Intl.RelativeTimeFormat | Intl.DateTimeFormat>(kind: string, language: string, make: () => F): F {
  const key = `${kind}|${language}`;
  let found = formatters.get(key) as F | undefined;
  if (!found) formatters.set(key, (found = make()));
  return found;
}

const dateTimeFormat = (kind: string, language: string, options: Intl.DateTimeFormatOptions) =>
  formatter(kind, language, () => new Intl.DateTimeFormat(language, options));
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
  const format = formatter('relative', language, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'short' }));
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return null;
}

// 'numeric' hours: "7:58 PM" in English, "19:58" in German (each language's own habit).
export const clockTime = (iso: string, language: string): string =>
  dateTimeFormat('clock', language, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

export const fullDate = (iso: string, language: string): string =>
  dateTimeFormat('fullDate', language, { dateStyle: 'full' }).format(new Date(iso));

export const dateTime = (iso: string, language: string): string =>
  dateTimeFormat('dateTime', language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** The local calendar day of a timestamp, for day separators. */
export const dayKey = (iso: string): string => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
};
