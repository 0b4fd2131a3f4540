// A child process for the working-day benchmark: Deckhand on a data folder with the demo's
// traffic simulator running at `perMin` messages a minute (a day compressed), in a Node started
// with --expose-gc, so its heap can be sampled after a full collection and written as a
// snapshot when asked.
import { writeHeapSnapshot } from 'node:v8';
import { startHost } from '../e2e/host/host';
import { answerParent } from './child';

const [dataDir, perMin] = process.argv.slice(2);
if (!dataDir || !perMin) throw new Error('usage: day-host.ts <dataDir> <messagesPerMinute>');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('start with --expose-gc');
const host = await startHost({
  dataDir,
  simulatePerMin: Number(perMin),
  // The day runs faster than a real one; the per-minute request limit does not.
  serverOptions: { rateLimit: { max: 1_000_000, windowMs: 60_000 } },
});
answerParent(async (message) => {
  gc();
  gc();
  if (message.type === 'heap') return process.memoryUsage().heapUsed / 1e6;
  if (message.type === 'snapshot') return writeHeapSnapshot(String(message.path));
  throw new Error(`unknown request ${String(message.type)}`);
});
console.log(JSON.stringify({ url: host.url }));
process.on('SIGTERM', () => void host.close().then(() => process.exit(0)));
