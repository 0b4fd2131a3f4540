// Scrolling 50,000 rows top to bottom and back, a new window of rows every frame (as dragging the
// scrollbar does): frame times from requestAnimationFrame and long tasks from a
// PerformanceObserver, against the frames of the same page sitting idle.
import { copyOf, openBenchApp, preparedBacklog } from './app';
import type { Result } from './report';
import { max, percentile } from './stats';

interface Measured {
  idle: number[];
  frames: number[];
  longTasks: number[];
  rows: number;
}

// A string: see dom-watch.ts on why page scripts are not functions here.
const script = (steps: number) => `(async () => {
  const list = document.querySelector('main [role="listbox"]');
  const longTasks = [];
  new PerformanceObserver((entries) => entries.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: 'longtask' });
  const frames = (count, each) => new Promise((resolve) => {
    const deltas = [];
    let last;
    let i = 0;
    const step = (now) => {
      if (last !== undefined) deltas.push(now - last);
      last = now;
      each?.(i++);
      if (deltas.length < count) requestAnimationFrame(step);
      else resolve(deltas);
    };
    requestAnimationFrame(step);
  });
  const idle = await frames(120);
  const during = longTasks.length;
  const height = list.scrollHeight - list.clientHeight;
  const scrolled = await frames(${2 * steps}, (i) => {
    const at = i <= ${steps} ? i / ${steps} : 2 - i / ${steps};
    list.scrollTop = Math.round(at * height);
  });
  await frames(10);
  return { idle, frames: scrolled, longTasks: longTasks.slice(during), rows: Number(list.querySelector('[role="option"]').getAttribute('aria-setsize')) };
})()`;

export async function scrolling(quick: boolean): Promise<Result[]> {
  const bench = await openBenchApp({ dataDir: copyOf(await preparedBacklog()) });
  let measured: Measured;
  try {
    measured = (await bench.page.evaluate(script(quick ? 150 : 600))) as Measured;
  } finally {
    await bench.close();
  }
  if (measured.rows < 50_000) throw new Error(`the list had ${measured.rows} rows, not 50,000`);
  const idleP95 = percentile(measured.idle, 95);
  const details = { rows: measured.rows, frames: measured.frames.length, p50: percentile(measured.frames, 50), p99: percentile(measured.frames, 99), longTasks: measured.longTasks };
  return [
    // One 60 Hz frame is 16.7 ms; the page's clock is coarsened to 0.1 ms, so an on-time frame reads
    // 16.6–16.8 (a dropped one 33.3).
    { id: 'scroll.p95', name: 'scrolling 50k rows: p95 frame', value: percentile(measured.frames, 95), unit: 'ms', baseline: idleP95, baselineName: 'p95 frame, idle', target: { on: 'value', max: 16.9 }, details },
    { id: 'scroll.longTask', name: 'scrolling 50k rows: longest long task', value: max([0, ...measured.longTasks]), unit: 'ms', baseline: idleP95, baselineName: 'p95 frame, idle', target: { on: 'value', max: 50 }, details },
  ];
}
