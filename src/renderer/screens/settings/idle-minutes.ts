// The auto-away delay as typed in Settings. Pure, so it can be unit-tested without a DOM.

/** A whole number of minutes from 1 to 240, as the contract takes it; null otherwise. */
export function parseIdleMinutes(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= 1 && value <= 240 ? value : null;
}
