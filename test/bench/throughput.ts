// Server throughput: requests per second of the list endpoints under a load tool made for it
// (autocannon, 10 connections), against a plain Fastify route answering the same JSON from
// memory in the same process: what the API costs beyond serving its bytes (auth, limits,
// validation, SQLite, mapping).
import autocannon from 'autocannon';
import { startChild } from './child';
import type { Result } from './report';

interface Ready {
  url: string;
  plainUrl: string;
  lists: { id: string; name: string; path: string; headers: Record<string, string> }[];
}

async function requestsPerSecond(url: string, headers: Record<string, string>, seconds: number): Promise<number> {
  const result = await autocannon({ url, headers, connections: 10, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

export async function serverThroughput(quick: boolean): Promise<Result[]> {
  const child = await startChild<Ready>('servers.ts');
  const seconds = quick ? 2 : 5;
  try {
    const results: Result[] = [];
    for (const list of child.ready.lists) {
      // A warm-up, so both sides are measured with their code optimised.
      await requestsPerSecond(child.ready.url + list.path, list.headers, 1);
      const value = await requestsPerSecond(child.ready.url + list.path, list.headers, seconds);
      const baseline = await requestsPerSecond(child.ready.plainUrl + list.path, {}, seconds);
      results.push({
        id: `throughput.${list.id}`,
        name: `server throughput: ${list.name}`,
        value,
        unit: 'req/s',
        baseline,
        baselineName: 'plain Fastify, same JSON',
        // What the API does beyond serving its bytes (key check, rate limit, validation, SQLite,
        // mapping) may cost at most about 6 times the bare route: a sixth of its rate.
        target: { on: 'ratio', min: 0.15 },
      });
    }
    return results;
  } finally {
    await child.stop();
  }
}
