// The vault as the e2e host keeps it: secrets in memory, with the encryption the OS would report
// chosen by the test ('os' as on a desktop with a keyring, 'basic_text' as on Linux without one).
import type { Vault } from '../../src/main/services/ports';

export type VaultEncryption = ReturnType<Vault['encryption']>;

export class MemoryVault implements Vault {
  private readonly secrets = new Map<string, string>();

  constructor(public mode: VaultEncryption = 'os') {}

  encryption(): VaultEncryption {
    return this.mode;
  }

  read(name: string): string | null {
    return this.secrets.get(name) ?? null;
  }

  write(name: string, secret: string): void {
    this.secrets.set(name, secret);
  }

  remove(name: string): void {
    this.secrets.delete(name);
  }

  /** Secret names only: tests check what was stored, never need a key in a log. */
  names(): string[] {
    return [...this.secrets.keys()];
  }
}
