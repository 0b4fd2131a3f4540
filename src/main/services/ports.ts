// The ports of the machine every main-process service may be built on: where secrets rest and
// what time it is. The chat platforms' ports are in platforms/platform.ts. Services take ports
// through their constructor; src/main/compose.ts wires them.
/** Credentials at rest. The Electron adapter encrypts with safeStorage. */
export interface Vault {
  encryption(): 'os' | 'basic_text' | 'unavailable';
  /** The secret, or null when there is none or this system cannot decrypt it (see `has`). */
  read(name: string): string | null;
  /**
   * Whether a secret is stored under the name, readable or not: with `read` null, it tells a key
   * that was never there from one this system can no longer decrypt (the OS keyring changed).
   */
  has(name: string): boolean;
  write(name: string, secret: string): void;
  remove(name: string): void;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
