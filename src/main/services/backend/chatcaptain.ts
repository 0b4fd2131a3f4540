// The Backend port over the ChatCaptain HTTP API and its socket.io feed. Each method is one
// request; every answer is checked against the shared domain schemas before anyone sees it.
import { z } from 'zod';
import { io } from 'socket.io-client';
import {
  AgentPresence,
  Contact,
  Conversation,
  Message,
  NotificationSettings,
  Organization,
  Version,
} from '../../../shared/domain';
import { permissions, type Permission } from '../../../shared/permissions';
import { RealtimeEvents, type RealtimeEventName } from '../../../shared/realtime';
import type {
  Backend,
  Identity,
  OrganizationFields, OrganizationPatch,
  RealtimeEvent,
  RealtimeHandlers,
  RealtimeSubscription,
} from '../ports';
import { BackendError } from './errors';
import { HttpClient, type HttpOptions, type Method, type RequestOptions } from './http';

export interface ChatCaptainOptions {
  baseUrl: string;
  key: string;
  http?: HttpOptions;
  /** socket.io reconnection delays (randomized ±50 %). Defaults 1 s, growing to 10 s. */
  realtime?: { reconnectionDelayMs?: number; reconnectionDelayMaxMs?: number };
}

const Me = z.object({
  agent: z.object({ id: z.string(), name: z.string() }),
  permissions: z.array(z.string()),
  chatbots: z.array(z.object({ id: z.string(), name: z.string() })),
});
const Deleted = z.object({ deleted: z.literal(true) });
const ConversationAnswer = z.object({ conversation: Conversation });
const OrganizationAnswer = z.object({ organization: Organization });
const VersionAnswer = z.object({ version: Version });
const Page = z.object({ organizations: z.array(Organization), nextPageToken: z.string().optional() });
const SearchPage = z.object({ organizations: z.array(Organization), page: z.number(), pageSize: z.number(), total: z.number() });

const isPermission = (p: string): p is Permission => (permissions as readonly string[]).includes(p);
const envelope = { chatbotId: z.string(), seq: z.number().int().min(0) };
const eventNames = Object.keys(RealtimeEvents) as RealtimeEventName[];

export class ChatCaptainBackend implements Backend {
  readonly baseUrl: string;
  private readonly http: HttpClient;
  private readonly key: string;
  private readonly realtime: { reconnectionDelayMs: number; reconnectionDelayMaxMs: number };
  private ignored = 0;

  constructor(options: ChatCaptainOptions) {
    this.http = new HttpClient(options.baseUrl, options.key, options.http);
    this.baseUrl = this.http.baseUrl;
    this.key = options.key;
    this.realtime = {
      reconnectionDelayMs: options.realtime?.reconnectionDelayMs ?? 1_000,
      reconnectionDelayMaxMs: options.realtime?.reconnectionDelayMaxMs ?? 10_000,
    };
  }

  serverOffset(): number {
    return this.http.serverOffset();
  }

  /** Socket events dropped because they did not match the schema or came for another chatbot. */
  ignoredEvents(): number {
    return this.ignored;
  }

  async identity(chatbotIds: string[]): Promise<Identity> {
    let me: z.infer<typeof Me>;
    try {
      me = await this.http.request('GET', '/v1/auth/me', Me);
    } catch (error) {
      if (error instanceof BackendError && error.code === 'NotFound') return this.assumedIdentity(chatbotIds);
      throw error;
    }
    const granted = me.permissions.filter(isPermission);
    return {
      agent: me.agent,
      chatbots: chatbotIds.map((id) => {
        const chatbot = me.chatbots.find((c) => c.id === id);
        if (!chatbot) throw new BackendError('Forbidden', `This key has no access to chatbot ${id}`, { status: 403 });
        return { id, name: chatbot.name, permissions: granted };
      }),
    };
  }

  // A ChatCaptain without /v1/auth/me says nothing about the key, so everything is assumed and
  // the UI learns from 403s. Each chatbot is still checked: the agents list is readable by any
  // agent key, so a 403 or 404 there means the chatbot itself is out of reach.
  private async assumedIdentity(chatbotIds: string[]): Promise<Identity> {
    for (const id of chatbotIds) {
      try {
        await this.listAgents(id);
      } catch (error) {
        if (!(error instanceof BackendError)) throw error;
        // A missing permission says nothing about the chatbot; the key did authenticate.
        if (error.code === 'Forbidden' && error.permission !== undefined) continue;
        if (error.code === 'Forbidden' || error.code === 'NotFound') {
          const reason = error.code === 'NotFound' ? 'was not found' : 'is not reachable with this key';
          throw new BackendError(error.code, `Chatbot ${id} ${reason}: ${error.message}`, { status: error.status });
        }
        throw error;
      }
    }
    return {
      agent: { id: '', name: 'Agent' },
      chatbots: chatbotIds.map((id) => ({ id, name: id, permissions: [...permissions] })),
    };
  }

  async listConversations(chatbotId: string, updatedSince?: string): Promise<{ conversations: Conversation[]; deleted: string[] }> {
    const schema = z.object({ conversations: z.array(Conversation), deleted: z.array(z.string()).optional() });
    const answer = await this.call('GET', bot(chatbotId, '/conversations'), schema, { query: { updatedSince } });
    return { conversations: answer.conversations, deleted: answer.deleted ?? [] };
  }

  async getConversation(chatbotId: string, id: string): Promise<Conversation> {
    return (await this.call('GET', bot(chatbotId, '/conversations/', id), ConversationAnswer)).conversation;
  }

  async patchConversation(
    chatbotId: string,
    id: string,
    patch: Parameters<Backend['patchConversation']>[2],
  ): Promise<Conversation> {
    // Every field is set, never incremented, so a repeat lands on the same state.
    const options = { body: patch, idempotent: true };
    return (await this.call('PATCH', bot(chatbotId, '/conversations/', id), ConversationAnswer, options)).conversation;
  }

  // A step payload is how ChatCaptain gives a conversation back to the bot. Not repeated: the bot
  // would see the hand-off twice.
  async handBack(chatbotId: string, conversationId: string): Promise<Conversation> {
    const body = { chatbotId, conversationId, event: 'handoff_to_bot' };
    return (await this.call('POST', bot(chatbotId, '/conversations/payload'), ConversationAnswer, { body })).conversation;
  }

  async customEvent(chatbotId: string, conversationId: string, event: string): Promise<Conversation> {
    const body = { chatbotId, conversationId, event };
    return (await this.call('POST', bot(chatbotId, '/conversations/custom-event'), ConversationAnswer, { body })).conversation;
  }

  async listMessages(chatbotId: string, conversationId: string, options: { before?: string; limit?: number } = {}): Promise<Message[]> {
    const path = bot(chatbotId, '/conversations/', conversationId) + '/messages';
    const answer = await this.call('GET', path, z.object({ messages: z.array(Message) }), { query: options });
    return answer.messages;
  }

  async reply(chatbotId: string, input: { conversationId: string; text: string; clientMessageId: string }): Promise<Message> {
    const answer = await this.call('POST', inbox(chatbotId, '/messages'), z.object({ message: Message }), { body: input, idempotent: true });
    return answer.message;
  }

  async listAgents(chatbotId: string): Promise<AgentPresence[]> {
    return (await this.call('GET', inbox(chatbotId, '/agents/online'), z.object({ agents: z.array(AgentPresence) }))).agents;
  }

  async setOnline(chatbotId: string, online: boolean, clientTimestamp: string): Promise<AgentPresence> {
    // The server applies a clientTimestamp once; a repeat is ignored and answers the stored state.
    const options = { body: { online, clientTimestamp }, idempotent: true };
    return (await this.call('POST', inbox(chatbotId, '/agents/me/online'), z.object({ agent: AgentPresence }), options)).agent;
  }

  getNotificationSettings(chatbotId: string): Promise<NotificationSettings> {
    return this.call('GET', inbox(chatbotId, '/agents/me/notifications'), NotificationSettings);
  }

  setPushToken(chatbotId: string, pushToken: string | null): Promise<NotificationSettings> {
    return this.call('POST', inbox(chatbotId, '/agents/me/notifications'), NotificationSettings, { body: { pushToken }, idempotent: true });
  }

  listOrganizations(chatbotId: string, options: { pageToken?: string; limit?: number } = {}): Promise<z.infer<typeof Page>> {
    return this.call('GET', bot(chatbotId, '/organizations'), Page, { query: options });
  }

  searchOrganizations(chatbotId: string, query: { query: string; page: number; pageSize: number }): Promise<z.infer<typeof SearchPage>> {
    return this.call('GET', bot(chatbotId, '/organizations/search'), SearchPage, { query });
  }

  async getOrganization(chatbotId: string, id: string): Promise<Organization> {
    return (await this.call('GET', bot(chatbotId, '/organizations/', id), OrganizationAnswer)).organization;
  }

  async createOrganization(chatbotId: string, fields: OrganizationFields): Promise<Organization> {
    return (await this.call('POST', bot(chatbotId, '/organizations'), OrganizationAnswer, { body: fields })).organization;
  }

  async updateOrganization(chatbotId: string, id: string, fields: OrganizationPatch): Promise<Organization> {
    const options = { body: fields, idempotent: true };
    return (await this.call('PATCH', bot(chatbotId, '/organizations/', id), OrganizationAnswer, options)).organization;
  }

  async deleteOrganization(chatbotId: string, id: string): Promise<void> {
    await this.call('DELETE', bot(chatbotId, '/organizations/', id), Deleted);
  }

  async organizationContacts(chatbotId: string, id: string): Promise<Contact[]> {
    const path = bot(chatbotId, '/organizations/', id) + '/contacts';
    return (await this.call('GET', path, z.object({ contacts: z.array(Contact) }))).contacts;
  }

  async organizationContactCount(chatbotId: string, id: string): Promise<number> {
    const path = bot(chatbotId, '/organizations/', id) + '/contacts/count';
    return (await this.call('GET', path, z.object({ count: z.number().int().min(0) }))).count;
  }

  async listVersions(chatbotId: string): Promise<Version[]> {
    return (await this.call('GET', bot(chatbotId, '/versions'), z.object({ versions: z.array(Version) }))).versions;
  }

  async createVersion(chatbotId: string, input: { name: string; description?: string; environment: 'dev' | 'test' | 'prod' }): Promise<Version> {
    return (await this.call('POST', bot(chatbotId, '/versions'), VersionAnswer, { body: input })).version;
  }

  async deployVersion(chatbotId: string, id: string, environment: 'test' | 'prod'): Promise<Version> {
    const path = bot(chatbotId, '/versions/', id) + '/deploy';
    return (await this.call('POST', path, VersionAnswer, { body: { environment } })).version;
  }

  async rollbackVersion(chatbotId: string, id: string): Promise<Version> {
    const path = bot(chatbotId, '/versions/', id) + '/rollback';
    const schema = z.object({ rolledBack: z.literal(true), version: Version });
    return (await this.call('POST', path, schema, { body: {} })).version;
  }

  async deleteVersion(chatbotId: string, id: string): Promise<void> {
    await this.call('DELETE', bot(chatbotId, '/versions/', id), Deleted);
  }

  /**
   * Always a subscription: whether the server has a socket is only known once it answers. When
   * it refuses the key or has no socket.io at all, onUnavailable fires once and it stops trying.
   */
  subscribe(chatbotId: string, handlers: RealtimeHandlers): RealtimeSubscription {
    const socket = io(this.baseUrl, {
      auth: { key: this.key, chatbotId },
      transports: ['websocket'],
      forceNew: true,
      reconnection: true,
      reconnectionDelay: this.realtime.reconnectionDelayMs,
      reconnectionDelayMax: this.realtime.reconnectionDelayMaxMs,
      randomizationFactor: 0.5,
    });
    let stopped = false;
    let probing = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      stopped = true;
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.close();
    };
    const unavailable = (reason: string) => {
      if (stopped) return;
      stop();
      handlers.onUnavailable(reason);
    };
    // socket.io leaves reconnecting to us after a server-side disconnect or a refused handshake.
    const reconnectLater = () => {
      clearTimeout(retry);
      const delay = this.realtime.reconnectionDelayMs * (0.5 + Math.random());
      retry = setTimeout(() => !stopped && !socket.connected && socket.connect(), delay);
    };

    socket.on('connect', () => handlers.onConnect());
    socket.on('disconnect', (reason) => {
      handlers.onDisconnect(reason);
      if (reason === 'io server disconnect') reconnectLater();
    });
    socket.on('connect_error', (error: Error & { data?: { type?: unknown } }) => {
      const type = error.data?.type;
      if (type === 'Unauthorized' || type === 'Forbidden') return unavailable(`The server refused the socket: ${error.message}`);
      if (!socket.active) reconnectLater();
      if (probing) return;
      // A websocket that fails may be a server that is down (keep trying) or one without
      // socket.io (stop, the caller polls). Only the latter answers a plain probe with 404.
      probing = true;
      void this.http.probe('/socket.io/?EIO=4&transport=polling').then((status) => {
        probing = false;
        if (status === 404) unavailable(`${this.baseUrl} offers no socket.io endpoint`);
      });
    });
    for (const name of eventNames) {
      const schema = (RealtimeEvents[name] as z.ZodObject).extend(envelope);
      socket.on(name, (data: unknown) => {
        const parsed = schema.safeParse(data);
        if (!parsed.success || parsed.data.chatbotId !== chatbotId) {
          this.ignored++;
          return;
        }
        handlers.onEvent({ event: name, payload: parsed.data } as RealtimeEvent);
      });
    }
    return { close: stop };
  }

  private call<S extends z.ZodType>(method: Method, path: string, schema: S, options?: RequestOptions): Promise<z.infer<S>> {
    return this.http.request(method, path, schema, options);
  }
}

const seg = encodeURIComponent;
/** /v1/chatbots/{chatbotId}{rest}{id}, with ids escaped. */
const bot = (chatbotId: string, rest: string, id?: string) => `/v1/chatbots/${seg(chatbotId)}${rest}${id === undefined ? '' : seg(id)}`;
const inbox = (chatbotId: string, rest: string) => `/v1/inbox/${seg(chatbotId)}${rest}`;
