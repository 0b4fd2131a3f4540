// Runtime validation at the HTTP boundary: zod schemas, failures become a 400 that names the
// offending field, so a caller can fix the request without reading our source.
import type { z } from 'zod';
import { ApiError } from './errors';

export type Part = 'body' | 'query' | 'params';

// An issue can quote the request (unknown keys, a bad value): each is cut short, so a huge body
// cannot make a huge answer.
const MAX_ISSUE_LENGTH = 300;
const shorten = (text: string) => (text.length > MAX_ISSUE_LENGTH ? `${text.slice(0, MAX_ISSUE_LENGTH - 1)}…` : text);

export function describeIssues(error: z.ZodError, part: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [part, ...issue.path.map(String)].join('.');
      return shorten(`${path}: ${issue.message}`);
    })
    .join('; ');
}

export function parse<S extends z.ZodType>(schema: S, value: unknown, part: Part): z.infer<S> {
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (result.success) return result.data;
  throw new ApiError(part === 'query' ? 'InvalidQuery' : 'InvalidPayload', describeIssues(result.error, part));
}
