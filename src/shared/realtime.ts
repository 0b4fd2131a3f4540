// Socket.io events of the local server. Every event carries a per-chatbot `seq` that grows by
// one, so a client that sees a gap knows it missed something and resyncs over HTTP.
import { z } from 'zod';
import { AgentPresence, Conversation, Message } from './domain';

export const RealtimeEvents = {
  'conversation.upserted': z.object({ conversation: Conversation }),
  'conversation.deleted': z.object({ id: z.string() }),
  'message.created': z.object({ message: Message }),
  'agent.online': z.object({ agent: AgentPresence }),
  push: z.object({ title: z.string(), body: z.string(), conversationId: z.string() }),
} as const;
export type RealtimeEventName = keyof typeof RealtimeEvents;
export type RealtimePayload<E extends RealtimeEventName> = z.infer<(typeof RealtimeEvents)[E]>;
export type RealtimeEnvelope<E extends RealtimeEventName> = RealtimePayload<E> & {
  chatbotId: string;
  seq: number;
};

export const SocketAuth = z.object({ key: z.string().min(1).max(200), chatbotId: z.string().min(1).max(100) });
