// Playwright helpers for the e2e tests: Debian's Chromium (playwright-core brings no browser),
// one per test file and reused by its tests; a page on an e2e host in a given locale and colour
// scheme, collecting console errors, page errors and CSP violations; contract calls and events
// from inside the page; screenshots under test-results/; axe-core's serious/critical findings.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults, ImpactValue, RunOptions } from 'axe-core';
import { afterAll, beforeAll } from 'vitest';
import type { CallInput, CallName, CallOutput, DeckhandApi, EventName, EventPayload, IpcResult } from '../../../src/shared/ipc';
import { projectRoot } from '../../support/app-build';
import { AXE_PATH } from '../host/static-files';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; install it with: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** One Chromium for the whole test file (start-up costs a second or two on 2 cores). */
export function useBrowser(): { get(): Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get() {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
  };
}

export interface OpenOptions {
  locale?: 'de-DE' | 'en-US';
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Runs on the new context before the app loads (e.g. `context.routeWebSocket` to tamper with the bridge). */
  setup?: (context: BrowserContext) => Promise<void>;
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught page errors and CSP violations, as they happened. */
  problems: string[];
  close(): Promise<void>;
}

// Console errors that are not the app's doing in this harness.
const knownNoise = [
  // src/renderer/index.html puts frame-ancestors in a <meta> CSP, where browsers ignore it (and say so).
  /directive 'frame-ancestors' is ignored when delivered via a <meta> element/,
];

/** Opens the app served by `host` in a fresh context and waits for the bridge to connect. */
export async function openApp(browser: Browser, host: { url: string }, options: OpenOptions = {}): Promise<AppPage> {
  const context = await browser.newContext({
    locale: options.locale ?? 'de-DE',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  await options.setup?.(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!knownNoise.some((noise) => noise.test(text))) problems.push(`console: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(host.url);
  await waitForBridge(page);
  return { page, context, problems, close: () => context.close() };
}

type BridgeGlobals = { deckhand: DeckhandApi; __deckhandBridge?: { connected(): boolean; connections(): number } };

/** Resolves once the page's bridge is connected to the host. */
export async function waitForBridge(page: Page, timeoutMs = 10_000): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as BridgeGlobals).__deckhandBridge?.connected() === true, undefined, {
    timeout: timeoutMs,
  });
}

/** How often the page's bridge has connected (1 at first; more after reconnects). */
export function bridgeConnected(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as unknown as BridgeGlobals).__deckhandBridge?.connected() ?? false);
}

export function bridgeConnections(page: Page): Promise<number> {
  return page.evaluate(() => (globalThis as unknown as BridgeGlobals).__deckhandBridge?.connections() ?? 0);
}

/** A contract call made from inside the page, through window.deckhand, as the renderer makes it. */
export function callInPage<N extends CallName>(page: Page, name: N, input: CallInput<N>): Promise<IpcResult<CallOutput<N>>> {
  return page.evaluate(
    ([n, i]) => {
      const fn = (globalThis as unknown as BridgeGlobals).deckhand[n] as (input: unknown) => Promise<unknown>;
      return fn(i);
    },
    [name, input] as const,
  ) as Promise<IpcResult<CallOutput<N>>>;
}

export interface EventLog {
  /** Payloads received in the page so far, oldest first. */
  all<N extends EventName>(name: N): EventPayload<N>[];
  /** The first payload (already received or still to come) that `test` accepts. */
  waitFor<N extends EventName>(name: N, test?: (payload: EventPayload<N>) => boolean, timeoutMs?: number): Promise<EventPayload<N>>;
}

/** Subscribes in the page (window.deckhand.on) to `names` and records what arrives. */
export async function recordEvents(page: Page, names: EventName[]): Promise<EventLog> {
  const received: { name: EventName; payload: unknown }[] = [];
  /** Waiters re-check on every event; each removes itself once it resolves or times out. */
  const waiters = new Set<() => void>();
  const binding = `__e2eEvent${Math.random().toString(36).slice(2)}`;
  await page.exposeFunction(binding, (name: EventName, payload: unknown) => {
    received.push({ name, payload });
    for (const check of [...waiters]) check();
  });
  await page.evaluate(
    ([subscribe, fn]) => {
      const g = globalThis as unknown as BridgeGlobals & Record<string, (name: string, payload: unknown) => void>;
      for (const name of subscribe) g.deckhand.on(name, (payload) => g[fn]?.(name, payload));
    },
    [names, binding] as const,
  );
  const all = <N extends EventName>(name: N) => received.filter((e) => e.name === name).map((e) => e.payload as EventPayload<N>);
  return {
    all,
    waitFor(name, test = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = all(name).find(test);
          if (found === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No matching '${name}' event within ${timeoutMs} ms (${all(name).length} received)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/** Saves a PNG under test-results/e2e/ and returns its path. */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  const dir = join(projectRoot, 'test-results', 'e2e');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

export interface AxeFinding {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  helpUrl: string;
  /** CSS selectors and markup of the offending elements (first 5). */
  nodes: { target: string; html: string }[];
}

let axeSource: Promise<string> | null = null;

/**
 * Runs axe-core in the page and returns the serious and critical violations. axe is evaluated
 * through the DevTools protocol, which the page's CSP does not govern (a <script> tag with inline
 * content would be refused); with `{ fromHost: true }` it is loaded from a host started with
 * `serveAxe`, as a same-origin script instead.
 */
export async function axeViolations(
  page: Page,
  options: { fromHost?: boolean; context?: string; runOptions?: RunOptions; impacts?: ImpactValue[] } = {},
): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  if (!loaded) {
    if (options.fromHost) await page.addScriptTag({ url: AXE_PATH });
    else await page.evaluate(await (axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')));
  }
  const results = await page.evaluate(
    ([context, runOptions]) => {
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe;
      const doc = (globalThis as unknown as { document: unknown }).document;
      return axe.run(context ?? doc, { resultTypes: ['violations'], ...runOptions });
    },
    [options.context ?? null, options.runOptions ?? {}] as const,
  );
  const impacts = options.impacts ?? ['serious', 'critical'];
  return results.violations
    .filter((v) => v.impact !== undefined && v.impact !== null && impacts.includes(v.impact))
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? undefined,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 300) })),
    }));
}
