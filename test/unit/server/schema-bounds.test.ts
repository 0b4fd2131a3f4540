// Every schema the local server validates requests with caps each string and each list, so the
// cost of refusing a body (and the number of issues found in it) does not grow with its size. The
// route modules export their schemas; each module under src/server/routes is read here, so a new
// one is checked without being listed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { IncomingMessageContent } from '../../../src/shared/domain';
import { SocketAuth } from '../../../src/server/wire';

const serverDir = join(__dirname, '../../../src/server');
const routeModules = readdirSync(join(serverDir, 'routes')).filter((f) => f.endsWith('.ts')).map((f) => `routes/${f}`);
const modules = [...routeModules, 'http/schemas.ts'];

async function schemasOf(module: string): Promise<[string, z.ZodType][]> {
  const exported = Object.entries((await import(join(serverDir, module))) as Record<string, unknown>);
  return exported.filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType);
}

/** Paths (in JSON Schema terms) of strings without maxLength and arrays without maxItems. */
function unbounded(node: unknown, path = '$'): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const schema = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(schema.type ?? []);
  const found: string[] = [];
  const fixed = 'enum' in schema || 'const' in schema;
  if (types.includes('string') && !fixed && schema.maxLength === undefined) found.push(`${path}: string without a maximum length`);
  if (types.includes('array') && schema.maxItems === undefined) found.push(`${path}: array without a maximum length`);
  if (typeof schema.additionalProperties === 'object') found.push(`${path}: record with any number of keys`);
  for (const [key, value] of Object.entries((schema.properties ?? {}) as Record<string, unknown>)) found.push(...unbounded(value, `${path}.${key}`));
  for (const key of ['items', 'additionalProperties', 'not'] as const) found.push(...unbounded(schema[key], `${path}[]`));
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    for (const [i, value] of ((schema[key] ?? []) as unknown[]).entries()) found.push(...unbounded(value, `${path}|${i}`));
  }
  return found;
}

const check = (schema: z.ZodType) => unbounded(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));

describe('request schemas', () => {
  it.each(modules)('%s caps every string and list', async (module) => {
    const problems = (await schemasOf(module)).flatMap(([name, schema]) => check(schema).map((p) => `${name} ${p}`));
    expect(problems).toEqual([]);
  });

  it.each(routeModules)('%s parses only with schemas checked here', async (module) => {
    const checked = new Set(['IncomingMessageContent']);
    for (const m of modules) for (const [name] of await schemasOf(m)) checked.add(name);
    const parsedWith = [...readFileSync(join(serverDir, module), 'utf8').matchAll(/(?<![.\w])parse\((\w+)/g)].map((m) => m[1]!);
    expect(parsedWith.filter((name) => !checked.has(name))).toEqual([]);
  });

  it('caps every string and list of incoming message content and of the socket handshake', () => {
    expect(check(IncomingMessageContent)).toEqual([]);
    expect(check(SocketAuth)).toEqual([]);
  });

  it('finds what is not capped', () => {
    expect(check(z.object({ a: z.string(), b: z.array(z.string().max(1)), c: z.record(z.string().max(1), z.number()) }))).toEqual([
      '$.a: string without a maximum length',
      '$.b: array without a maximum length',
      '$.c: record with any number of keys',
    ]);
  });

  it('refuses the worst 1 MB of options after one issue, not one per option', () => {
    const options = Array.from({ length: 340_000 }, () => ({}));
    const result = IncomingMessageContent.safeParse({ type: 'choice', payload: { text: 'Welche Größe?', options } });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]).toMatchObject({ code: 'too_big', path: ['payload', 'options'] });
  });
});
