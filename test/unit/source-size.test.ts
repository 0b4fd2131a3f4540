// Files stay small enough to read in one go (DESIGN.md: under ~300 lines, never over 350): this
// fails naming the file that grew past the limit, whatever kind of file it is.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAX_LINES = 350;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('the source', () => {
  it(`has no file over ${MAX_LINES} lines`, () => {
    const root = join(process.cwd(), 'src');
    const files = filesUnder(root);
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((file) => ({ file: relative(process.cwd(), file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
