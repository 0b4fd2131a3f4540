// Vitest global setup of the e2e project: builds the app once per run when out/ is missing or
// older than its sources (electron-vite, a few seconds), so the e2e tests always drive the code
// under test. Fails the run with the build's output when the build fails.
import { ensureAppBuilt } from '../../support/app-build';

export default async function setup(): Promise<void> {
  const state = await ensureAppBuilt();
  if (state !== 'current') console.log(`[e2e] the app build was ${state}: built out/ with electron-vite`);
}
