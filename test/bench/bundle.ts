// Start-up weight: how much of the built renderer the first screen loads (the entry, what it
// imports statically, the CSS index.html links) against all of it (the sections that load on
// first use, lazy-screen.tsx, are the rest).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rendererDir } from '../support/app-build';
import type { Result } from './report';

/** The files a page of index.html loads before anything is shown: entry, static imports, linked CSS. */
export function firstScreenFiles(dir: string): Set<string> {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(join(dir, file), 'utf8');
    // Static imports only (`import … from "./x.js"`, `import "./x.js"`); import("./x.js") is what loads later.
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
  };
  linked.forEach(visit);
  return files;
}

export function bundleWeight(): Result[] {
  const assets = readdirSync(join(rendererDir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const size = (file: string) => statSync(join(rendererDir, file)).size / 1024;
  const total = assets.reduce((sum, f) => sum + size(`assets/${f}`), 0);
  const first = [...firstScreenFiles(rendererDir)].reduce((sum, f) => sum + size(f), 0);
  const lazy = assets.filter((f) => !firstScreenFiles(rendererDir).has(`assets/${f}`));
  const details = { firstScreen: [...firstScreenFiles(rendererDir)], lazy };
  return [
    {
      id: 'bundle.firstScreen',
      name: 'start-up weight: first screen of the renderer',
      value: first,
      unit: 'KB',
      baseline: total,
      baselineName: 'all of the renderer',
      target: { on: 'ratio', max: 0.92 },
      details,
    },
    // Half of what the renderer was before (one 1,237 KB chunk, unminified, plus 66 KB of CSS).
    { id: 'bundle.firstScreenKb', name: 'start-up weight: first screen, bytes', value: first, unit: 'KB', baseline: total, baselineName: 'all of the renderer', target: { on: 'value', max: 650 } },
  ];
}
