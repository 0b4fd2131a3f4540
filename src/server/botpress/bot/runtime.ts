// The demo bot at work, as a deployed Botpress bot with the hitl plugin would be: it answers
// customers, hands them to the desk when they ask for a person, relays both ways while a
// handover is active, and acts on the desk's hitlAssigned and hitlStopped events. Everything
// it does is written to its logs; what goes wrong becomes an issue, never a failed request.
import type { BotHandlers, BotpressChat } from '../chat';
import { BpError } from '../errors';
import type { BotEvent, EventStatus } from '../store/events';
import type { Message } from '../store/messages';
import { hitlEvents, isHitlEvent } from './definition';
import { Handover } from './hitl';
import { CLOSE_COMMAND, intentOf } from './lines';

export class DemoBot implements BotHandlers {
  readonly handover: Handover;

  constructor(private readonly chat: BotpressChat) {
    this.handover = new Handover(chat);
  }

  onIncomingMessage(botId: string, message: Message): void {
    this.guard(botId, message.conversationId, () => {
      const conversation = this.chat.conversations.get(botId, message.conversationId);
      if (!conversation) return;
      if (this.handover.isDesk(conversation)) {
        this.handover.relayToCustomer(botId, conversation, message);
        return;
      }
      const text = typeof message.payload.text === 'string' ? message.payload.text : undefined;
      if (this.handover.active(botId, conversation.id)) {
        if (text?.trim().toLowerCase() === CLOSE_COMMAND) this.handover.endByCustomer(botId, conversation);
        else this.handover.relayToDesk(botId, conversation, message);
        return;
      }
      this.answer(botId, conversation.id, message, text);
    });
  }

  onEvent(botId: string, event: BotEvent): { status: EventStatus; failureReason?: string } {
    if (!isHitlEvent(event.type)) return { status: 'ignored' };
    try {
      let acted: boolean;
      if (event.type === 'hitlAssigned') {
        const payload = hitlEvents.hitlAssigned.parse(event.payload);
        acted = this.handover.assign(botId, payload.conversationId, payload.userId);
      } else {
        acted = this.handover.stop(botId, hitlEvents.hitlStopped.parse(event.payload).conversationId, 'desk');
      }
      return { status: acted ? 'processed' : 'ignored' };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.chat.health.log(botId, 'error', `Event ${event.type} failed: ${reason}`, {});
      return { status: 'failed', failureReason: reason };
    }
  }

  /** The bot's own answer to a customer, or the handover when they ask for a person. */
  private answer(botId: string, conversationId: string, message: Message, text: string | undefined): void {
    const user = this.chat.users.get(botId, message.userId);
    const say = this.handover.linesFor(botId, user, text);
    const intent = intentOf(text);
    if (intent === 'human') {
      this.handover.start(botId, conversationId, { userId: message.userId });
      return;
    }
    const order = /#?(\d{4,6})/.exec(text ?? '')?.[1] ?? '7731';
    const content = intent === 'menu' ? say.menu : intent === 'tracking' ? say.tracking(order) : say[intent];
    this.handover.reply(botId, conversationId, content);
    this.chat.health.log(botId, 'info', `Answered with ${content.type} (${intent})`, { conversationId, userId: message.userId });
  }

  /** Runs the bot's reaction; a failure is logged and raised as an issue, not thrown at the caller. */
  private guard(botId: string, conversationId: string, react: () => void): void {
    try {
      react();
    } catch (error) {
      const reason = error instanceof BpError || error instanceof Error ? error.message : String(error);
      this.chat.health.log(botId, 'error', `The bot could not handle a message: ${reason}`, { conversationId });
      this.chat.health.raise(botId, {
        code: 'bot_message_handler_failed',
        title: 'Message handler failed',
        description: 'The bot threw while handling an incoming message.',
        category: 'user_code',
        data: { conversationId: { raw: conversationId }, error: { raw: reason } },
      });
    }
  }
}
