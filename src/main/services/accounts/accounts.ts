// The accounts the agent signed in to. What identifies an account (URL, chatbots, who the key
// speaks for) is kept in a JSON file; the key itself only in the vault. The demo workspace is an
// account too, backed by the embedded local server, whose key is handed over at each start.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { Permission } from '../../../shared/view-models';
import { AppError } from '../app-error';
import { JsonFile } from '../json-file';
import type { Backend, Vault } from '../ports';

export const StoredAccount = z.object({
  id: z.string(),
  kind: z.enum(['chatcaptain', 'demo']),
  label: z.string(),
  baseUrl: z.string(),
  agent: z.object({ id: z.string(), name: z.string() }),
  chatbots: z.array(z.object({ id: z.string(), name: z.string(), permissions: z.array(Permission) })),
});
export type StoredAccount = z.infer<typeof StoredAccount>;

/** The embedded local API server with demo data. */
export interface DemoServer {
  start(): Promise<{ url: string; key: string; chatbotIds: string[] }>;
  stop(): Promise<void>;
}

export interface OpenAccount {
  account: StoredAccount;
  backend: Backend;
}

const secretName = (id: string) => `account:${id}`;

export class Accounts {
  private readonly file: JsonFile<z.ZodArray<typeof StoredAccount>>;

  constructor(
    private readonly path: string,
    private readonly vault: Vault,
    private readonly createBackend: (baseUrl: string, key: string) => Backend,
    private readonly demo: DemoServer,
  ) {
    this.file = new JsonFile(path, z.array(StoredAccount), () => []);
  }

  /** Nothing was ever signed in on this machine (not even the demo, then signed out of). */
  isFirstRun(): boolean {
    return !existsSync(this.path);
  }

  list(): StoredAccount[] {
    return this.file.read();
  }

  /** Checks the key with a real call before anything is stored. */
  async add(input: { baseUrl: string; key: string; chatbotIds: string[]; allowPlainTextStorage: boolean }): Promise<OpenAccount> {
    const encryption = this.vault.encryption();
    if (encryption === 'unavailable') {
      throw new AppError('WeakEncryption', 'This system offers no way to store the key encrypted, so it is not stored.');
    }
    if (encryption === 'basic_text' && !input.allowPlainTextStorage) {
      throw new AppError(
        'WeakEncryption',
        'No keyring is available: the key would be stored obfuscated, not encrypted. Confirm to store it anyway.',
      );
    }
    const baseUrl = input.baseUrl.replace(/\/+$/, '');
    const backend = this.createBackend(baseUrl, input.key);
    const identity = await backend.identity(input.chatbotIds);
    const account: StoredAccount = {
      id: `acc_${randomUUID()}`,
      kind: 'chatcaptain',
      label: new URL(baseUrl).host,
      baseUrl,
      agent: identity.agent,
      chatbots: identity.chatbots,
    };
    this.vault.write(secretName(account.id), input.key);
    this.file.write([...this.list(), account]);
    return { account, backend };
  }

  /** Starts the embedded server and adds (or reopens) the demo account. */
  async openDemo(): Promise<OpenAccount> {
    const started = await this.demo.start();
    const backend = this.createBackend(started.url, started.key);
    const identity = await backend.identity(started.chatbotIds);
    const existing = this.list().find((a) => a.kind === 'demo');
    const account: StoredAccount = {
      id: existing?.id ?? `acc_demo_${randomUUID()}`,
      kind: 'demo',
      label: 'Demo',
      baseUrl: started.url,
      agent: identity.agent,
      chatbots: identity.chatbots,
    };
    this.file.write([...this.list().filter((a) => a.id !== account.id), account]);
    return { account, backend };
  }

  /**
   * The accounts of the last session, ready to sync; ones whose key is gone are dropped. One
   * that cannot open now (the demo server fails to start) is skipped, not fatal: the others
   * still come back, and `failed` says which did not.
   */
  async restore(): Promise<{ open: OpenAccount[]; failed: { account: StoredAccount; error: unknown }[] }> {
    const open: OpenAccount[] = [];
    const failed: { account: StoredAccount; error: unknown }[] = [];
    for (const account of this.list()) {
      if (account.kind === 'demo') {
        try {
          open.push(await this.openDemo());
        } catch (error) {
          failed.push({ account, error });
        }
        continue;
      }
      const key = this.vault.read(secretName(account.id));
      if (key) open.push({ account, backend: this.createBackend(account.baseUrl, key) });
      else this.file.write(this.list().filter((a) => a.id !== account.id));
    }
    return { open, failed };
  }

  async remove(id: string): Promise<void> {
    const account = this.list().find((a) => a.id === id);
    if (!account) return;
    this.vault.remove(secretName(id));
    this.file.write(this.list().filter((a) => a.id !== id));
    if (account.kind === 'demo') await this.demo.stop();
  }
}
