// What the routes' request schemas are made of. Every string and list a request carries is
// capped (test/unit/server/schema-bounds.test.ts holds every route module to that), so refusing a
// hostile body costs little and finds few issues, however the body is made.
import { z } from 'zod';

/** As long as Fastify lets a path segment be (maxParamLength): a longer id could never be in a path. */
export const MAX_ID_LENGTH = 100;

export const id = z.string().min(1).max(MAX_ID_LENGTH);
/** What people name things: contacts, channels, organizations, versions. */
export const label = z.string().max(200);

export const ChatbotParams = z.object({ chatbotId: id });
