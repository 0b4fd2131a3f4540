// The saved replies matching what follows "/" in the composer, above it: the composer keeps the
// keyboard (↑↓ choose, Enter or Tab insert, Esc close) and points at the active option
// (aria-activedescendant), so typing goes on while the list narrows.
import { useTranslation } from 'react-i18next';
import type { SavedReply } from '../../../shared/saved-replies';
import './reply-picker.css';

export const replyOptionId = (listId: string, id: string): string => `${listId}-${id}`;

export function ReplyPicker({
  id,
  replies,
  loaded,
  query,
  active,
  preview,
  onPick,
}: {
  id: string;
  replies: readonly SavedReply[];
  loaded: boolean;
  query: string;
  active: number;
  /** The reply as it would be inserted (language chosen, variables filled). */
  preview: (reply: SavedReply) => string;
  onPick: (reply: SavedReply) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="reply-picker">
      <ul id={id} className="reply-picker-list" role="listbox" aria-label={t('replies.picker.label')}>
        {replies.map((reply, index) => (
          <li
            key={reply.id}
            id={replyOptionId(id, reply.id)}
            role="option"
            aria-selected={index === active}
            className={`reply-option${index === active ? ' is-active' : ''}`}
            // Keeps the caret in the composer: a click must not take the focus first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(reply)}
          >
            <span className="reply-option-head">
              <span className="reply-option-shortcut">/{reply.shortcut}</span>
              <span className="reply-option-title">{reply.title}</span>
            </span>
            <span className="reply-option-text">{preview(reply)}</span>
          </li>
        ))}
      </ul>
      {replies.length === 0 && <p className="reply-picker-empty">{loaded ? (query ? t('replies.picker.none', { query }) : t('replies.picker.empty')) : t('common.loading')}</p>}
      <p className="reply-picker-hint" aria-hidden="true">
        {t('replies.picker.hint')}
      </p>
    </div>
  );
}
