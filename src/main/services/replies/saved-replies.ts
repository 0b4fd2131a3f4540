// Saved replies in main's SQLite file: the agent's own set, across accounts and sign-outs.
// Export writes the shared file format (shared/saved-replies.ts); import reads it, adding new
// shortcuts and updating the ones it already has, all or nothing.
import { randomUUID } from 'node:crypto';
import { type z } from 'zod';
import { SavedRepliesFile, type SavedReply, type SavedReplyFields } from '../../../shared/saved-replies';
import type { MainDb } from '../cache/sqlite';
import { AppError } from '../errors/app-error';
import type { Clock } from '../ports';

interface Row {
  id: string;
  shortcut: string;
  title: string;
  text_de: string | null;
  text_en: string | null;
  updated_ms: number;
}

const toReply = (row: Row): SavedReply => ({
  id: row.id,
  shortcut: row.shortcut,
  title: row.title,
  texts: { ...(row.text_de !== null && { de: row.text_de }), ...(row.text_en !== null && { en: row.text_en }) },
  updatedAt: new Date(row.updated_ms).toISOString(),
});

/** "texts.de: Too big" and the like, for an import the agent can fix. */
const describe = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'file'}: ${issue.message}`)
    .join('; ');

export class SavedReplies {
  constructor(
    private readonly db: MainDb,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  /** By shortcut, as the agent finds them. */
  list(): SavedReply[] {
    return this.db.all<Row>('SELECT * FROM saved_replies ORDER BY shortcut COLLATE NOCASE').map(toReply);
  }

  /** Creates a reply, or with `id` changes that one. A shortcut is one reply's only. */
  save(fields: SavedReplyFields, id?: string): SavedReply {
    return this.db.tx(() => {
      const taken = this.db.get<{ id: string }>('SELECT id FROM saved_replies WHERE shortcut = ? COLLATE NOCASE', fields.shortcut);
      if (taken && taken.id !== id) throw new AppError('Invalid', `The shortcut /${fields.shortcut} is taken by another saved reply.`);
      if (id !== undefined && !this.db.get('SELECT 1 FROM saved_replies WHERE id = ?', id)) throw new AppError('NotFound', 'This saved reply was deleted.');
      return this.write(id ?? randomUUID(), fields);
    });
  }

  delete(id: string): void {
    if (this.db.run('DELETE FROM saved_replies WHERE id = ?', id).changes === 0) throw new AppError('NotFound', 'This saved reply was deleted already.');
  }

  /** The whole set as the shared file, pretty-printed for people who read it. */
  exportJson(): string {
    const file: SavedRepliesFile = {
      format: 'deckhand.saved-replies',
      version: 1,
      replies: this.list().map(({ shortcut, title, texts }) => ({ shortcut, title, texts })),
    };
    return JSON.stringify(file, null, 2);
  }

  /** Reads a shared file: new shortcuts are added, known ones updated; nothing changes when the file is refused. */
  importJson(json: string): { added: number; updated: number } {
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      throw new AppError('Invalid', 'This file is not JSON.');
    }
    const parsed = SavedRepliesFile.safeParse(raw);
    if (!parsed.success) throw new AppError('Invalid', `This is not a saved-replies file of Deckhand: ${describe(parsed.error)}`);
    const shortcuts = parsed.data.replies.map((r) => r.shortcut.toLowerCase());
    const twice = shortcuts.find((s, i) => shortcuts.indexOf(s) !== i);
    if (twice !== undefined) throw new AppError('Invalid', `The file has the shortcut /${twice} more than once.`);
    return this.db.tx(() => {
      let added = 0;
      let updated = 0;
      for (const fields of parsed.data.replies) {
        const known = this.db.get<{ id: string }>('SELECT id FROM saved_replies WHERE shortcut = ? COLLATE NOCASE', fields.shortcut);
        this.write(known?.id ?? randomUUID(), fields);
        if (known) updated++;
        else added++;
      }
      return { added, updated };
    });
  }

  private write(id: string, fields: SavedReplyFields): SavedReply {
    this.db.run(
      `INSERT INTO saved_replies (id, shortcut, title, text_de, text_en, updated_ms) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET shortcut = excluded.shortcut, title = excluded.title, text_de = excluded.text_de,
         text_en = excluded.text_en, updated_ms = excluded.updated_ms`,
      id,
      fields.shortcut,
      fields.title,
      fields.texts.de ?? null,
      fields.texts.en ?? null,
      this.clock.now(),
    );
    return toReply(this.db.get<Row>('SELECT * FROM saved_replies WHERE id = ?', id)!);
  }
}
