// The accounts the agent signed in to. What identifies an account (platform, URL, chatbots, who
// the key speaks for) is kept in a JSON file; the key itself only in the vault. The demo
// workspace is an account too, backed by the embedded local server, whose key is handed over at
// each start.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { UnopenedAccount } from '../../../shared/view-models';
import { AppError } from '../errors/app-error';
import { JsonFile } from '../json-file';
import { BOTPRESS } from '../platforms/botpress/index';
import { CHATCAPTAIN } from '../platforms/chatcaptain/index';
import type { ChatPlatform, Discovery } from '../platforms/platform';
import { factoryFor, type PlatformRegistry } from '../platforms/registry';
import type { Vault } from '../ports';
import { addressProblem, technicalDetail, unopened } from './reopen';
import { AccountsFile, type StoredAccount } from './stored-account';

export type { StoredAccount } from './stored-account';

/** The embedded local API server with demo data: ChatCaptain's API, and Botpress's when it has a bot. */
export interface DemoServer {
  start(): Promise<DemoStart>;
  stop(): Promise<void>;
}

export interface DemoStart {
  url: string;
  /** The ChatCaptain key and chatbots. */
  key: string;
  chatbotIds: string[];
  /** The Botpress part: a person's token, their workspace and its bot. */
  botpress?: { token: string; workspaceId: string; botId: string };
}

/** The demo's accounts, one per platform, each with what opens it. */
interface DemoEntry {
  platform: string;
  secret: string;
  chatbotIds: string[];
  workspaceId?: string;
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
  /** The workspace the chatbots belong to, on a platform that has workspaces. */
  workspaceId?: string | undefined;
  allowPlainTextStorage: boolean;
}

const secretName = (id: string) => `account:${id}`;

/** A key goes to another computer only over https (shared/transport.ts). */
function refuseUnsafeTransport(baseUrl: string): void {
  const problem = addressProblem(baseUrl);
  if (problem?.reason === 'plainHttp') {
    throw new AppError('Invalid', `${problem.detail} is reached over plain http: Deckhand sends keys and conversations to another computer only over https.`);
  }
  if (problem) throw new AppError('Invalid', `${problem.detail} is not an http(s) address.`);
}

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
    refuseUnsafeTransport(baseUrl);
    const workspace = input.workspaceId === undefined ? {} : { workspaceId: input.workspaceId };
    const platform = factoryFor(this.platforms, input.platform).open({ baseUrl, secret: input.key, demo: false, ...workspace });
    const identity = await platform.identity(input.chatbotIds);
    const account: StoredAccount = {
      id: `acc_${randomUUID()}`,
      platform: input.platform,
      demo: false,
      label: identity.label ?? new URL(baseUrl).host,
      baseUrl,
      ...workspace,
      agent: identity.agent,
      chatbots: identity.chatbots,
    };
    this.vault.write(secretName(account.id), input.key);
    this.file.write([...this.list(), account]);
    return { account, platform };
  }

  /** What a key reaches on a platform that can say, before anything is stored. */
  async discover(input: { platform: string; baseUrl: string; key: string }): Promise<Discovery> {
    refuseUnsafeTransport(input.baseUrl);
    const factory = factoryFor(this.platforms, input.platform);
    if (!factory.discover) throw new AppError('Unsupported', `Deckhand cannot list what a ${input.platform} key reaches; enter the chatbot ids.`);
    return factory.discover({ baseUrl: input.baseUrl.replace(/\/+$/, ''), secret: input.key });
  }

  /**
   * Starts the embedded server and adds (or reopens) the demo's accounts: one per platform it
   * speaks that Deckhand knows, or only those in `platforms` (the ones the agent had open).
   */
  async openDemo(platforms?: readonly string[]): Promise<OpenAccount[]> {
    const started = await this.demo.start();
    const entries: DemoEntry[] = [{ platform: CHATCAPTAIN, secret: started.key, chatbotIds: started.chatbotIds }];
    if (started.botpress) {
      const { token, botId, workspaceId } = started.botpress;
      entries.push({ platform: BOTPRESS, secret: token, chatbotIds: [botId], workspaceId });
    }
    const opened: OpenAccount[] = [];
    for (const entry of entries) {
      if (!this.platforms.has(entry.platform) || (platforms && !platforms.includes(entry.platform))) continue;
      const workspace = entry.workspaceId === undefined ? {} : { workspaceId: entry.workspaceId };
      const platform = factoryFor(this.platforms, entry.platform).open({ baseUrl: started.url, secret: entry.secret, demo: true, ...workspace });
      const identity = await platform.identity(entry.chatbotIds);
      const existing = this.list().find((a) => a.demo && a.platform === entry.platform);
      const account: StoredAccount = {
        id: existing?.id ?? `acc_demo_${randomUUID()}`,
        platform: entry.platform,
        demo: true,
        label: 'Demo',
        baseUrl: started.url,
        ...workspace,
        agent: identity.agent,
        chatbots: identity.chatbots,
      };
      this.file.write([...this.list().filter((a) => a.id !== account.id), account]);
      opened.push({ account, platform });
    }
    return opened;
  }

  /**
   * The accounts of the last session, ready to sync, and those that cannot open now, each with
   * the reason (the key unreadable or gone, an address an older Deckhand stored over plain http,
   * the demo server failing to start): kept in the file, not fatal, the others still come back.
   */
  async restore(): Promise<{ open: OpenAccount[]; failed: UnopenedAccount[] }> {
    const open: OpenAccount[] = [];
    const failed: UnopenedAccount[] = [];
    const demos = this.list().filter((a) => a.demo);
    if (demos.length > 0) {
      try {
        open.push(...(await this.openDemo(demos.map((a) => a.platform))));
      } catch (error) {
        failed.push(...demos.map((account) => unopened(account, 'demoUnavailable', technicalDetail(error))));
      }
    }
    for (const account of this.list()) {
      if (account.demo) continue;
      const reopened = this.reopen(account);
      if ('reason' in reopened) failed.push(reopened);
      else open.push(reopened);
    }
    return { open, failed };
  }

  /** A stored account with its key from the vault, ready to sync; or why it cannot be. */
  private reopen(account: StoredAccount): OpenAccount | UnopenedAccount {
    if (!this.platforms.has(account.platform)) return unopened(account, 'unknownPlatform', account.platform);
    // Before the key is read: it never leaves the vault for such an address.
    const problem = addressProblem(account.baseUrl);
    if (problem) return unopened(account, problem.reason, problem.detail);
    const name = secretName(account.id);
    const key = this.vault.read(name);
    if (key === null) return unopened(account, this.vault.has(name) ? 'keyUnreadable' : 'keyMissing');
    try {
      const workspace = account.workspaceId === undefined ? {} : { workspaceId: account.workspaceId };
      return { account, platform: factoryFor(this.platforms, account.platform).open({ baseUrl: account.baseUrl, secret: key, demo: false, ...workspace }) };
    } catch (error) {
      return unopened(account, 'failed', technicalDetail(error));
    }
  }

  /**
   * Reads again who a restored account's key speaks for and what it may do on each chatbot (an
   * admin may have changed it, or an older Deckhand stored fewer abilities) and keeps the answer.
   * Answers null when the account was signed out meanwhile.
   */
  async refresh({ account, platform }: OpenAccount): Promise<StoredAccount | null> {
    const identity = await platform.identity(account.chatbots.map((c) => c.id));
    if (!this.list().some((a) => a.id === account.id)) return null;
    const fresh: StoredAccount = { ...account, agent: identity.agent, chatbots: identity.chatbots };
    this.file.write(this.list().map((a) => (a.id === account.id ? fresh : a)));
    return fresh;
  }

  async remove(id: string): Promise<void> {
    const account = this.list().find((a) => a.id === id);
    if (!account) return;
    this.vault.remove(secretName(id));
    this.file.write(this.list().filter((a) => a.id !== id));
    // The demo server runs while any of its accounts is open.
    if (account.demo && !this.list().some((a) => a.demo)) await this.demo.stop();
  }
}
