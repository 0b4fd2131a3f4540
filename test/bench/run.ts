// `npm run bench`: the speed and memory targets of the whole app, each measured against a
// baseline taken in the same run on the same machine and printed as a ratio (absolute times vary
// between machines; ratios much less), each with its target. The run is written as JSON under
// bench-results/ for comparing runs. Exits non-zero when a target is missed.
//
//   npm run bench                    every benchmark (under 15 minutes on 2 cores)
//   npm run bench -- --quick         fewer samples and a shorter day, for development
//   npm run bench -- --only live,cold   some of them (names below)
//   npm run bench -- --markdown      also print the README's table
import { ensureAppBuilt, projectRoot } from '../support/app-build';
import { cleanUp } from './app';
import { bundleWeight } from './bundle';
import { coldStart } from './cold-start';
import { burst } from './burst';
import { livePath } from './live-path';
import { microBenchmarks } from './micro';
import { line, markdown, met, writeResults, type Result } from './report';
import { scrolling } from './scrolling';
import { serverThroughput } from './throughput';
import { workingDay } from './working-day';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only'))?.split('=')[1] ?? (args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined);

const suites: Record<string, () => Promise<Result[]> | Result[]> = {
  micro: () => microBenchmarks(),
  bundle: () => bundleWeight(),
  throughput: () => serverThroughput(quick),
  live: () => livePath(quick),
  cold: () => coldStart(quick),
  scroll: () => scrolling(quick),
  burst: () => burst(quick),
  day: () => workingDay(quick),
};

const chosen = only ? only.split(',') : Object.keys(suites);
const unknown = chosen.filter((name) => !(name in suites));
if (unknown.length > 0) throw new Error(`No benchmark named ${unknown.join(', ')}; there are: ${Object.keys(suites).join(', ')}`);

const startedAt = new Date();
// The browser benchmarks drive the built app: build it when a source is newer than the build.
const state = await ensureAppBuilt();
if (state !== 'current') console.log(`the app build was ${state}: built out/ with electron-vite`);

const results: Result[] = [];
try {
  for (const name of chosen) {
    const started = performance.now();
    console.log(`\n— ${name}${quick ? ' (quick)' : ''}`);
    const found = await suites[name]!();
    for (const r of found) console.log(line(r));
    console.log(`  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    results.push(...found);
  }
} finally {
  cleanUp();
}

const seconds = (Date.now() - startedAt.getTime()) / 1000;
const missed = results.filter((r) => !met(r));
console.log(`\n${results.length - missed.length} of ${results.length} targets met in ${(seconds / 60).toFixed(1)} min${quick ? ' (quick)' : ''}`);
for (const r of missed) console.log(line(r));
if (args.includes('--markdown')) console.log(`\n${markdown(results)}`);
console.log(`written to ${writeResults(projectRoot, results, { quick, startedAt, seconds })}`);
process.exitCode = missed.length > 0 ? 1 : 0;
