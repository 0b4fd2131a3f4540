// What counts as a web address wherever a URL from a message is used (a link the agent may open,
// media main may fetch): absolute http(s) with a host, without user:password@ (how phishing
// links disguise their real host), and of a sane length. Parsing with URL (no base) refuses
// relative and protocol-relative addresses; callers use the parsed, normalised URL, so what is
// used is what was checked.

export const MAX_URL_LENGTH = 8192;

/** The parsed URL when `text` is such an address, else null. */
export function parseWebUrl(text: string): URL | null {
  if (text.length === 0 || text.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.hostname === '' ? null : url;
}
