// The request shapes the Botpress routes share, with a bound on every string, array and map:
// ids, tags, free-form JSON, paging. Free-form JSON (event and state payloads, action input)
// is bounded by size and depth instead of by shape.
import { z } from 'zod';
import { describeIssues } from '../http/validate';
import { BpError } from './errors';

export const MAX_TAGS = 50;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const id = z.string().min(1).max(200);
export const shortText = z.string().max(500);
export const url = z.string().min(1).max(2048);
/** Identifiers the bot declares: state names, event and action types. */
export const identifier = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z][A-Za-z0-9_:#.-]*$/, 'must start with a letter and use letters, digits, _ : # . -');

// Integration tags are namespaced (`whatsapp:userPhone`); bot tags are plain names.
const tagKey = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_:.-]*$/, 'tag names use letters, digits, _ : . -')
  .refine((key) => key !== '__proto__', 'tag names cannot be __proto__');
const tagValue = z.string().max(1000);
const bounded = <T extends z.ZodType>(record: T) =>
  record.refine((value) => Object.keys(value as object).length <= MAX_TAGS, `at most ${MAX_TAGS} tags`);

export const tags = bounded(z.record(tagKey, tagValue));
/** An edit: null or '' unsets a tag, as the doc says. */
export const tagsPatch = bounded(z.record(tagKey, tagValue.nullable()));
export const discriminateByTags = z.array(tagKey).max(MAX_TAGS);

/**
 * Free-form JSON within a size and depth, walked without recursion so no input can overflow the
 * stack. `__proto__` keys are refused before anything copies the object (copying would set a
 * prototype instead of a key).
 */
export function boundedJson(maxBytes: number, maxDepth = 16) {
  const walk = z.unknown().superRefine((value, ctx) => {
    let bytes = 0;
    const stack: [unknown, number][] = [[value, 0]];
    while (stack.length > 0) {
      const [item, depth] = stack.pop()!;
      if (depth > maxDepth) return ctx.addIssue({ code: 'custom', message: `nested deeper than ${maxDepth} levels` });
      if (typeof item === 'string') bytes += item.length + 2;
      else if (Array.isArray(item)) {
        bytes += 2;
        for (const child of item) stack.push([child, depth + 1]);
      } else if (item && typeof item === 'object') {
        bytes += 2;
        for (const [key, child] of Object.entries(item)) {
          if (key === '__proto__') return ctx.addIssue({ code: 'custom', message: 'a key cannot be __proto__' });
          bytes += key.length + 3;
          stack.push([child, depth + 1]);
        }
      } else bytes += 8;
      if (bytes > maxBytes) return ctx.addIssue({ code: 'custom', message: `larger than ${maxBytes} bytes` });
    }
  });
  return walk.pipe(z.record(z.string().max(200), z.unknown()));
}

export type Part = 'body' | 'query' | 'params';

/** Validates one part of a request; a failure names the field and is the doc's 400 for that part. */
export function parse<S extends z.ZodType>(schema: S, value: unknown, part: Part): z.infer<S> {
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}));
  if (result.success) return result.data;
  throw new BpError(part === 'query' ? 'InvalidQuery' : 'InvalidPayload', describeIssues(result.error, part));
}

// ---- query strings -----------------------------------------------------------------------------

/**
 * The client serializes queries with qs (`allowDots`, `arrayFormat: 'repeat'`): `tags.key=value`
 * and `participantIds=a&participantIds=b`. This gathers the dotted tags into one object and
 * leaves the rest as Fastify parsed it.
 */
export function normalizeQuery(raw: unknown): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const queryTags: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (key.startsWith('tags.')) queryTags[key.slice(5)] = value;
    else query[key] = value;
  }
  if (Object.keys(queryTags).length > 0) query.tags = queryTags;
  return query;
}

/** A value that may come once or repeated. */
export const repeated = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item).max(max));

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const pageQuery = {
  nextToken: z.string().min(1).max(1000).optional(),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
};

export const rangeQuery = {
  afterDate: isoDate.optional(),
  beforeDate: isoDate.optional(),
};

export const sortQuery = {
  sortField: z.enum(['createdAt', 'updatedAt']).optional(),
  sortDirection: z.enum(['asc', 'desc']).optional(),
};
