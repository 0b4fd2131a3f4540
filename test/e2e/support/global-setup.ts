// Vitest global setup of the e2e project: builds the renderer once per run when out/renderer is
// missing or older than its sources (electron-vite, about 2 s), so the e2e tests always drive the
// code under test. Fails the run with the build's output when the build fails.
import { ensureRendererBuilt } from '../host/renderer-build';

export default async function setup(): Promise<void> {
  const state = await ensureRendererBuilt();
  if (state !== 'current') console.log(`[e2e] renderer was ${state}: built out/renderer with electron-vite`);
}
