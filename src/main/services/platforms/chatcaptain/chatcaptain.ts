// ChatCaptain as a chat platform: the core over its HTTP API, live changes over its socket.io
// feed, and every capability ChatCaptain has. Each answer is checked against the wire schemas
// and mapped to Deckhand's domain before anyone sees it.
import { z } from 'zod';
import type { Conversation, Message } from '../../../../shared/domain';
import { PlatformError } from '../../errors/platform-error';
import { HttpClient, type HttpOptions } from '../../http/http-client';
import { grantAll } from '../../../../shared/capabilities';
import {
  capabilitiesOf,
  type ArchivePort,
  type AssignmentPort,
  type ChatPlatform,
  type ContactsPort,
  type ConversationChanges,
  type CustomEventPort,
  type HandBackPort,
  type Identity,
  type LiveFeed,
  type MessagePage,
  type OrganizationsPort,
  type PresencePort,
  type PushTokenPort,
  type ReadStatePort,
  type ReplyInput,
  type UnassignmentPort,
  type VersionsPort,
} from '../platform';
import { chatcaptainOrganizations, chatcaptainVersions } from './admin';
import { chatcaptainContacts } from './contacts';
import { grantsFrom } from './abilities';
import { chatcaptainDialect } from './dialect';
import { chatcaptainLiveFeed } from './live';
import { toConversation, toMessage } from './map';
import { bot, inbox } from './paths';
import { WireAgent, WireChanges, WireConversation, WireMe, WireMessage, WireNotificationSettings } from './wire';

export interface ChatCaptainOptions {
  baseUrl: string;
  key: string;
  /** The demo workspace: pushes arrive over the socket, with a token of our own, not FCM's. */
  demo?: boolean;
  http?: HttpOptions;
  /** socket.io reconnection delays (randomized ±50 %). Defaults 1 s, growing to 10 s. */
  realtime?: { reconnectionDelayMs?: number; reconnectionDelayMaxMs?: number };
}

const ConversationAnswer = z.object({ conversation: WireConversation });
type Patch = { archived?: boolean; unreadCount?: number; assignedAgentId?: string | null };

export class ChatCaptainPlatform implements ChatPlatform {
  readonly baseUrl: string;
  readonly live: LiveFeed;
  readonly presence: PresencePort;
  readonly pushToken: PushTokenPort;
  readonly assignment: AssignmentPort;
  readonly unassignment: UnassignmentPort;
  readonly archive: ArchivePort;
  readonly readState: ReadStatePort;
  readonly handBack: HandBackPort;
  readonly customEvent: CustomEventPort;
  readonly organizations: OrganizationsPort;
  readonly versions: VersionsPort;
  readonly contacts: ContactsPort;
  private readonly http: HttpClient;
  private ignored = 0;

  constructor(options: ChatCaptainOptions) {
    const http = (this.http = new HttpClient(options.baseUrl, chatcaptainDialect(options.key), options.http));
    this.baseUrl = http.baseUrl;
    this.live = chatcaptainLiveFeed({
      baseUrl: this.baseUrl,
      key: options.key,
      http,
      reconnectionDelayMs: options.realtime?.reconnectionDelayMs ?? 1_000,
      reconnectionDelayMaxMs: options.realtime?.reconnectionDelayMaxMs ?? 10_000,
      onIgnored: () => this.ignored++,
    });
    this.presence = {
      serverOffset: () => http.serverOffset(),
      // The server applies a stamp once; a repeat is ignored and answers the stored state.
      setOnline: async (chatbotId, online, clientTimestamp) => {
        const body = { online, clientTimestamp };
        return (await http.request('POST', inbox(chatbotId, '/agents/me/online'), z.object({ agent: WireAgent }), { body, idempotent: true })).agent;
      },
      team: async (chatbotId) => (await http.request('GET', inbox(chatbotId, '/agents/online'), z.object({ agents: z.array(WireAgent) }))).agents,
    };
    this.pushToken = {
      mode: options.demo ? 'local' : 'fcm',
      setPushToken: (chatbotId, pushToken) =>
        http.request('POST', inbox(chatbotId, '/agents/me/notifications'), WireNotificationSettings, { body: { pushToken }, idempotent: true }),
    };
    this.assignment = { assign: (chatbotId, id, agentId) => this.patch(chatbotId, id, { assignedAgentId: agentId }) };
    // Without an agent an assigned conversation goes back to the queue (status waiting).
    this.unassignment = { unassign: (chatbotId, id) => this.patch(chatbotId, id, { assignedAgentId: null }) };
    this.archive = { setArchived: (chatbotId, id, archived) => this.patch(chatbotId, id, { archived }) };
    this.readState = { markRead: (chatbotId, id) => this.patch(chatbotId, id, { unreadCount: 0 }) };
    // A step payload is how ChatCaptain gives a conversation back to the bot. Not repeated: the
    // bot would see the hand-off twice.
    this.handBack = { handBack: (chatbotId, id) => this.post(chatbotId, '/conversations/payload', { chatbotId, conversationId: id, event: 'handoff_to_bot' }) };
    // The custom-event endpoint takes a name only; with data the event goes as a step payload,
    // whose `eventPayload` is a JSON string. ChatCaptain's bot then goes on with its flow: the
    // conversation is the bot's again, as after a hand back.
    this.customEvent = {
      dataHandsBack: true,
      trigger: (chatbotId, id, event, payload) =>
        payload === undefined
          ? this.post(chatbotId, '/conversations/custom-event', { chatbotId, conversationId: id, event })
          : this.post(chatbotId, '/conversations/payload', { chatbotId, conversationId: id, event, eventPayload: JSON.stringify(payload) }),
    };
    this.organizations = chatcaptainOrganizations(http);
    this.versions = chatcaptainVersions(http);
    this.contacts = chatcaptainContacts(http);
  }

  /** Socket events dropped because they did not match the schema or came for another chatbot. */
  ignoredEvents(): number {
    return this.ignored;
  }

  async identity(chatbotIds: string[]): Promise<Identity> {
    let me: z.infer<typeof WireMe>;
    try {
      me = await this.http.request('GET', '/v1/auth/me', WireMe);
    } catch (error) {
      if (error instanceof PlatformError && error.code === 'NotFound') return this.assumedIdentity(chatbotIds);
      throw error;
    }
    const grants = grantsFrom(me.permissions, capabilitiesOf(this));
    return {
      agent: me.agent,
      chatbots: chatbotIds.map((id) => {
        const chatbot = me.chatbots.find((c) => c.id === id);
        if (!chatbot) throw new PlatformError('Forbidden', `This key has no access to chatbot ${id}`, { status: 403 });
        return { id, name: chatbot.name, ...grants };
      }),
    };
  }

  // A ChatCaptain without /v1/auth/me says nothing about the key, so everything is assumed and
  // the UI learns from 403s. Each chatbot is still checked: the agents list is readable by any
  // agent key, so a 403 or 404 there means the chatbot itself is out of reach.
  private async assumedIdentity(chatbotIds: string[]): Promise<Identity> {
    for (const id of chatbotIds) {
      try {
        await this.presence.team(id);
      } catch (error) {
        if (!(error instanceof PlatformError)) throw error;
        // A missing permission says nothing about the chatbot; the key did authenticate.
        if (error.code === 'Forbidden' && error.permission !== undefined) continue;
        if (error.code === 'Forbidden' || error.code === 'NotFound') {
          const reason = error.code === 'NotFound' ? 'was not found' : 'is not reachable with this key';
          throw new PlatformError(error.code, `Chatbot ${id} ${reason}: ${error.message}`, { status: error.status });
        }
        throw error;
      }
    }
    const grants = grantAll(capabilitiesOf(this));
    return { agent: { id: '', name: 'Agent' }, chatbots: chatbotIds.map((id) => ({ id, name: id, ...grants })) };
  }

  // The cursor is the newest `updatedAt` seen: the server answers what changed after it, and
  // the ids deleted since (tombstones, so a client that polls learns of deletions).
  async changes(chatbotId: string, cursor: string | null): Promise<ConversationChanges> {
    const answer = await this.http.request('GET', bot(chatbotId, '/conversations'), WireChanges, { query: { updatedSince: cursor ?? undefined } });
    const newest = answer.conversations.reduce<string | null>((max, c) => (max === null || c.updatedAt > max ? c.updatedAt : max), cursor);
    return { conversations: answer.conversations.map(toConversation), removed: answer.deleted ?? [], cursor: newest };
  }

  async conversation(chatbotId: string, id: string): Promise<Conversation> {
    return toConversation((await this.http.request('GET', bot(chatbotId, '/conversations/', id), ConversationAnswer)).conversation);
  }

  // ChatCaptain pages by message id (`before`), without saying whether more exist: one more than
  // asked for tells, and the oldest message returned is where the next page goes on.
  async messages(chatbotId: string, conversationId: string, page: { cursor?: string; limit: number }): Promise<MessagePage> {
    const path = `${bot(chatbotId, '/conversations/', conversationId)}/messages`;
    const query = { limit: page.limit + 1, ...(page.cursor !== undefined && { before: page.cursor }) };
    const fetched = (await this.http.request('GET', path, z.object({ messages: z.array(WireMessage) }), { query })).messages;
    const messages = fetched.slice(-page.limit).map(toMessage);
    return { messages, older: fetched.length > page.limit && messages[0] ? messages[0].id : null };
  }

  async reply(chatbotId: string, input: ReplyInput): Promise<Message> {
    const answer = await this.http.request('POST', inbox(chatbotId, '/messages'), z.object({ message: WireMessage }), { body: input, idempotent: true });
    return toMessage(answer.message);
  }

  // Every field is set, never incremented, so a repeat lands on the same state.
  private async patch(chatbotId: string, id: string, patch: Patch): Promise<Conversation> {
    const answer = await this.http.request('PATCH', bot(chatbotId, '/conversations/', id), ConversationAnswer, { body: patch, idempotent: true });
    return toConversation(answer.conversation);
  }

  private async post(chatbotId: string, path: string, body: object): Promise<Conversation> {
    return toConversation((await this.http.request('POST', bot(chatbotId, path), ConversationAnswer, { body })).conversation);
  }
}
