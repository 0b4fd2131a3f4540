// A small JSON client on global fetch for platforms that speak plain HTTP. It owns what every
// request needs and no caller should repeat: a timeout, retries that cannot duplicate a write,
// validation of every answer, the mapping of failures to PlatformError, and the server clock.
// What differs between platforms, the credentials' header and the shape of an error body, comes
// from the platform's dialect.
import type { z } from 'zod';
import type { ErrorCode } from '../../../shared/ipc';
import { PlatformError } from '../errors/platform-error';
import { isTransient } from '../errors/transient';
import { ClockOffset } from './clock-offset';
import { CrossOriginRedirect, TooManyRedirects, fetchSameOrigin } from './same-origin-fetch';

/** How one platform authenticates and words its errors. */
export interface HttpDialect {
  /** Sent with every request (the credentials). */
  readonly headers: Readonly<Record<string, string>>;
  /** What an error answer's body says, if the platform's shape is there. */
  errorOf(status: number, body: string): { message?: string; permission?: string };
}

/** The code an HTTP error status stands for. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Forbidden';
  if (status === 404) return 'NotFound';
  if (status === 429) return 'RateLimited';
  if (status >= 500) return 'Server';
  return 'Invalid';
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpOptions {
  /** Per attempt, including reading the body. Default 15 s. */
  timeoutMs?: number;
  /** Attempts after the first, for requests that are safe to repeat. Default 3. */
  retries?: number;
  /** Full jitter backoff: attempt n sleeps random(0, min(cap, base·2^n)). Defaults 250 ms, 8 s. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** A 429 asking for a longer wait than this is handed to the caller instead of waited out. Default 30 s. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A POST or PATCH the server applies once however often it arrives (e.g. keyed by clientMessageId). */
  idempotent?: boolean;
}

export class HttpClient {
  readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly fetchFn: typeof fetch;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  private readonly offset = new ClockOffset();

  constructor(
    baseUrl: string,
    private readonly dialect: HttpDialect,
    options: HttpOptions = {},
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 3;
    this.backoffBaseMs = options.backoffBaseMs ?? 250;
    this.backoffCapMs = options.backoffCapMs ?? 8_000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
  }

  /** Server time minus local time in ms, from the last response that carried a Date header. */
  serverOffset(): number {
    return this.offset.value();
  }

  async request<S extends z.ZodType>(method: Method, path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
    const url = this.baseUrl + path + queryString(options.query);
    // Only what cannot do harm twice is repeated: the server may have applied a request whose
    // answer we never saw.
    const repeatable = method === 'GET' || method === 'DELETE' || options.idempotent === true;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(method, path, url, schema, options.body);
      } catch (error) {
        const wait = repeatable && attempt < this.retries ? this.retryDelay(error, attempt) : null;
        if (wait === null) throw error;
        await this.sleep(wait);
      }
    }
  }

  /** A GET whose status alone matters (e.g. probing for an endpoint); never throws. */
  async probe(path: string): Promise<number | null> {
    try {
      const response = await this.fetchFn(this.baseUrl + path, { redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs) });
      await response.body?.cancel();
      return response.status;
    } catch {
      return null;
    }
  }

  /** How long to wait before the next attempt, or null when this failure is final. */
  private retryDelay(error: unknown, attempt: number): number | null {
    if (!(error instanceof PlatformError) || !isTransient(error)) return null;
    const jitter = this.random() * Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** attempt);
    if (error.retryAfterMs === undefined) return jitter;
    if (error.retryAfterMs > this.maxRetryAfterMs) return null;
    return Math.max(error.retryAfterMs, jitter);
  }

  private async attempt<S extends z.ZodType>(method: Method, path: string, url: string, schema: S, body: unknown): Promise<z.infer<S>> {
    const what = `${method} ${path.split('?')[0]}`;
    const headers: Record<string, string> = { ...this.dialect.headers, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const sentAt = this.now();
    let response: Response;
    let text: string;
    try {
      response = await fetchSameOrigin(this.fetchFn, url, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      this.recordOffset(response.headers.get('date'), sentAt, this.now());
      text = await response.text();
    } catch (error) {
      throw this.transportError(error, what);
    }
    if (!response.ok) throw this.statusError(response, text, what);

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PlatformError('Malformed', `${what}: the server answered with something that is not JSON`, { status: response.status });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      throw new PlatformError('Malformed', `${what}: unexpected answer${where}: ${issue?.message ?? 'wrong shape'}`, {
        status: response.status,
      });
    }
    return parsed.data;
  }

  private recordOffset(date: string | null, sentAt: number, receivedAt: number): void {
    const serverTime = date ? Date.parse(date) : Number.NaN;
    if (Number.isFinite(serverTime)) this.offset.record(serverTime, sentAt, receivedAt);
  }

  private transportError(error: unknown, what: string): PlatformError {
    if (error instanceof CrossOriginRedirect || error instanceof TooManyRedirects) {
      return new PlatformError('Redirected', `${what}: ${error.message}. Deckhand does not follow it with your key; check the address.`, { cause: error });
    }
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError') {
      return new PlatformError('Timeout', `${what}: no answer from ${this.baseUrl} within ${this.timeoutMs / 1000} s`, { cause: error });
    }
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return new PlatformError('Network', `${what}: could not reach ${this.baseUrl}${cause}`, { cause: error });
  }

  private statusError(response: Response, text: string, what: string): PlatformError {
    const status = response.status;
    const code = codeForStatus(status);
    // Not the platform's error shape (a proxy's HTML page, say): the status says enough.
    const said = this.dialect.errorOf(status, text);
    const message = said.message || `${what}: HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
    const retryAfterMs = status === 429 || status === 503 ? this.retryAfter(response.headers.get('retry-after')) : undefined;
    return new PlatformError(code, message, {
      status,
      ...(code === 'Forbidden' && said.permission !== undefined && { permission: said.permission }),
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }

  /** Retry-After as delta seconds or as an HTTP date (in the server's clock). */
  private retryAfter(header: string | null): number | undefined {
    if (header === null || header.trim() === '') return undefined;
    if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
    const at = Date.parse(header);
    return Number.isFinite(at) ? Math.max(0, at - (this.now() + this.offset.value())) : undefined;
  }
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
