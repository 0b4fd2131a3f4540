// Bundles bridge-page.ts into the classic script the host serves as /deckhand-bridge.js. Built
// with Vite (like the real preload) from the real src/preload/api.ts and contract, so the page
// gets the same window.deckhand the Electron app does. Kept in memory; once per process.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { projectRoot } from '../../support/app-build';

let bundled: Promise<string> | null = null;

async function bundle(): Promise<string> {
  const output = await build({
    configFile: false,
    root: projectRoot,
    publicDir: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: false,
      sourcemap: 'inline',
      reportCompressedSize: false,
      // A classic script: it must run before the renderer's module script and set window.deckhand.
      lib: {
        entry: fileURLToPath(new URL('./bridge-page.ts', import.meta.url)),
        formats: ['iife'],
        name: 'deckhandBridge',
        fileName: () => 'deckhand-bridge.js',
      },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((item) => item.type === 'chunk');
    if (chunk && chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('Bundling the e2e bridge produced no script.');
}

/** The bridge script's source; a failed build is retried on the next call. */
export function bridgeScript(): Promise<string> {
  bundled ??= bundle().catch((error: unknown) => {
    bundled = null;
    throw error;
  });
  return bundled;
}
