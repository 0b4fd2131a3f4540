// The official @botpress/client, set up once for Deckhand: a timeout, its retry option with a
// rule that never repeats a write the server may already have applied, redirects followed only
// within the origin (as every platform's client does), the server's clock from every answer's
// Date header, and its typed errors (isApiError) turned into PlatformError.
import { Client, axiosRetry, isApiError, type RetryConfig } from '@botpress/client';
import { fullJitter } from '../../backoff';
import { PlatformError } from '../../errors/platform-error';
import { ClockOffset } from '../../http/clock-offset';
import { CrossOriginRedirect, MAX_REDIRECTS } from '../../http/same-origin-fetch';
import type { ErrorCode } from '../../../../shared/ipc';

export interface BotpressClientOptions {
  apiUrl: string;
  token: string;
  workspaceId?: string | undefined;
  /** Per attempt. Default 15 s. */
  timeoutMs?: number;
  /** Attempts after the first, for requests that are safe to repeat. Default 3. */
  retries?: number;
  /** Full jitter backoff between attempts. Defaults 250 ms, 8 s. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** This device's clock, against which the server's is measured. */
  now?: () => number;
}

/** What the client's retry rule sees of a failed request (an axios error). */
interface FailedRequest {
  code?: string;
  config?: { method?: string; url?: string };
  response?: { status: number; headers: Record<string, unknown> };
}

/**
 * Only what cannot do harm twice is repeated: reads, PUT/DELETE/PATCH (which set a state), and
 * the get-or-create calls, which find what a first attempt created. A createEvent is never
 * repeated: the bot would see hitlAssigned or hitlStopped twice.
 */
export function repeatable(error: FailedRequest): boolean {
  const method = (error.config?.method ?? '').toLowerCase();
  const path = (error.config?.url ?? '').split('?')[0] ?? '';
  const safe = method !== 'post' || /\/get-or-(create|set)$/.test(path);
  if (!safe || error.code === 'ERR_CANCELED' || refusedRedirect(error)) return false;
  const status = error.response?.status;
  if (status === undefined) return true; // no answer: the network, or a timeout
  return status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

// follow-redirects' codes for a redirect refused (by refuseOtherOrigins) or followed too often.
const refusedRedirect = (error: { code?: string | undefined }) => error.code === 'ERR_FR_REDIRECTION_FAILURE' || error.code === 'ERR_FR_TOO_MANY_REDIRECTS';

/** A Botpress client for one token (and, for the admin API, one workspace), and the server's clock. */
export class BotpressClient {
  private readonly offset = new ClockOffset();
  private readonly clients = new Map<string, Client>();

  constructor(private readonly options: BotpressClientOptions) {}

  /** Server time minus local time in ms. */
  serverOffset(): number {
    return this.offset.value();
  }

  /** The client for a bot's chat API (x-bot-id), or the admin API when botId is undefined. */
  for(botId: string | undefined, workspaceId = this.options.workspaceId): Client {
    const key = `${botId ?? ''}\n${workspaceId ?? ''}`;
    let client = this.clients.get(key);
    if (!client) this.clients.set(key, (client = this.create(botId, workspaceId)));
    return client;
  }

  private create(botId: string | undefined, workspaceId: string | undefined): Client {
    const { apiUrl, token, retries = 3, backoffBaseMs = 250, backoffCapMs = 8_000 } = this.options;
    const retry: RetryConfig = {
      retries,
      retryCondition: (error) => repeatable(error as FailedRequest),
      // Full jitter, but never sooner than a 429's Retry-After asks.
      retryDelay: (attempt, error) => Math.max(axiosRetry.retryAfter(error), fullJitter(attempt - 1, { baseMs: backoffBaseMs, capMs: backoffCapMs })),
    };
    const client = new Client({
      apiUrl,
      token,
      timeout: this.options.timeoutMs ?? 15_000,
      retry,
      ...(botId !== undefined && { botId }),
      ...(workspaceId !== undefined && { workspaceId }),
    });
    const axios = axiosOf(client);
    refuseOtherOrigins(axios);
    this.watchClock(axios);
    return client;
  }

  private watchClock(axios: AxiosLike): void {
    const now = this.options.now ?? Date.now;
    const sent = new WeakMap<object, number>();
    axios.interceptors.request.use((config) => {
      sent.set(config, now());
      return config;
    });
    const record = (response: { headers?: Record<string, unknown>; config?: object } | undefined) => {
      const date = response?.headers?.date;
      const at = typeof date === 'string' ? Date.parse(date) : Number.NaN;
      const sentAt = response?.config ? sent.get(response.config) : undefined;
      if (Number.isFinite(at) && sentAt !== undefined) this.offset.record(at, sentAt, now());
    };
    axios.interceptors.response.use(
      (response) => {
        record(response);
        return response;
      },
      (error: { response?: { headers?: Record<string, unknown>; config?: object } }) => {
        record(error.response);
        return Promise.reject(error);
      },
    );
  }
}

// The client offers no hook for response headers or redirects; its axios instance (a private
// field, checked here so that a client update that moves it fails loudly) does.
function axiosOf(client: Client): AxiosLike {
  const axios = (client as unknown as { axiosInstance?: AxiosLike }).axiosInstance;
  if (!axios?.defaults || !axios.interceptors?.request || !axios.interceptors.response) throw new Error('@botpress/client no longer exposes its axios instance');
  return axios;
}

// axios (through follow-redirects) drops Authorization on a redirect to another host but keeps
// x-bot-id, x-workspace-id and, on a 307/308, the body: a reply's text. Such a redirect is
// refused before anything is sent; one within the origin is followed.
function refuseOtherOrigins(axios: AxiosLike): void {
  axios.defaults.maxRedirects = MAX_REDIRECTS;
  axios.defaults.beforeRedirect = (target, _response, request) => {
    if (new URL(target.href).origin !== new URL(request.url).origin) throw new CrossOriginRedirect(request.url, target.href);
  };
}

interface AxiosLike {
  defaults: {
    maxRedirects?: number;
    beforeRedirect?: (target: { href: string }, response: unknown, request: { url: string }) => void;
  };
  interceptors: {
    request: { use(onFulfilled: (config: object) => object): unknown };
    response: {
      use(
        onFulfilled: (response: { headers?: Record<string, unknown>; config?: object }) => unknown,
        onRejected: (error: { response?: { headers?: Record<string, unknown>; config?: object } }) => unknown,
      ): unknown;
    };
  };
}

const codeOfType: Readonly<Record<string, ErrorCode>> = {
  Unauthorized: 'Unauthorized',
  Forbidden: 'Forbidden',
  ResourceNotFound: 'NotFound',
  ResourceGone: 'NotFound',
  RateLimited: 'RateLimited',
  Internal: 'Server',
};

/** Any failure of a client call, as Deckhand's PlatformError. */
export function toPlatformError(error: unknown, what: string): PlatformError {
  if (error instanceof PlatformError) return error;
  if (!isApiError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new PlatformError('Malformed', `${what}: ${message}`, { cause: error });
  }
  const status = typeof error.code === 'number' ? error.code : undefined;
  const cause = (error as { error?: FailedRequest & { message?: string; cause?: { cause?: unknown } } }).error;
  if (cause && refusedRedirect(cause)) {
    // axios wraps follow-redirects' error, which wraps the CrossOriginRedirect thrown above.
    const refused = cause.cause?.cause;
    const why = refused instanceof CrossOriginRedirect ? refused.message : `the server redirected more than ${MAX_REDIRECTS} times`;
    return new PlatformError('Redirected', `${what}: ${why}. Deckhand does not follow it with your key; check the address.`, { cause: error });
  }
  // The client reports a request that got no answer as an Unknown 500; its axios error tells.
  if (error.type === 'Unknown' && cause && cause.response === undefined && cause.code !== undefined) {
    const timeout = cause.code === 'ECONNABORTED' || cause.code === 'ETIMEDOUT';
    return new PlatformError(timeout ? 'Timeout' : 'Network', `${what}: ${timeout ? 'no answer in time' : `could not reach the server (${cause.code})`}`, { cause: error });
  }
  const code = codeOfType[error.type] ?? (status !== undefined && status >= 500 ? 'Server' : 'Invalid');
  const retryAfter = Number(cause?.response?.headers?.['retry-after']);
  return new PlatformError(code, error.message || `${what}: ${error.type}`, {
    ...(status !== undefined && { status }),
    ...(code === 'RateLimited' && Number.isFinite(retryAfter) && { retryAfterMs: retryAfter * 1000 }),
    cause: error,
  });
}

/** Runs a client call; its failure becomes a PlatformError naming what was tried. */
export async function attempt<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toPlatformError(error, what);
  }
}
