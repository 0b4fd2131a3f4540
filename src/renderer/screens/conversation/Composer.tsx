// Where the agent writes. The draft lives in the store (persisted per conversation), so it
// survives switching conversations, restarts and failed sends; sendReply clears it only once
// the reply is safely in the outbox. The textarea is read-only during that moment, so nothing
// typed meanwhile could be cleared with it. "/" (or Ctrl/Cmd+.) offers the saved replies; Esc
// leaves the composer for the list, so the next key is a shortcut again, not text.
import { Bot, Info, SendHorizontal } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { LIST_ID } from '../inbox/inbox-actions';
import { ReplyPicker, replyOptionId } from '../replies/ReplyPicker';
import { useReplyPicker } from '../replies/use-reply-picker';
import { useTranslation } from 'react-i18next';
import { handlingOf } from '../../../shared/conversation-rules';
import type { InboxConversation } from '../../../shared/view-models';
import { sendReply } from '../../store/actions/conversation';
import { setDraft } from '../../store/actions/local';
import { canOn } from '../../lib/capabilities';
import { useStore } from '../../store/store';
import { composerKeyAction, FOCUS_COMPOSER_EVENT } from './composer-keys';
import { agentName, myAgentId } from './people';
import './composer.css';

export function Composer({ conversation }: { conversation: InboxConversation }) {
  const { t } = useTranslation();
  const key = conversation.key;
  const draft = useStore((s) => s.drafts[key] ?? '');
  const me = useStore((s) => myAgentId(s.session, conversation.accountId));
  const status = handlingOf(conversation, me);
  const otherAgent = useStore((s) => (status.kind === 'assigned' ? agentName(s.session, s.team, conversation.accountId, status.agentId) : null));
  // Replying takes a waiting conversation only where the platform assigns conversations at all.
  const assigns = useStore((s) => canOn(s.session, conversation, 'assign'));
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const noteId = useId();
  const pickerId = useId();
  const picker = useReplyPicker(conversation, input);

  // The inbox's shortcuts ask for the composer with a DOM event (they do not know this component).
  useEffect(() => {
    const focus = () => input.current?.focus();
    window.addEventListener(FOCUS_COMPOSER_EVENT, focus);
    return () => window.removeEventListener(FOCUS_COMPOSER_EVENT, focus);
  }, []);

  const canSend = draft.trim() !== '' && !sending;
  const send = () => {
    if (!canSend) return;
    setSending(true);
    sendReply(key)
      .catch(() => undefined) // shown as a toast; the draft is still there
      .finally(() => {
        setSending(false);
        input.current?.focus();
      });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (picker.onKeyDown(e)) return;
    if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
      // Out of the composer, to the list: the draft stays, and "j" moves again instead of typing.
      e.preventDefault();
      input.current?.blur();
      document.getElementById(LIST_ID)?.focus({ preventScroll: true });
      return;
    }
    if (composerKeyAction({ key: e.key, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, isComposing: e.nativeEvent.isComposing }) !== 'send') return;
    e.preventDefault();
    send();
  };

  const note =
    status.kind === 'bot'
      ? { icon: <Bot size={14} aria-hidden="true" />, text: t('conversation.composer.botNote') }
      : status.kind === 'waiting' && assigns
        ? { icon: <Info size={14} aria-hidden="true" />, text: t('conversation.composer.waitingNote') }
        : status.kind === 'assigned'
          ? { icon: <Info size={14} aria-hidden="true" />, text: t('conversation.composer.otherNote', { name: otherAgent ?? t('conversation.sender.agent') }) }
          : null;

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {note && (
        <p id={noteId} className={`composer-note composer-note-${status.kind}`}>
          {note.icon}
          {note.text}
        </p>
      )}
      <div className="composer-box">
        {picker.open && (
          <ReplyPicker
            id={pickerId}
            replies={picker.shown}
            loaded={picker.loaded}
            query={picker.query}
            active={picker.active}
            preview={picker.preview}
            onPick={picker.pick}
          />
        )}
        <label htmlFor={`${hintId}-input`} className="visually-hidden">
          {t('conversation.composer.label', { name: conversation.contactName })}
        </label>
        <textarea
          id={`${hintId}-input`}
          ref={input}
          className="composer-input"
          rows={1}
          value={draft}
          placeholder={t('conversation.composer.placeholder')}
          aria-describedby={[note ? noteId : null, hintId].filter(Boolean).join(' ')}
          readOnly={sending}
          maxLength={10_000}
          aria-controls={picker.open ? pickerId : undefined}
          aria-activedescendant={picker.open && picker.shown[picker.active] ? replyOptionId(pickerId, picker.shown[picker.active]!.id) : undefined}
          onChange={(e) => {
            setDraft(key, e.target.value);
            picker.follow();
          }}
          onSelect={picker.follow}
          onBlur={picker.close}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="composer-send" disabled={!canSend} aria-label={t('conversation.composer.send')} title={t('conversation.composer.send')}>
          <SendHorizontal size={18} aria-hidden="true" />
        </button>
      </div>
      <p id={hintId} className="composer-hint">
        {t('conversation.composer.hint')}
      </p>
    </form>
  );
}
