// Remote media for the renderer, which loads none itself (its CSP allows no network source for
// images, audio or video). The policy, per request:
// - Only http(s) addresses without user:password@.
// - The account's own origin and the media origins its platform declares load by themselves;
//   any other origin is answered 'ask' until the agent consents. Nothing is sent before that,
//   not even a DNS query: a sender who runs the name's DNS server would see that one too.
// - No address outside the public unicast ranges (address.ts), whether the URL names it or DNS
//   answers it, unless the origin is the account's own (the demo, a server in the company LAN).
//   Every address of the name must pass, and the connection goes to the one checked.
// - Redirects only within the origin (same-origin-fetch.ts); each hop is checked again.
// - The content type must be of the kind asked (image/*, audio/*, video/*), and the body at
//   most maxBytes (MAX_MEDIA_BYTES), counted while it arrives.
// - No credentials at all, not even to the account's own origin: a URL in a message is the
//   sender's choice, so sending the key with it would let a customer make the agent's key ask
//   for any path of the API. The files messages link to are public (a customer's channel, which
//   has no key, shows them too), and the demo serves its media without one.
import type { ConversationRef } from '../../../shared/keys';
import { MAX_MEDIA_BYTES, type MediaKind, type MediaRefusal, type MediaResult } from '../../../shared/media';
import { isLoopbackHost } from '../../../shared/transport';
import { parseWebUrl } from '../../../shared/web-url';
import { CrossOriginRedirect, TooManyRedirects, fetchSameOrigin } from '../http/same-origin-fetch';
import { isPublicAddress, literalAddress } from './address';
import type { MediaNetwork } from './network';

/** Where an account's media may come from without asking. */
export interface MediaTrust {
  /** The origin of the account's baseUrl. */
  own: string;
  /** Further origins the platform keeps its files on (ChatPlatform.mediaOrigins). */
  declared: readonly string[];
}

/** The trust of a signed-in account: its baseUrl's origin and its platform's media origins. */
export function trustOf(runtime: { account: { baseUrl: string }; platform: { mediaOrigins?: readonly string[] } }): MediaTrust {
  return { own: new URL(runtime.account.baseUrl).origin, declared: (runtime.platform.mediaOrigins ?? []).map((origin) => new URL(origin).origin) };
}

export interface MediaServiceOptions {
  network: MediaNetwork;
  /** Throws when the account is not signed in. */
  trust(accountId: string): MediaTrust;
  /** Default MAX_MEDIA_BYTES. */
  maxBytes?: number;
  /** For the whole transfer, redirects and body included. Default 30 s. */
  timeoutMs?: number;
}

export interface MediaFetch {
  ref: ConversationRef;
  url: string;
  kind: MediaKind;
  consent: boolean;
}

/** A name that resolves to an address media may not come from. */
class ForbiddenAddress extends Error {
  override readonly name = 'ForbiddenAddress';
}

const refused = (reason: MediaRefusal): MediaResult => ({ status: 'refused', reason });

/** A host that is a non-public address by its very name (an IP literal, localhost). */
function privateByName(hostname: string): boolean {
  const literal = literalAddress(hostname);
  return isLoopbackHost(hostname) || (literal !== null && !isPublicAddress(literal));
}

/** The body, or 'size' as soon as it grows past `max` (the rest is not read). */
async function readCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Buffer | 'size'> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return 'size';
    }
    chunks.push(value);
  }
}

export class MediaService {
  private readonly maxBytes: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: MediaServiceOptions) {
    this.maxBytes = options.maxBytes ?? MAX_MEDIA_BYTES;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async fetch({ ref, url: text, kind, consent }: MediaFetch): Promise<MediaResult> {
    const url = parseWebUrl(text);
    if (!url) return refused('scheme');
    const trust = this.options.trust(ref.accountId);
    const own = url.origin === trust.own;
    if (!own && privateByName(url.hostname)) return refused('address');
    if (!own && !trust.declared.includes(url.origin) && !consent) return { status: 'ask', host: url.host };
    try {
      return await this.load(url, kind, own);
    } catch (error) {
      if (error instanceof ForbiddenAddress) return refused('address');
      if (error instanceof CrossOriginRedirect || error instanceof TooManyRedirects) return refused('redirect');
      return refused('unavailable');
    }
  }

  private async load(url: URL, kind: MediaKind, own: boolean): Promise<MediaResult> {
    const headers = { accept: `${kind}/*`, 'user-agent': 'Deckhand' };
    const response = await fetchSameOrigin(this.checkedFetch(own), url.href, { headers, signal: AbortSignal.timeout(this.timeoutMs) });
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    const length = Number(response.headers.get('content-length') ?? 0);
    const problem: MediaRefusal | null = !response.ok
      ? 'unavailable'
      : !new RegExp(`^${kind}/[a-z0-9][a-z0-9.+-]*$`).test(contentType)
        ? 'type'
        : length > this.maxBytes
          ? 'size'
          : null;
    if (problem) {
      await response.body?.cancel();
      return refused(problem);
    }
    const body = await readCapped(response.body, this.maxBytes);
    if (body === 'size') return refused('size');
    return { status: 'ready', contentType, data: body.toString('base64') };
  }

  /** fetch for one hop: resolve, check every address, connect to a checked one. */
  private checkedFetch(own: boolean): typeof fetch {
    return async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : input);
      const addresses = await this.options.network.lookup(literalAddress(url.hostname) ?? url.hostname);
      const [first] = addresses;
      if (!first) throw new Error(`${url.hostname} has no address`);
      if (!own && !addresses.every((a) => isPublicAddress(a.address))) throw new ForbiddenAddress(url.hostname);
      return this.options.network.get(url, first, { headers: new Headers(init?.headers), signal: init?.signal ?? null });
    };
  }
}
