// The built renderer's files as a window loads them: what index.html and the entry pull in
// before anything is shown (the first screen), and the rest, which loads on first use.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The files a page of index.html loads before anything is shown: entry, static imports, linked CSS (paths under `dir`). */
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

/** Every script and stylesheet of the build (paths under `dir`). */
export const allFiles = (dir: string): string[] =>
  readdirSync(join(dir, 'assets'))
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => `assets/${f}`);
