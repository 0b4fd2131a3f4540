// Which addresses Deckhand sends keys and conversations to: https anywhere, plain http only to
// this computer (the demo workspace, local development), never across a network unencrypted.
// One rule for the sign-in form (to say so at once) and for main (which enforces it).

/** This computer: localhost, 127.0.0.0/8 and ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

export function isSafeTransport(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

/**
 * The address over https: what an address kept over plain http becomes when the agent signs in
 * to it again (the same workspace, now encrypted). Anything but an http URL comes back as it is.
 */
export function overHttps(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return address;
  }
  if (url.protocol !== 'http:') return address;
  url.protocol = 'https:';
  // URL adds a slash after a bare host; the address had none.
  return address.endsWith('/') || url.pathname !== '/' ? url.href : url.href.replace(/\/$/, '');
}
