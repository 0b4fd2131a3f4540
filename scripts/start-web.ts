// `npm run start:web`: the whole app in a browser, for development. Runs Deckhand's real main
// services in Node (the e2e host, test/e2e/host) and serves the built renderer with a
// window.deckhand over a WebSocket; the Electron binary is not needed.
//
//   npm run start:web -- [--port 5177] [--data .deckhand-web] [--simulate 3] [--lang de|en]
//                        [--demo] [--fresh] [--encryption os|basic_text]
//
// The app is built (npx electron-vite build) when out/ is missing or older than its
// sources; rebuild it yourself and reload the page after changing the UI while this runs.
// Data (settings, cache, the demo's database) stays in --data between runs; secrets live in
// memory only, so accounts other than the demo must be added again after a restart.
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startHost } from '../test/e2e/host/host';
import { ensureAppBuilt, projectRoot } from '../test/support/app-build';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '5177' },
    data: { type: 'string', default: resolve(projectRoot, '.deckhand-web') },
    simulate: { type: 'string', default: '3' },
    lang: { type: 'string', default: 'de' },
    encryption: { type: 'string', default: 'os' },
    demo: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
const simulatePerMin = Number(values.simulate);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not ${values.port}`);
if (!Number.isFinite(simulatePerMin) || simulatePerMin < 0) throw new Error(`--simulate must be messages per minute, not ${values.simulate}`);
if (values.lang !== 'de' && values.lang !== 'en') throw new Error(`--lang must be de or en, not ${values.lang}`);
if (values.encryption !== 'os' && values.encryption !== 'basic_text') throw new Error(`--encryption must be os or basic_text`);

const state = await ensureAppBuilt();
if (state !== 'current') console.log(`Built the app (it was ${state}).`);
const dataDir = resolve(values.data);
if (values.fresh) await rm(dataDir, { recursive: true, force: true });

const host = await startHost({ dataDir, port, simulatePerMin, language: values.lang, encryption: values.encryption, openDemoOnFirstRun: true });
if (values.demo) await host.app.session.openDemo();

console.log(`Deckhand (web) on ${host.url}  — data in ${dataDir}`);
if (host.demo.isUp) {
  const { url, workspace } = host.demo.server;
  console.log(`Demo API on ${url}  (x-chatcaptain-key, admin: ${workspace.keys.admin})`);
}
console.log('Ctrl+C stops it.');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  host.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
