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

/**
 * A date parameter (a pageToken, updatedSince): an ISO 8601 date-time with a zone, given in the
 * UTC form stored dates have, so that the two compare as text. An instant outside the years 0000
 * to 9999 in UTC has no such form (toISOString writes "+010000-…", which sorts before every
 * stored date and would bound nothing), so it is refused, not stretched.
 */
export const isoDate = (name: string) =>
  z
    .string()
    .max(40)
    .pipe(z.iso.datetime({ offset: true, error: `${name} must be an ISO date with a time zone, e.g. 2024-09-29T07:08:00Z` }))
    .transform((value, ctx) => {
      const date = new Date(value);
      const year = date.getUTCFullYear();
      if (year < 0 || year > 9999) {
        ctx.issues.push({ code: 'custom', input: value, message: `${name} must fall in the years 0000 to 9999 in UTC` });
        return z.NEVER;
      }
      return date.toISOString();
    });
