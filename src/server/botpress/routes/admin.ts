// /v1/admin: the account behind a personal access token, the workspaces it reaches and the
// workspace's bots. Everything else of the admin API (billing, members, PATs, integration
// publishing, hub) is out of scope and answers the not-found handler's 404.
import { z } from 'zod';
import type { Db } from '../../db/database';
import type { Routes } from '../routing';
import type { Caller } from '../auth';
import { BpError, notFound } from '../errors';
import { botObject, botSummary } from '../bot/bot-object';
import { listPage, mapPage, newestFirst } from '../paging';
import { id, pageQuery, parse, sortQuery } from '../schemas';
import { accountById, botRow, workspaceRow, type BotRow } from '../workspace';
import { listed } from './shared';

export const BotParams = z.object({ id });

/** A bot of the caller's workspace that the caller's token reaches. */
export function botFor(db: Db, caller: Caller, botId: string): BotRow {
  const row = botRow(db, botId);
  if (!row || row.workspace_id !== caller.token.workspaceId) throw notFound('Bot', botId);
  if (!caller.token.botIds.has(botId)) throw new BpError('Forbidden', `This token has no access to bot ${botId}`);
  return row;
}

const ListWorkspaces = z.strictObject({ nextToken: pageQuery.nextToken });

export const accountRoutes: Routes = (r, chat) => {
  // About the token's person, not a workspace: a desk finds its workspace from here.
  r.getForAccount('/account/me', 'admin.read', ({ token }) => {
    const account = token.accountId ? accountById(chat.db, token.accountId) : undefined;
    if (!account) throw new BpError('Forbidden', 'Only a personal access token belongs to an account');
    return { account: { ...account, emailVerified: true } };
  });

  // A token belongs to one workspace here, so the list has one entry and never a next page.
  r.getForAccount('/workspaces', 'admin.read', ({ token }, request) => {
    parse(ListWorkspaces, request.query, 'query');
    const row = workspaceRow(chat.db, token.workspaceId);
    if (!row) return listed('workspaces', { items: [] });
    const botCount = chat.db.get<{ n: number }>('SELECT count(*) AS n FROM bp_bots WHERE workspace_id = ?', row.id)?.n ?? 0;
    const workspace = {
      id: row.id,
      name: row.name,
      ownerId: row.owner_id ?? '',
      createdAt: row.created_at,
      updatedAt: row.created_at,
      botCount,
      accountType: 'premium',
      plan: 'team',
      blocked: false,
      spendingLimit: 100,
    };
    return listed('workspaces', { items: [workspace] });
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
