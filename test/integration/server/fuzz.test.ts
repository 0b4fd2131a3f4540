// A bounded fuzz run in the suite: every route of Fastify's own table, in turn, with malformed
// input from a fixed seed, HTTP that Node's parser refuses, and socket.io's endpoint (requests and
// WebSocket upgrades). Not one 5xx, not one error outside its family's documented shape.
// `npm run fuzz` runs the same for longer.
import { describe, expect, it } from 'vitest';
import { fuzz } from '../../support/fuzz/runner';
import { unownedRoutes } from '../../support/fuzz/families';
import { useServer } from '../../support/server';

describe('fuzz', () => {
  // Limits high enough that the run reaches validation instead of 429s.
  const server = useServer({ demo: true, rateLimit: { max: 1_000_000, windowMs: 60_000, unauthenticatedMax: 1_000_000 } });

  it('knows the error shape of every route in the table', () => {
    expect(server.get().routes.length).toBeGreaterThan(40);
    expect(unownedRoutes(server.get().routes)).toEqual([]);
    expect(unownedRoutes([{ method: 'POST', url: '/v2/elsewhere' }])).toEqual(['POST /v2/elsewhere']);
  });

  it('answers 1,500 malformed requests without a 5xx and every error in its documented shape', async () => {
    const report = await fuzz(server.get(), { count: 1500, seed: 13 });
    expect(report.violations).toEqual([]);
    expect(report.requests).toBe(1500);
    // The run reached past the door: refusals of every kind, and some requests that worked.
    for (const status of [200, 400, 401, 404, 413]) expect(report.byStatus[status], `status ${status}`).toBeGreaterThan(0);
    // socket.io's too: handshakes and upgrades that worked, and each kind of refusal engine.io makes.
    for (const status of [101, 200, 400, 405, 413]) expect(report.socketIoByStatus[status], `socket.io status ${status}`).toBeGreaterThan(0);
  }, 60_000);
});
