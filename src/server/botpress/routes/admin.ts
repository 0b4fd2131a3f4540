// /v1/admin: the account behind a personal access token, and the workspace's bots. Everything
// else of the admin API (billing, members, PATs, integration publishing, hub) is out of scope
// and answers the not-found handler's 404.
import { z } from 'zod';
import type { Db } from '../../db/database';
import type { Routes } from '../routing';
import type { Caller } from '../auth';
import { BpError, notFound } from '../errors';
import { botObject, botSummary } from '../bot/bot-object';
import { listPage, mapPage, newestFirst } from '../paging';
import { id, pageQuery, parse, sortQuery } from '../schemas';
import { accountById, botRow, type BotRow } from '../workspace';
import { listed } from './shared';

export const BotParams = z.object({ id });

/** A bot of the caller's workspace that the caller's token reaches. */
export function botFor(db: Db, caller: Caller, botId: string): BotRow {
  const row = botRow(db, botId);
  if (!row || row.workspace_id !== caller.token.workspaceId) throw notFound('Bot', botId);
  if (!caller.token.botIds.has(botId)) throw new BpError('Forbidden', `This token has no access to bot ${botId}`);
  return row;
}

export const accountRoutes: Routes = (r, chat) => {
  r.get('/account/me', 'admin.read', ({ token }) => {
    const account = token.accountId ? accountById(chat.db, token.accountId) : undefined;
    if (!account) throw new BpError('Forbidden', 'Only a personal access token belongs to an account');
    return { account: { ...account, emailVerified: true } };
  });
};

const ListBots = z.strictObject({ ...pageQuery, ...sortQuery, dev: z.enum(['true', 'false']).optional() });

export const botRoutes: Routes = (r, chat) => {
  r.get('/bots', 'admin.read', (caller, request) => {
    const query = parse(ListBots, request.query, 'query');
    const reachable = [...caller.token.botIds];
    const where = ['t.workspace_id = ?', `t.id IN (${reachable.map(() => '?').join(', ') || "''"})`];
    // None of this workspace's bots is a development bot.
    if (query.dev === 'true') where.push('0');
    const sort = { field: query.sortField ?? newestFirst.field, direction: query.sortDirection ?? newestFirst.direction };
    const page = listPage<BotRow>(chat.db, { from: 'bp_bots t', where, params: [caller.token.workspaceId, ...reachable] }, sort, query);
    return listed('bots', mapPage(page, botSummary));
  });

  r.get('/bots/:id', 'admin.read', (caller, request) => ({ bot: botObject(botFor(chat.db, caller, parse(BotParams, request.params, 'params').id)) }));
};
