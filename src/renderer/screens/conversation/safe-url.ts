// Message payloads come from customers and from bot flows anyone could have written: a URL in
// them is untrusted. Links and media get an address only after this check (shared/web-url.ts);
// everything else is shown as text. The href handed back is the parsed, normalised one, so what
// is rendered is what was checked.
import { parseWebUrl } from '../../../shared/web-url';

/** An address for images, audio, video and downloads: http(s) only, else null. */
export function safeMediaUrl(url: string): string | null {
  return parseWebUrl(url)?.href ?? null;
}

/**
 * An address for a link the agent may click: http(s) only, else null. Main opens nothing else
 * outside the app (DESIGN.md: openExternal only for http(s)), so a mailto: link would be dead.
 */
export function safeLinkUrl(url: string): string | null {
  return parseWebUrl(url)?.href ?? null;
}

/** OpenStreetMap centred on a pin; null for coordinates outside the globe. */
export function mapUrl(latitude: number, longitude: number): string | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
}
