// Chatbot versions: list, create, delete, deploy to test/prod, and roll back. Admin-only in the
// demo roles (the agent role has no version permissions; viewers may list).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DeployEnvironment, Environment } from '../wire';
import type { ServerContext } from '../context';
import { ApiError, notFound } from '../http/errors';
import { parse } from '../http/validate';
import { ChatbotParams, id } from '../http/schemas';
import { VersionStore } from '../store/versions';

export const VersionParams = ChatbotParams.extend({ versionId: id });

export const CreateBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  environment: Environment,
});
export const DeployBody = z.strictObject({ environment: DeployEnvironment });
export const RollbackBody = z.strictObject({});

export function versionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const versions = new VersionStore(ctx.db);
  const base = '/v1/chatbots/:chatbotId/versions';

  app.get(base, { config: { permission: 'chatbots.versions.list' } }, async (request) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    return { versions: versions.list(chatbotId) };
  });

  app.post(base, { config: { permission: 'chatbots.versions.create' } }, async (request, reply) => {
    const { chatbotId } = parse(ChatbotParams, request.params, 'params');
    const body = parse(CreateBody, request.body, 'body');
    const version = versions.create(chatbotId, body);
    return reply.code(201).send({ version });
  });

  app.delete(base + '/:versionId', { config: { permission: 'chatbots.versions.delete' } }, async (request) => {
    const { chatbotId, versionId } = parse(VersionParams, request.params, 'params');
    return ctx.db.tx(() => {
      const version = versions.get(chatbotId, versionId);
      if (!version) throw notFound('Version', versionId);
      // Deleting a live version would leave its environment running nothing we know of.
      if (version.deployedTo.length > 0) {
        throw new ApiError(
          'InvalidPayload',
          `Version ${versionId} is live in ${version.deployedTo.join(' and ')}; deploy another version there first`,
        );
      }
      versions.delete(chatbotId, versionId);
      return { deleted: true };
    });
  });

  app.post(base + '/:versionId/deploy', { config: { permission: 'chatbots.versions.deploy' } }, async (request) => {
    const { chatbotId, versionId } = parse(VersionParams, request.params, 'params');
    const { environment } = parse(DeployBody, request.body, 'body');
    return ctx.db.tx(() => {
      if (!versions.get(chatbotId, versionId)) throw notFound('Version', versionId);
      versions.record(chatbotId, versionId, environment, 'deploy');
      return { version: versions.get(chatbotId, versionId)! };
    });
  });

  app.post(base + '/:versionId/rollback', { config: { permission: 'chatbots.versions.deploy' } }, async (request) => {
    const { chatbotId, versionId } = parse(VersionParams, request.params, 'params');
    parse(RollbackBody, request.body ?? {}, 'body');
    return ctx.db.tx(() => {
      if (!versions.get(chatbotId, versionId)) throw notFound('Version', versionId);
      const environment = versions.lastEnvironment(chatbotId, versionId);
      if (!environment) {
        throw new ApiError(
          'InvalidPayload',
          `Version ${versionId} was never deployed, so there is nothing to roll back to; deploy it instead`,
        );
      }
      versions.record(chatbotId, versionId, environment, 'rollback');
      return { rolledBack: true, version: versions.get(chatbotId, versionId)! };
    });
  });
}
