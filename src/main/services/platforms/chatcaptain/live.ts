// ChatCaptain's live feed: a socket.io connection per chatbot. Every event carries a per-chatbot
// `seq` that grows by one, so an event seen before is dropped and a gap means something was
// missed (onMissed: the caller reads what changed). Whether the server has a socket at all is
// only known once it answers; when it refuses the key or has no socket.io, onUnavailable fires
// once and the feed stops trying.
import { io } from 'socket.io-client';
import type { z } from 'zod';
import type { Disposable } from '../../events';
import type { HttpClient } from '../../http/http-client';
import type { LiveEvent, LiveFeed, LiveHandlers } from '../platform';
import { toConversation, toMessage } from './map';
import { WireEvents, eventEnvelope, type WireEventName } from './wire';

export interface LiveOptions {
  baseUrl: string;
  key: string;
  /** Probes whether the server has socket.io at all. */
  http: HttpClient;
  /** socket.io reconnection delays (randomized ±50 %). */
  reconnectionDelayMs: number;
  reconnectionDelayMaxMs: number;
  /** Counts events dropped because they did not fit or came for another chatbot. */
  onIgnored?: () => void;
}

const eventNames = Object.keys(WireEvents) as WireEventName[];

/** The domain event each wire event stands for. */
const toLive: { [E in WireEventName]: (data: z.infer<(typeof WireEvents)[E]>) => LiveEvent } = {
  'conversation.upserted': (data) => ({ type: 'conversation', conversation: toConversation(data.conversation) }),
  'conversation.deleted': (data) => ({ type: 'removed', conversationId: data.id }),
  'message.created': (data) => ({ type: 'message', message: toMessage(data.message) }),
  'agent.online': (data) => ({ type: 'agent', agent: data.agent }),
  push: ({ title, body, conversationId }) => ({ type: 'push', push: { title, body, conversationId } }),
};

export function chatcaptainLiveFeed(options: LiveOptions): LiveFeed {
  return { subscribe: (chatbotId, handlers) => subscribe(options, chatbotId, handlers) };
}

function subscribe(options: LiveOptions, chatbotId: string, handlers: LiveHandlers): Disposable {
  const socket = io(options.baseUrl, {
    auth: { key: options.key, chatbotId },
    transports: ['websocket'],
    forceNew: true,
    reconnection: true,
    reconnectionDelay: options.reconnectionDelayMs,
    reconnectionDelayMax: options.reconnectionDelayMaxMs,
    randomizationFactor: 0.5,
  });
  let stopped = false;
  let probing = false;
  let lastSeq: number | null = null;
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
    const delay = options.reconnectionDelayMs * (0.5 + Math.random());
    retry = setTimeout(() => !stopped && !socket.connected && socket.connect(), delay);
  };

  socket.on('connect', () => {
    // A new connection starts a new count: the resync that follows covers what came between.
    lastSeq = null;
    handlers.onConnect();
  });
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
    void options.http.probe('/socket.io/?EIO=4&transport=polling').then((status) => {
      probing = false;
      if (status === 404) unavailable(`${options.baseUrl} offers no socket.io endpoint`);
    });
  });
  for (const name of eventNames) {
    const schema = (WireEvents[name] as z.ZodObject).extend(eventEnvelope);
    socket.on(name, (data: unknown) => {
      const parsed = schema.safeParse(data);
      if (!parsed.success || parsed.data.chatbotId !== chatbotId) {
        options.onIgnored?.();
        return;
      }
      // The schema above is the proof that the data fits this event's mapping.
      const event = (toLive[name] as (data: unknown) => LiveEvent)(parsed.data);
      // A push is for this agent alone and does not advance the chatbot's seq.
      if (name === 'push') return handlers.onEvent(event);
      const { seq } = parsed.data as { seq: number };
      if (lastSeq !== null && seq <= lastSeq) return; // seen before
      const gap = lastSeq !== null && seq > lastSeq + 1;
      lastSeq = seq;
      handlers.onEvent(event);
      if (gap) handlers.onMissed();
    });
  }
  return { dispose: stop };
}
