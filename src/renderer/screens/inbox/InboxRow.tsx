// One conversation in the list: who, where, what was said last, when, and whose it is. The row
// is an ARIA option named by its own text (so what is seen is what is heard, as axe checks);
// the avatar is decoration, the unread count carries hidden words so "2" is not just a number.
import { Camera, Globe, Mail, MessageCircle, MessagesSquare, Send, type LucideIcon } from 'lucide-react';
import { memo } from 'react';
import type { InboxConversation, InboxView, MessageHit } from '../../../shared/view-models';
import { Highlight, snippet } from '../../components/Highlight';
import { dateTime, relativeTime } from '../../lib/time';
import { selectConversation } from '../../store/actions/conversation';
import { handlingOf, type Handling } from '../../../shared/conversation-rules';
import { matchesText } from '../../../shared/inbox-filter';
import { channelKind, channelLabel, initials, lastActivity, type ChannelKind } from './inbox-model';
import { previewText } from './preview';
import type { RowWords } from './row-words';
import { WaitTimer } from './WaitTimer';

export const ROW_HEIGHT = 76;

const channelIcons: Record<ChannelKind, LucideIcon> = {
  whatsapp: MessageCircle,
  webchat: Globe,
  instagram: Camera,
  telegram: Send,
  email: Mail,
  other: MessagesSquare,
};

const statusClass: Record<Handling['kind'], string> = {
  waiting: 'badge badge-warning',
  mine: 'badge badge-accent',
  assigned: 'badge',
  bot: 'badge',
  closed: 'badge',
};

// In "Waiting" every row is waiting and in "Mine" every row is mine: a chip saying so on each
// row is noise, so there it is left out (the view's name says it).
const impliedBy: Partial<Record<InboxView, Handling['kind']>> = { waiting: 'waiting', mine: 'mine' };

export const optionId = (key: string): string => `inbox-option-${key}`;

export interface InboxRowProps {
  conversation: InboxConversation;
  index: number;
  setSize: number;
  start: number;
  selected: boolean;
  /** Minute tick: the relative time re-renders with it. */
  now: number;
  showChatbot: boolean;
  /** The account's platform, named, while several platforms are signed in (else undefined). */
  platform: string | undefined;
  view: InboxView;
  myAgentId: string | undefined;
  agentNames: ReadonlyMap<string, string>;
  /** The search term, to mark in the row; `hit`: a message it was found in, when not in the row's own text. */
  search?: string | undefined;
  hit?: MessageHit | undefined;
  /**
   * The list's words and language (row-words.ts): useTranslation and t() in each row would make
   * them anew for every row rendered, dozens a frame while scrolling.
   */
  words: RowWords;
  language: string;
}

export const InboxRow = memo(function InboxRow({
  conversation: c,
  index,
  setSize,
  start,
  selected,
  now,
  showChatbot,
  platform,
  view,
  myAgentId,
  agentNames,
  search,
  hit,
  words,
  language,
}: InboxRowProps) {
  const kind = channelKind(c.channelId, c.channelName);
  const ChannelIcon = channelIcons[kind];
  const channel = channelLabel(c.channelId, c.channelName, words.channels);

  const status = handlingOf(c, myAgentId);
  const agentName = status.kind === 'assigned' && status.agentId ? agentNames.get(status.agentId) : undefined;
  const statusLabel = status.kind === 'assigned' && agentName ? words.assignedTo(agentName) : words.status(status.kind);

  // Found in an earlier message rather than in what the row shows: show that message instead.
  const foundElsewhere = search && hit && !matchesText(c, search) ? words.found(snippet(hit.text, search)) : null;
  const preview = foundElsewhere ?? previewText(c.lastMessage, { myAgentId, agentNames }, words.preview);
  // The time the list is sorted by, so the times read in order down the list.
  const activity = lastActivity(c);
  const when = relativeTime(activity, language, now) ?? words.justNow;
  const unread = c.unreadCount > 0;
  const showStatus = impliedBy[view] !== status.kind;
  const showWait = status.kind === 'waiting' || status.kind === 'mine';

  return (
    <div
      id={optionId(c.key)}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={`inbox-row${selected ? ' is-selected' : ''}${unread ? ' is-unread' : ''}`}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onClick={() => void selectConversation(c.key)}
    >
      <div className="inbox-avatar" aria-hidden="true">
        {initials(c.contactName)}
        <span className={`inbox-channel inbox-channel-${kind}`} title={channel}>
          <ChannelIcon size={11} strokeWidth={2.5} />
        </span>
      </div>
      <div className="inbox-row-main">
        <div className="inbox-row-line">
          <span className="inbox-name">
            <Highlight text={c.contactName} term={search} />
          </span>
          <time className="inbox-time" dateTime={activity} title={dateTime(activity, language)}>
            {when}
          </time>
        </div>
        <div className="inbox-row-line">
          <span className={`inbox-preview${foundElsewhere ? ' inbox-preview-found' : ''}`}>
            <Highlight text={preview} term={search} />
          </span>
          {unread && (
            <span className="inbox-unread">
              <span aria-hidden="true">{c.unreadCount > 99 ? '99+' : c.unreadCount}</span>
              <span className="visually-hidden">{words.unread(c.unreadCount)}</span>
            </span>
          )}
        </div>
        <div className="inbox-row-line inbox-row-meta">
          {showStatus && <span className={statusClass[status.kind]}>{statusLabel}</span>}
          {platform && <span className="badge badge-platform">{platform}</span>}
          <span className="inbox-meta-text">
            {channel}
            {showChatbot && ` · ${c.chatbotName}`}
          </span>
          {showWait && <WaitTimer conversation={c} />}
        </div>
      </div>
    </div>
  );
});
