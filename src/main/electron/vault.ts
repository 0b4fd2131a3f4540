// Credentials at rest: each secret encrypted with safeStorage (Keychain, DPAPI, libsecret/kwallet)
// and kept as base64 in one JSON file under userData. Secrets never appear in a log or an error.
import { join } from 'node:path';
import { app, safeStorage } from 'electron';
import { z } from 'zod';
import { AppError } from '../services/errors/app-error';
import { JsonFile } from '../services/json-file';
import type { Vault } from '../services/ports';

const VaultFile = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });
type VaultFile = z.infer<typeof VaultFile>;

export interface SafeStorageVaultOptions {
  /** Defaults to vault.json in app.getPath('userData'). */
  file?: string;
  platform?: NodeJS.Platform;
}

// The sync safeStorage calls are deprecated in favour of the async ones, but the Vault port is
// synchronous (read at startup, write on sign-in); switch both together when the port changes.
export class SafeStorageVault implements Vault {
  private readonly file: JsonFile<typeof VaultFile>;
  private readonly platform: NodeJS.Platform;

  constructor(options: SafeStorageVaultOptions = {}) {
    const path = options.file ?? join(app.getPath('userData'), 'vault.json');
    this.file = new JsonFile(path, VaultFile, () => ({ version: 1, secrets: {} }));
    this.platform = options.platform ?? process.platform;
  }

  encryption(): 'os' | 'basic_text' | 'unavailable' {
    if (!safeStorage.isEncryptionAvailable()) return 'unavailable';
    // Linux without a keyring falls back to a key hard-coded in Chromium: obfuscation, not encryption.
    if (this.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'basic_text';
    return 'os';
  }

  read(name: string): string | null {
    const stored = this.secrets().get(name);
    if (stored === undefined || !safeStorage.isEncryptionAvailable()) return null;
    try {
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    } catch {
      // Encrypted under another OS user or a lost keyring: as good as absent; the agent signs in again.
      return null;
    }
  }

  has(name: string): boolean {
    return this.secrets().has(name);
  }

  write(name: string, secret: string): void {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError('WeakEncryption', 'This system offers no way to store the key encrypted');
    }
    const secrets = this.secrets();
    secrets.set(name, safeStorage.encryptString(secret).toString('base64'));
    this.save(secrets);
  }

  remove(name: string): void {
    const secrets = this.secrets();
    if (secrets.delete(name)) this.save(secrets);
  }

  // A Map, so a name like "__proto__" is just a name.
  private secrets(): Map<string, string> {
    return new Map(Object.entries(this.file.read().secrets));
  }

  private save(secrets: Map<string, string>): void {
    const value: VaultFile = { version: 1, secrets: Object.fromEntries(secrets) };
    this.file.write(value);
  }
}
