// What the message list shows, in order: day separators, the thread's messages, and at the end
// the replies still in the outbox. Pure, so the grouping and the dedupe are unit-tested.
import type { Message } from '../../../shared/domain';
import { foldForSearch } from '../../../shared/fold';
import type { OutboxItem } from '../../../shared/view-models';
import { dayKey } from '../../lib/time';

export type ThreadRow =
  | { kind: 'day'; key: string; iso: string }
  /** `picked`: for buttons or a list the bot offered, the value of the option the customer chose. */
  | { kind: 'message'; key: string; message: Message; continued: boolean; picked?: string }
  | { kind: 'outbox'; key: string; item: OutboxItem; continued: boolean };

/**
 * The outbox entries the thread does not show yet. Once a reply is sent and its message is in
 * the thread (same message id, or the message carries the entry's clientMessageId), only the
 * real message is shown; a sent entry stays until then, so the reply never blinks out.
 */
export function pendingOutbox(items: readonly OutboxItem[], messages: readonly Message[]): OutboxItem[] {
  const ids = new Set(messages.map((m) => m.id));
  const clientIds = new Set(messages.flatMap((m) => (m.clientMessageId ? [m.clientMessageId] : [])));
  return items
    .filter((item) => !(item.messageId !== null && ids.has(item.messageId)) && !clientIds.has(item.clientMessageId))
    .sort((a, b) => a.createdAt - b.createdAt);
}

// Messages by the same sender within a few minutes form a run: only the first shows the label.
const RUN_GAP_MS = 5 * 60_000;
type Author = string;
const authorOf = (m: Message): Author => (m.sender === 'agent' ? `agent:${m.agentId ?? ''}` : m.sender);

export function threadRows(messages: readonly Message[], outbox: readonly OutboxItem[], myAgentId: string | null): ThreadRow[] {
  const rows: ThreadRow[] = [];
  let day: string | null = null;
  let previous: { author: Author; at: number } | null = null;
  const place = (iso: string, author: Author): boolean => {
    const at = Date.parse(iso);
    const key = dayKey(iso);
    if (key !== day) {
      rows.push({ kind: 'day', key: `day:${key}`, iso });
      day = key;
      previous = null;
    }
    const continued: boolean = previous !== null && previous.author === author && at - previous.at < RUN_GAP_MS;
    previous = { author, at };
    return continued;
  };
  const picked = pickedOptions(messages);
  for (const message of messages) {
    const continued = place(message.createdAt, authorOf(message));
    const choice = picked.get(message.id);
    rows.push({ kind: 'message', key: `m:${message.id}`, message, continued, ...(choice !== undefined && { picked: choice }) });
  }
  for (const item of pendingOutbox(outbox, messages)) {
    const continued = place(new Date(item.createdAt).toISOString(), `agent:${myAgentId ?? ''}`);
    rows.push({ kind: 'outbox', key: `o:${item.clientMessageId}`, item, continued });
  }
  return rows;
}

/**
 * Which option the customer chose from each set the bot offered: their next message, if it says
 * an option's label or value (as a channel sends a tapped button: its words). Before the bot
 * offers again; a reply that says something else chose nothing.
 */
export function pickedOptions(messages: readonly Message[]): Map<string, string> {
  const picked = new Map<string, string>();
  messages.forEach((message, index) => {
    if (message.type !== 'choice' && message.type !== 'dropdown') return;
    const next = messages.slice(index + 1).find((m) => m.sender === 'contact' || m.type === 'choice' || m.type === 'dropdown');
    if (!next || next.sender !== 'contact' || next.type !== 'text') return;
    const said = foldForSearch(next.payload.text.trim());
    const option = message.payload.options.find((o) => foldForSearch(o.label.trim()) === said || foldForSearch(o.value.trim()) === said);
    if (option) picked.set(message.id, option.value);
  });
  return picked;
}

export type DayName = 'today' | 'yesterday' | 'other';

/** Whether a timestamp falls on the local today, yesterday, or another day. */
export function dayName(iso: string, now: Date = new Date()): DayName {
  const key = dayKey(iso);
  if (key === dayKey(now.toISOString())) return 'today';
  // Built from the calendar date, not now − 24 h, so a DST change cannot skip or repeat a day.
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12);
  return key === dayKey(yesterday.toISOString()) ? 'yesterday' : 'other';
}
