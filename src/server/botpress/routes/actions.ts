// POST /v1/chat/actions: the actions the demo bot declares (bot/definition.ts), which are the
// hitl plugin's: startHitl hands a customer's conversation to the desk, stopHitl ends it.
import { z } from 'zod';
import type { Routes } from '../routing';
import { describeIssues } from '../../http/validate';
import { BpError, referenceNotFound } from '../errors';
import { actions, isAction } from '../bot/definition';
import { boundedJson, identifier, parse } from '../schemas';

const Call = z.strictObject({ type: identifier, input: boundedJson(16 * 1024) });

export const actionRoutes: Routes = (r, chat, bot) => {
  r.post('/actions', 'chat.write', ({ botId }, request) => {
    const body = parse(Call, request.body, 'body');
    if (!isAction(body.type)) {
      throw new BpError('InvalidPayload', `body.type: this bot has no action ${body.type} (it has: ${Object.keys(actions).join(', ')})`);
    }
    const input = actions[body.type].input.safeParse(body.input);
    if (!input.success) throw new BpError('InvalidPayload', `${body.type}: ${describeIssues(input.error, 'body.input')}`);
    const { conversationId } = input.data;
    if (!chat.conversations.get(botId, conversationId)) throw referenceNotFound('body.input.conversationId', 'Conversation', conversationId);
    let output: Record<string, unknown> = {};
    if (body.type === 'startHitl') {
      const { conversationId: _id, ...options } = input.data as z.infer<(typeof actions)['startHitl']['input']>;
      output = { conversationId: bot.handover.start(botId, conversationId, options).id };
    } else {
      bot.handover.stop(botId, conversationId, 'desk');
    }
    return { output, meta: { cached: false } };
  });
};
