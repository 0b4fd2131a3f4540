// fetch that follows redirects only within the origin it was asked for. A redirect elsewhere
// would carry the credentials' header (and, on a 307/308, the body) to a server the agent never
// signed in to; fetch itself forwards custom headers across origins, so redirects are followed
// here by hand and one to another origin is refused.

/** A redirect to another origin, refused: nothing was sent there. */
export class CrossOriginRedirect extends Error {
  override readonly name = 'CrossOriginRedirect';
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`${new URL(from).origin} redirected to ${to}, another address`);
  }
}

/** A chain of redirects too long to be anything but a loop. */
export class TooManyRedirects extends Error {
  override readonly name = 'TooManyRedirects';
}

/** Hops followed within an origin before a chain counts as a loop (every platform's client). */
export const MAX_REDIRECTS = 5;
const redirects = new Set([301, 302, 303, 307, 308]);

export async function fetchSameOrigin(fetchFn: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  let current = url;
  let { method = 'GET', body } = init;
  const headers = new Headers(init.headers);
  for (let hop = 0; ; hop++) {
    const response = await fetchFn(current, { ...init, method, headers, body, redirect: 'manual' });
    const location = response.headers.get('location');
    if (!redirects.has(response.status) || location === null) return response;
    await response.body?.cancel();
    const target = new URL(location, current);
    if (target.origin !== new URL(current).origin) throw new CrossOriginRedirect(current, target.href);
    if (hop >= MAX_REDIRECTS) throw new TooManyRedirects(`${new URL(url).origin} redirected more than ${MAX_REDIRECTS} times`);
    // As browsers do: a 303, and a 301/302 after a POST, go on as a GET without the body.
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      headers.delete('content-type');
    }
    current = target.href;
  }
}
