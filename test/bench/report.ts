// What every benchmark reports: a figure, the baseline it is measured against in the same run
// (absolute numbers vary between machines; ratios much less), and the target it must meet, on
// the ratio or on the figure itself where the target is absolute (a frame budget, a heap size).
// Printed as a table, and written as JSON under bench-results/ so that runs can be compared.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Target {
  /** What the bound applies to: the figure over the baseline, or the figure itself. */
  on: 'ratio' | 'value';
  /** The figure (or ratio) must be at most this… */
  max?: number;
  /** …or at least this. */
  min?: number;
}

export interface Result {
  /** Stable across runs, for comparing them: `live.demo.p99`. */
  id: string;
  name: string;
  value: number;
  unit: string;
  baseline: number;
  /** What the baseline is. */
  baselineName: string;
  target: Target;
  /** Anything else worth keeping with the run (samples, counts, what grew). */
  details?: Record<string, unknown>;
}

export const ratioOf = (r: Result): number => (r.baseline === 0 ? Infinity : r.value / r.baseline);

export function met(r: Result): boolean {
  const x = r.target.on === 'ratio' ? ratioOf(r) : r.value;
  return (r.target.max === undefined || x <= r.target.max) && (r.target.min === undefined || x >= r.target.min);
}

const number = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

export function targetText(r: Result): string {
  const what = r.target.on === 'ratio' ? '' : ` ${r.unit}`;
  const suffix = r.target.on === 'ratio' ? '×' : what;
  const bounds = [r.target.max !== undefined && `≤ ${r.target.max}${suffix}`, r.target.min !== undefined && `≥ ${r.target.min}${suffix}`].filter(Boolean);
  return bounds.join(' and ');
}

export function line(r: Result): string {
  return `${met(r) ? 'ok  ' : 'MISS'} ${r.name}: ${number(r.value)} ${r.unit} vs ${number(r.baseline)} ${r.unit} ${r.baselineName} = ${number(ratioOf(r))}× (target ${targetText(r)})`;
}

/** The README's table. */
export function markdown(results: readonly Result[]): string {
  const rows = results.map(
    (r) => `| ${r.name} | ${number(r.value)} ${r.unit} | ${number(r.baseline)} ${r.unit} (${r.baselineName}) | ${number(ratioOf(r))}× | ${targetText(r)} | ${met(r) ? 'met' : '**missed**'} |`,
  );
  return ['| Benchmark | Figure | Baseline (same run) | Ratio | Target | |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** Writes the run to bench-results/<time>.json and bench-results/latest.json; returns the first path. */
export function writeResults(root: string, results: readonly Result[], run: { quick: boolean; startedAt: Date; seconds: number }): string {
  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const body = JSON.stringify(
    {
      startedAt: run.startedAt.toISOString(),
      seconds: Math.round(run.seconds),
      quick: run.quick,
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
      results: results.map((r) => ({ ...r, ratio: ratioOf(r), met: met(r) })),
    },
    null,
    2,
  );
  const path = join(dir, `${run.startedAt.toISOString().replace(/[:.]/g, '-')}${run.quick ? '-quick' : ''}.json`);
  writeFileSync(path, body);
  writeFileSync(join(dir, 'latest.json'), body);
  return path;
}
