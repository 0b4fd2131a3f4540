// Socket.io on the same origin as the HTTP API. A client authenticates at the handshake with
// `{ key, chatbotId }` and joins that chatbot's rooms, one per permission that reads events, so
// an event reaches only keys allowed to read it over HTTP. Every room event carries the
// chatbot's next `seq` (persisted, so it keeps growing across restarts); a key that may not read
// some events sees gaps where they were and resyncs what it may read. `push` goes only to the
// agent's own sockets whose key may read messages (it carries a message's words), and is not part
// of the sequence: it carries the chatbot's current seq but does not advance it, so other agents
// never see a gap for a push meant for someone else.
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { SocketAuth, type RealtimeEventName, type RealtimePayload } from '../wire';
import { authenticate, authorize } from '../http/auth';
import { ApiError } from '../http/errors';
import { answerEngineErrorsInShape, ShapedWebSocketServer } from './engine-errors';
import type { Db } from '../db/database';
import type { KeyRecord, KeyStore } from '../store/keys';
import type { FailedAuthCounter } from '../http/rate-limit';
import type { Permission } from '../../shared/permissions';

type RoomEvent = Exclude<RealtimeEventName, 'push'>;

/** Where stores announce changes. The HTTP-only server uses the same sink with no sockets. */
export interface EventSink {
  emit<E extends RoomEvent>(chatbotId: string, event: E, payload: RealtimePayload<E>): void;
  push(chatbotId: string, agentId: string, payload: RealtimePayload<'push'>): void;
}

/** The permission that reads each event's content over HTTP; a push carries a message's words. */
const readPermission: Record<RealtimeEventName, Permission> = {
  'conversation.upserted': 'chatbots.conversations.list',
  'conversation.deleted': 'chatbots.conversations.list',
  'message.created': 'chatbots.messages.list',
  'agent.online': 'chatbots.inbox.agents.list',
  push: 'chatbots.messages.list',
};
const readPermissions = [...new Set(Object.values(readPermission))];

const room = (chatbotId: string, permission: Permission) => `chatbot:${chatbotId}:${permission}`;
const agentRoom = (chatbotId: string, agentId: string) => `agent:${chatbotId}:${agentId}`;

/** Checks a handshake's key and joins the socket to the rooms of what that key may read. */
async function admit(socket: Socket, keys: KeyStore, countFailedAuth: FailedAuthCounter): Promise<void> {
  const auth = SocketAuth.safeParse(socket.handshake.auth);
  let record: KeyRecord;
  try {
    if (!auth.success) throw new ApiError('Unauthorized', 'Handshake needs auth { key, chatbotId }');
    record = authenticate(keys, auth.data.key);
  } catch (error) {
    // As over HTTP, only a failed key counts; a valid key refused for its permissions is no guess.
    throw (await countFailedAuth(socket.handshake.address, error as ApiError)) ?? error;
  }
  const { chatbotId } = auth.data;
  authorize(record, 'chatbots.conversations.list', chatbotId);
  const rooms = readPermissions.filter((p) => record.permissions.has(p)).map((p) => room(chatbotId, p));
  if (record.permissions.has(readPermission.push)) rooms.push(agentRoom(chatbotId, record.agentId));
  await socket.join(rooms);
}

export class Hub implements EventSink {
  private io: Server | null = null;

  constructor(private readonly db: Db) {}

  /** `countFailedAuth` is the HTTP API's budget for attempts without a valid key (http/rate-limit.ts). */
  attach(server: HttpServer, keys: KeyStore, countFailedAuth: FailedAuthCounter): void {
    const io = new Server(server, { serveClient: false, cors: { origin: false }, wsEngine: ShapedWebSocketServer });
    answerEngineErrorsInShape(io.engine);
    io.use((socket, next) => {
      admit(socket, keys, countFailedAuth).then(
        () => next(),
        (error: unknown) => {
          const apiError = error instanceof ApiError ? error : new ApiError('Internal', 'Handshake failed');
          // socket.io hands `data` to the client's connect_error as it is: the HTTP API's error body.
          next(Object.assign(new Error(apiError.message), { data: apiError.body() }));
        },
      );
    });
    this.io = io;
  }

  emit<E extends RoomEvent>(chatbotId: string, event: E, payload: RealtimePayload<E>): void {
    // The counter advances even without sockets, so polling clients and socket clients agree.
    const row = this.db.get<{ seq: number }>(
      'UPDATE chatbots SET seq = seq + 1 WHERE id = ? RETURNING seq',
      chatbotId,
    );
    if (!row || !this.io) return;
    this.io.to(room(chatbotId, readPermission[event])).emit(event, { ...payload, chatbotId, seq: row.seq });
  }

  push(chatbotId: string, agentId: string, payload: RealtimePayload<'push'>): void {
    if (!this.io) return;
    const row = this.db.get<{ seq: number }>('SELECT seq FROM chatbots WHERE id = ?', chatbotId);
    this.io.to(agentRoom(chatbotId, agentId)).emit('push', { ...payload, chatbotId, seq: row?.seq ?? 0 });
  }

  close(): void {
    if (!this.io) return;
    this.io.disconnectSockets(true);
    // The HTTP server belongs to Fastify, which closes it; only the engine is ours to close.
    this.io.engine.close();
    this.io = null;
  }
}
