// Links and labels for an organization's fields. Values come from the server and may have been
// typed by anyone, so a link is made only after checking its scheme (DESIGN.md: http(s), mailto,
// tel); anything else is shown as plain text.

// zod's email and domain rules (the contract and the server use zod), so what passes here
// passes there.
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

// The server's z.httpUrl() checks the host name the URL parser made (umlauts become punycode).
const DOMAIN_PATTERN = /^(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

function parseWebUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // user:pass@host is how phishing links disguise their real host.
  if (url.username !== '' || url.password !== '') return null;
  if (!DOMAIN_PATTERN.test(url.hostname)) return null;
  return url;
}

/** The href for a website if it is a plain http(s) address with a real domain, else null. */
export function safeWebHref(website: string | undefined): string | null {
  return website ? (parseWebUrl(website)?.href ?? null) : null;
}

/** "mueller-soehne.de" for "https://www.mueller-soehne.de/kontakt", or null when not a web address. */
export function websiteDomain(website: string | undefined): string | null {
  const url = website ? parseWebUrl(website) : null;
  return url ? url.hostname.replace(/^www\./i, '').toLowerCase() : null;
}

export function isWebAddress(value: string): boolean {
  return parseWebUrl(value) !== null;
}

/** "German" / "Deutsch" for "de"; the code itself when the runtime does not know it. */
export function languageName(code: string | undefined, uiLanguage: string): string | null {
  if (!code) return null;
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
