// Turns live changes into desktop notifications, a burst at a time: the first notification opens
// a short window, everything that arrives within it is shown together when it closes. A busy
// minute (or a resync that brings several messages at once) then costs one notification saying
// "3 new messages", not a storm of them. The settings and the focused conversation are checked
// again when the window closes, so opening the conversation meanwhile silences it.
import { isForMe } from '../../../shared/conversation-rules';
import type { ConversationRef } from '../../../shared/keys';
import type { InboxConversation, Language } from '../../../shared/view-models';
import type { Clock } from '../ports';
import { decide, mayNotify, type IncomingChange, type NotifyContext, type PlannedNotification } from './notify-policy';

export interface Notification {
  title: string;
  body: string;
  silent: boolean;
  /** Where a click leads. */
  ref: ConversationRef;
}

/** The Electron notification glue. */
export interface NotificationPort {
  show(notification: Notification): void;
}

export interface NotifierOptions {
  port: NotificationPort;
  clock: Clock;
  /** Read for every change and again when a burst is shown. */
  context: () => NotifyContext;
  windowMs?: number;
}

const MAX_NAMES = 3;

const grouped = {
  de: { title: (n: number) => `${n} neue Nachrichten`, more: (n: number) => ` und ${n} weitere` },
  en: { title: (n: number) => `${n} new messages`, more: (n: number) => ` and ${n} more` },
} as const;

export class Notifier {
  /** By eventId: the same message seen as "conversation waiting" and as "message created" counts once. */
  private burst = new Map<string, PlannedNotification>();
  private timer: unknown = null;
  private readonly windowMs: number;

  constructor(private readonly options: NotifierOptions) {
    this.windowMs = options.windowMs ?? 1500;
  }

  handle(change: IncomingChange): void {
    const planned = decide(change, this.options.context());
    if (!planned) return;
    // Re-inserted so that the newest stays last (it decides where a click on a group leads).
    this.burst.delete(planned.eventId);
    this.burst.set(planned.eventId, planned);
    this.timer ??= this.options.clock.setTimeout(() => this.flush(), this.windowMs);
  }

  dispose(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    this.burst.clear();
  }

  private flush(): void {
    this.timer = null;
    const context = this.options.context();
    const items = [...this.burst.values()].filter((p) => mayNotify(p.key, context));
    this.burst.clear();
    const newest = items.at(-1);
    if (!newest) return;
    const silent = !context.settings.sound;
    if (items.length === 1) {
      this.options.port.show({ title: newest.title, body: newest.body, silent, ref: newest.ref });
      return;
    }
    this.options.port.show({
      title: grouped[context.language].title(items.length),
      body: contactList(items, context.language),
      silent,
      ref: newest.ref,
    });
  }
}

/** "Anna, Ben, Carla und 2 weitere": distinct names, newest first. */
function contactList(items: PlannedNotification[], language: Language): string {
  const names = [...new Set(items.map((p) => p.title).reverse())];
  const shown = names.slice(0, MAX_NAMES).join(', ');
  return names.length > MAX_NAMES ? shown + grouped[language].more(names.length - MAX_NAMES) : shown;
}

/**
 * The tray badge: conversations with unread customer messages that are the agent's to answer
 * (assigned to them) or anyone's (waiting). Archived ones do not count.
 */
export function unreadCount(
  conversations: Iterable<Pick<InboxConversation, 'accountId' | 'archived' | 'unreadCount' | 'status' | 'assignedAgentId'>>,
  myAgentIds: Readonly<Record<string, string>>,
): number {
  let count = 0;
  for (const c of conversations) if (c.unreadCount > 0 && isForMe(c, myAgentIds[c.accountId])) count++;
  return count;
}
