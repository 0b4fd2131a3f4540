// The accounts the agent signed in to. What identifies an account (platform, URL, chatbots, who
// the key speaks for) is kept in a JSON file; the key itself only in the vault. The demo
// workspace is an account too, backed by the embedded local server, whose key is handed over at
// each start.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isSafeTransport } from '../../../shared/transport';
import { AppError } from '../errors/app-error';
import { JsonFile } from '../json-file';
import { CHATCAPTAIN } from '../platforms/chatcaptain/index';
import type { ChatPlatform } from '../platforms/platform';
import { factoryFor, type PlatformRegistry } from '../platforms/registry';
import type { Vault } from '../ports';
import { AccountsFile, type StoredAccount } from './stored-account';

export type { StoredAccount } from './stored-account';

/** The embedded local API server with demo data; it speaks ChatCaptain's API. */
export interface DemoServer {
  start(): Promise<{ url: string; key: string; chatbotIds: string[] }>;
  stop(): Promise<void>;
}

export interface OpenAccount {
  account: StoredAccount;
  platform: ChatPlatform;
}

export interface NewAccount {
  platform: string;
  baseUrl: string;
  key: string;
  chatbotIds: string[];
  allowPlainTextStorage: boolean;
}

const secretName = (id: string) => `account:${id}`;

export class Accounts {
  private readonly file: JsonFile<typeof AccountsFile>;

  constructor(
    private readonly path: string,
    private readonly vault: Vault,
    private readonly platforms: PlatformRegistry,
    private readonly demo: DemoServer,
  ) {
    this.file = new JsonFile(path, AccountsFile, () => []);
  }

  /** Nothing was ever signed in on this machine (not even the demo, then signed out of). */
  isFirstRun(): boolean {
    return !existsSync(this.path);
  }

  list(): StoredAccount[] {
    return this.file.read();
  }

  /** Checks the key with a real call before anything is stored. */
  async add(input: NewAccount): Promise<OpenAccount> {
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
    if (!isSafeTransport(new URL(baseUrl))) {
      throw new AppError('Invalid', `${new URL(baseUrl).host} is reached over plain http: Deckhand sends keys and conversations to another computer only over https.`);
    }
    const platform = factoryFor(this.platforms, input.platform).open({ baseUrl, secret: input.key, demo: false });
    const identity = await platform.identity(input.chatbotIds);
    const account: StoredAccount = {
      id: `acc_${randomUUID()}`,
      platform: input.platform,
      demo: false,
      label: new URL(baseUrl).host,
      baseUrl,
      agent: identity.agent,
      chatbots: identity.chatbots,
    };
    this.vault.write(secretName(account.id), input.key);
    this.file.write([...this.list(), account]);
    return { account, platform };
  }

  /** Starts the embedded server and adds (or reopens) the demo account. */
  async openDemo(): Promise<OpenAccount> {
    const started = await this.demo.start();
    const platform = factoryFor(this.platforms, CHATCAPTAIN).open({ baseUrl: started.url, secret: started.key, demo: true });
    const identity = await platform.identity(started.chatbotIds);
    const existing = this.list().find((a) => a.demo);
    const account: StoredAccount = {
      id: existing?.id ?? `acc_demo_${randomUUID()}`,
      platform: CHATCAPTAIN,
      demo: true,
      label: 'Demo',
      baseUrl: started.url,
      agent: identity.agent,
      chatbots: identity.chatbots,
    };
    this.file.write([...this.list().filter((a) => a.id !== account.id), account]);
    return { account, platform };
  }

  /**
   * The accounts of the last session, ready to sync; ones whose key is gone are dropped. One
   * that cannot open now (the demo server fails to start, its platform is not known) is skipped,
   * not fatal: the others still come back, and `failed` says which did not.
   */
  async restore(): Promise<{ open: OpenAccount[]; failed: { account: StoredAccount; error: unknown }[] }> {
    const open: OpenAccount[] = [];
    const failed: { account: StoredAccount; error: unknown }[] = [];
    for (const account of this.list()) {
      try {
        if (account.demo) {
          open.push(await this.openDemo());
          continue;
        }
        const key = this.vault.read(secretName(account.id));
        if (key) open.push({ account, platform: factoryFor(this.platforms, account.platform).open({ baseUrl: account.baseUrl, secret: key, demo: false }) });
        else this.file.write(this.list().filter((a) => a.id !== account.id));
      } catch (error) {
        failed.push({ account, error });
      }
    }
    return { open, failed };
  }

  async remove(id: string): Promise<void> {
    const account = this.list().find((a) => a.id === id);
    if (!account) return;
    this.vault.remove(secretName(id));
    this.file.write(this.list().filter((a) => a.id !== id));
    if (account.demo) await this.demo.stop();
  }
}
