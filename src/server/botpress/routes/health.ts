// /v1/admin/bots/{id}/analytics, /issues (+ their events, and deleting one) and /logs.
import { z } from 'zod';
import type { Routes } from '../routing';
import { BpError } from '../errors';
import { id, pageQuery, parse } from '../schemas';
import { botFor, BotParams } from './admin';
import { listed } from './shared';

const time = z.iso.datetime({ offset: true }).or(z.iso.date());
const MAX_DAYS = 366;

const Analytics = z.strictObject({ startDate: time, endDate: time });
const Issues = z.strictObject(pageQuery);
const IssueParams = z.strictObject({ id, issueId: id });
const Logs = z.strictObject({
  timeStart: time,
  timeEnd: time.optional(),
  level: z.enum(['debug', 'info', 'warn', 'error']).optional(),
  userId: id.optional(),
  workflowId: id.optional(),
  conversationId: id.optional(),
  messageContains: z.string().min(1).max(200).optional(),
  nextToken: pageQuery.nextToken,
});

export const healthRoutes: Routes = (r, chat) => {
  r.get('/bots/:id/analytics', 'admin.read', (caller, request) => {
    const bot = botFor(chat.db, caller, parse(BotParams, request.params, 'params').id);
    const query = parse(Analytics, request.query, 'query');
    const start = new Date(query.startDate);
    const end = new Date(query.endDate);
    if (end < start) throw new BpError('InvalidQuery', 'query.endDate: before startDate');
    if (end.getTime() - start.getTime() > MAX_DAYS * 86_400_000) throw new BpError('InvalidQuery', `query: at most ${MAX_DAYS} days at a time`);
    return { records: chat.analytics.range(bot.id, start, end) };
  });

  r.get('/bots/:id/issues', 'admin.read', (caller, request) => {
    const bot = botFor(chat.db, caller, parse(BotParams, request.params, 'params').id);
    return listed('issues', chat.health.issues(bot.id, parse(Issues, request.query, 'query')));
  });

  r.get('/bots/:id/issues/:issueId/events', 'admin.read', (caller, request) => {
    const params = parse(IssueParams, request.params, 'params');
    const bot = botFor(chat.db, caller, params.id);
    return { issueEvents: chat.health.issueEvents(bot.id, params.issueId) };
  });

  r.delete('/bots/:id/issues/:issueId', 'admin.write', (caller, request) => {
    const params = parse(IssueParams, request.params, 'params');
    chat.health.deleteIssue(botFor(chat.db, caller, params.id).id, params.issueId);
    return {};
  });

  r.get('/bots/:id/logs', 'admin.read', (caller, request) => {
    const bot = botFor(chat.db, caller, parse(BotParams, request.params, 'params').id);
    const { workflowId, nextToken, ...filter } = parse(Logs, request.query, 'query');
    // This bot has no workflows, so no log line belongs to one.
    if (workflowId !== undefined) return { logs: [] };
    const page = chat.health.logs(bot.id, filter, { nextToken, pageSize: 100 });
    return { logs: page.items, ...(page.nextToken && { nextToken: page.nextToken }) };
  });
};
