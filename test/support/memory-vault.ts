// The vault as the e2e host keeps it: secrets in memory, with the encryption the OS would report
// chosen by the test ('os' as on a desktop with a keyring, 'basic_text' as on Linux without one).
import type { Vault } from '../../src/main/services/ports';

export type VaultEncryption = ReturnType<Vault['encryption']>;

export class MemoryVault implements Vault {
  private readonly secrets = new Map<string, string>();
  /** Stored, but no longer decryptable here (as after the OS keyring changed). */
  private readonly spoiled = new Set<string>();

  constructor(public mode: VaultEncryption = 'os') {}

  encryption(): VaultEncryption {
    return this.mode;
  }

  read(name: string): string | null {
    if (this.spoiled.has(name)) return null;
    return this.secrets.get(name) ?? null;
  }

  has(name: string): boolean {
    return this.secrets.has(name);
  }

  write(name: string, secret: string): void {
    this.secrets.set(name, secret);
    this.spoiled.delete(name);
  }

  remove(name: string): void {
    this.secrets.delete(name);
    this.spoiled.delete(name);
  }

  /** What a changed OS keyring does to a stored secret: it stays, but reads as nothing. */
  spoil(name: string): void {
    if (!this.secrets.has(name)) throw new Error(`MemoryVault.spoil: nothing is stored under ${name}`);
    this.spoiled.add(name);
  }

  /** Secret names only: tests check what was stored, never need a key in a log. */
  names(): string[] {
    return [...this.secrets.keys()];
  }
}
