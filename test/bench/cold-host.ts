// A child process for the cold-start benchmark: a fresh Node with nothing loaded but the code,
// which starts Deckhand on the data folder it is given (as Electron's ready calls compose), then
// prints the time it began and the URL to open.
import { startHost } from '../e2e/host/host';
import { epochNow } from './stats';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: cold-host.ts <dataDir>');
const startedAt = epochNow();
const host = await startHost({ dataDir });
console.log(JSON.stringify({ url: host.url, startedAt }));
process.on('SIGTERM', () => void host.close().then(() => process.exit(0)));
