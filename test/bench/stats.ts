// Order statistics for the benchmarks' samples.

/** The p-th percentile (0–100) by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export const max = (samples: readonly number[]): number => samples.reduce((a, b) => Math.max(a, b), -Infinity);

/** Median of `runs` timings of fn, after one warm-up. */
export async function time(fn: () => unknown, runs = 7): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Epoch milliseconds with sub-millisecond resolution, comparable with a page's `performance.timeOrigin + performance.now()`. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
