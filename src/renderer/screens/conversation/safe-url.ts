// Message payloads come from customers and from bot flows anyone could have written: a URL in
// them is untrusted. Links and media get an address only after this check; everything else is
// shown as text. Parsing with URL (no base) refuses relative and protocol-relative addresses, and
// the href we hand back is the parsed, normalised one, so what is rendered is what was checked.

const MAX_LENGTH = 8192;

function parse(url: string): URL | null {
  if (url.length === 0 || url.length > MAX_LENGTH) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function webUrl(parsed: URL): string | null {
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  // user:pass@host is how phishing links disguise their real host.
  if (parsed.username !== '' || parsed.password !== '') return null;
  return parsed.href;
}

/** An address for images, audio, video and downloads: http(s) only, else null. */
export function safeMediaUrl(url: string): string | null {
  const parsed = parse(url);
  return parsed ? webUrl(parsed) : null;
}

/**
 * An address for a link the agent may click: http(s) only, else null. Main opens nothing else
 * outside the app (DESIGN.md: openExternal only for http(s)), so a mailto: link would be dead.
 */
export function safeLinkUrl(url: string): string | null {
  const parsed = parse(url);
  return parsed ? webUrl(parsed) : null;
}

/** OpenStreetMap centred on a pin; null for coordinates outside the globe. */
export function mapUrl(latitude: number, longitude: number): string | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
}
