// A small JSON document on disk, validated on read and replaced atomically on write (temp file
// + rename), so a crash mid-write leaves the old version, never half a file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

export class JsonFile<S extends z.ZodType> {
  constructor(
    private readonly path: string,
    private readonly schema: S,
    private readonly fallback: () => z.infer<S>,
  ) {}

  /** The stored value, or the fallback when the file is missing or not valid (never throws). */
  read(): z.infer<S> {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return this.fallback();
    }
    try {
      const parsed = this.schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : this.fallback();
    } catch {
      return this.fallback();
    }
  }

  write(value: z.infer<S>): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value, null, 2), { mode: 0o600 });
    renameSync(temp, this.path);
  }
}
