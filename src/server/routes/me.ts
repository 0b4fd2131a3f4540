// GET /v1/auth/me: who a key speaks for and what it may do. Not in the ChatCaptain excerpt; the
// app uses it to hide what a key cannot do instead of learning that from 403s.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { authOf } from '../http/auth';

export function meRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/v1/auth/me', { config: { permission: 'authenticated' } }, async (request) => {
    const key = authOf(request);
    const agent = ctx.db.get<{ id: string; name: string }>('SELECT id, name FROM agents WHERE id = ?', key.agentId);
    return {
      agent: { id: key.agentId, name: agent?.name ?? key.agentId },
      permissions: [...key.permissions].sort(),
      chatbots: ctx.db
        .all<{ id: string; name: string }>('SELECT id, name FROM chatbots ORDER BY created_at, id')
        .filter((c) => key.chatbotIds.has(c.id))
        .map((c) => ({ id: c.id, name: c.name })),
    };
  });
}
