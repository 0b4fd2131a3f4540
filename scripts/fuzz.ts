// `npm run fuzz -- [--count N] [--seed S] [--concurrency C]`: the fuzz of the test suite
// (test/integration/server/fuzz.test.ts) for longer, against a fresh local server with the demo
// workspace. Every route of the server's table in turn, with malformed input; reports what came
// back and every 5xx, unanswered request or error outside its family's shape, and exits 1 if
// there was any. The seed is printed, so a failing run can be repeated exactly.
import { parseArgs } from 'node:util';
import { startServer } from '../src/server/app';
import { fuzz } from '../test/support/fuzz/runner';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
  },
});
const whole = (name: string, value: string, min: number) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}, not "${value}"`);
  return n;
};
const count = whole('count', values.count, 1);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : whole('seed', values.seed, 0);
const concurrency = whole('concurrency', values.concurrency, 1);

const server = await startServer({ demo: true, rateLimit: { max: 1_000_000_000, windowMs: 60_000, unauthenticatedMax: 1_000_000_000 } });
console.log(`Fuzzing ${server.url}: ${server.routes.length} routes, ${count} requests, seed ${seed}, ${concurrency} at a time`);
const started = performance.now();
try {
  const progress = process.stdout.isTTY ? (done: number) => void process.stdout.write(`  ${done} done\r`) : undefined;
  const report = await fuzz(server, { count, seed, concurrency, ...(progress && { progress }) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const statuses = Object.entries(report.byStatus).map(([status, n]) => `${status}: ${n}`).join(', ');
  console.log(`${report.requests} answers in ${seconds} s (${statuses})`);
  if (report.violations.length === 0) {
    console.log('No 5xx, no request left unanswered, every error in its documented shape.');
  } else {
    console.log(`${report.violations.length} violations (repeat with --seed ${seed}):`);
    for (const violation of report.violations.slice(0, 50)) console.log(`  ${violation}`);
    process.exitCode = 1;
  }
} finally {
  await server.close();
}
