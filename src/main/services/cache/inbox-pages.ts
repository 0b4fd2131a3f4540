// The inbox read a page at a time straight from the cache file, in a view's order, so the first
// screen is one small query, not the whole cache (~400 ms at 50,000): newest activity first, or
// the Waiting queue's order (who has waited longest first, those nobody waits for after them,
// newest first). Both are seeks in an index, so every page costs the same, the last as the first.
// The renderer's lists sort by the same keys (screens/inbox/inbox-model.ts), so a first page read
// here is the head of what the renderer shows once every page is in.
import { inboxMatcher, type FilterContext } from '../../../shared/inbox-filter';
import type { InboxConversation, InboxFilter, InboxSort } from '../../../shared/view-models';
import { AppError } from '../errors/app-error';
import type { MainDb } from './sqlite';

export interface InboxPage {
  /** In the order asked for. */
  conversations: InboxConversation[];
  /** Where the next page goes on; null after the last. */
  next: string | null;
}

export interface PageOptions {
  order?: InboxSort;
  /** A page's `next`, of the same order. */
  after?: string;
  limit: number;
  filter?: InboxFilter;
}

/** Where the last page ended: its row's wait (longestWaiting only; null among those nobody waits for), activity and rowid. */
interface Cursor {
  wait: number | null;
  activity: number;
  rowid: number;
}

type Row = { wait_ms: number | null; activity_ms: number; rowid: number; json: string };

const COLUMNS = 'SELECT wait_ms, activity_ms, rowid, json FROM conversations';
// After (activity, rowid), newest activity first.
const AFTER_ACTIVITY = '(activity_ms < ?1 OR (activity_ms = ?1 AND rowid > ?2))';
const BY_ACTIVITY = 'ORDER BY activity_ms DESC, rowid ASC LIMIT ?3';

/** The rows after `cursor` in `order`, at most `limit`. */
function rowsAfter(db: MainDb, order: InboxSort, cursor: Cursor | null, limit: number): Row[] {
  const activity = cursor?.activity ?? Number.MAX_SAFE_INTEGER;
  const rowid = cursor?.rowid ?? 0;
  if (order === 'newest') return db.all<Row>(`${COLUMNS} WHERE ${AFTER_ACTIVITY} ${BY_ACTIVITY}`, activity, rowid, limit);
  // The queue: those waited for, longest first, then those nobody waits for, newest first.
  const rows =
    cursor?.wait === null
      ? []
      : db.all<Row>(
          `${COLUMNS} WHERE wait_ms IS NOT NULL AND (wait_ms > ?4 OR (wait_ms = ?4 AND ${AFTER_ACTIVITY}))
           ORDER BY wait_ms ASC, activity_ms DESC, rowid ASC LIMIT ?3`,
          activity,
          rowid,
          limit,
          cursor?.wait ?? Number.MIN_SAFE_INTEGER,
        );
  if (rows.length === limit) return rows;
  const rest = cursor?.wait === null ? cursor : null;
  const unwaited = db.all<Row>(
    `${COLUMNS} WHERE wait_ms IS NULL AND ${AFTER_ACTIVITY} ${BY_ACTIVITY}`,
    rest?.activity ?? Number.MAX_SAFE_INTEGER,
    rest?.rowid ?? 0,
    limit - rows.length,
  );
  return rows.concat(unwaited);
}

/** The `limit` conversations after `after` in `order`; with a filter, only those it shows. */
export function readInboxPage(db: MainDb, options: PageOptions, context: FilterContext): InboxPage {
  const order = options.order ?? 'newest';
  let cursor = options.after === undefined ? null : parseCursor(options.after, order);
  const accepts = options.filter ? inboxMatcher(options.filter, context) : () => true;
  const conversations: InboxConversation[] = [];
  // A filter may skip many rows: read on in chunks until the page is full or the file ends.
  const chunk = options.filter ? Math.max(options.limit, 500) : options.limit;
  for (;;) {
    const rows = rowsAfter(db, order, cursor, chunk);
    for (const row of rows) {
      cursor = { wait: row.wait_ms, activity: row.activity_ms, rowid: row.rowid };
      const conversation = JSON.parse(row.json) as InboxConversation;
      if (!accepts(conversation)) continue;
      conversations.push(conversation);
      if (conversations.length === options.limit) return { conversations, next: formatCursor(cursor, order) };
    }
    if (rows.length < chunk) return { conversations, next: null };
  }
}

// newest: "activity:rowid"; longestWaiting: "wait:activity:rowid", the wait "-" when none.
const NEWEST = /^(-?\d{1,16}):(\d{1,16})$/;
const LONGEST_WAITING = /^(-?\d{1,16}|-):(-?\d{1,16}):(\d{1,16})$/;

function formatCursor({ wait, activity, rowid }: Cursor, order: InboxSort): string {
  return order === 'newest' ? `${activity}:${rowid}` : `${wait ?? '-'}:${activity}:${rowid}`;
}

function parseCursor(text: string, order: InboxSort): Cursor {
  const match = (order === 'newest' ? NEWEST : LONGEST_WAITING).exec(text);
  if (!match) throw new AppError('Invalid', `Not a page of the inbox in this order: ${text.slice(0, 40)}`);
  if (order === 'newest') return { wait: null, activity: Number(match[1]), rowid: Number(match[2]) };
  return { wait: match[1] === '-' ? null : Number(match[1]), activity: Number(match[2]), rowid: Number(match[3]) };
}
