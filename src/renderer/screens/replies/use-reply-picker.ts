// The composer's saved-reply picker: opens while the caret is in a "/shortcut" (or on Ctrl/Cmd+.,
// which types the slash), narrows as the agent types, and puts the chosen reply in place of the
// "/…", its variables filled in for this conversation and in the customer's language.
import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { SavedReply } from '../../../shared/saved-replies';
import type { InboxConversation, Language } from '../../../shared/view-models';
import { ensureReplies } from '../../store/actions/replies';
import { setDraft } from '../../store/actions/local';
import { selectLanguage } from '../../store/slices/settings';
import { useStore } from '../../store/store';
import { insertReply, pickReplies, slashQuery, type ReplyContext } from './reply-insert';

interface Open {
  start: number;
  query: string;
}

export function useReplyPicker(conversation: InboxConversation, input: RefObject<HTMLTextAreaElement | null>) {
  const [open, setOpen] = useState<Open | null>(null);
  const [active, setActive] = useState(0);
  const replies = useStore((s) => s.replies);
  const language: Language = useStore((s) => selectLanguage(s) ?? 'en');
  const profile = useStore((s) => s.profiles[conversation.key]);
  const agent = useStore((s) => s.session?.accounts.find((a) => a.id === conversation.accountId)?.agent.name ?? '');
  const contact = profile?.status === 'ready' ? profile.profile.contact : null;
  const shown = open ? pickReplies(replies ?? [], open.query) : [];

  useEffect(() => {
    if (open) ensureReplies();
  }, [open]);

  /** After each edit or caret move: is the caret in a "/…"? */
  const follow = () => {
    const el = input.current;
    if (!el) return;
    const found = el.selectionStart === el.selectionEnd ? slashQuery(el.value, el.selectionStart) : null;
    setOpen((previous) => {
      if (found?.query !== previous?.query || found?.start !== previous?.start) setActive(0);
      return found;
    });
  };

  const context: ReplyContext = {
    customerName: contact?.name ?? conversation.contactName,
    customerEmail: contact?.email,
    customerLanguage: contact?.language,
    agentName: agent,
    chatbotName: conversation.chatbotName,
    language,
  };

  const pick = (reply: SavedReply) => {
    const el = input.current;
    if (!el || !open) return;
    const { text, caret } = insertReply(el.value, { start: open.start, end: el.selectionStart }, reply, context);
    // The text is in the textarea before this returns, so the caret is placed at once: a key the
    // agent types right after lands where it should, not before a caret moved a frame later.
    flushSync(() => {
      setDraft(conversation.key, text);
      setOpen(null);
    });
    el.focus();
    el.setSelectionRange(caret, caret);
  };

  /** Ctrl/Cmd+. types the slash that opens the picker (with a space before it when a word precedes). */
  const openHere = () => {
    const el = input.current;
    if (!el) return;
    const at = el.selectionStart;
    const space = at > 0 && !/\s/.test(el.value[at - 1]!) ? ' ' : '';
    const text = `${el.value.slice(0, at)}${space}/${el.value.slice(el.selectionEnd)}`;
    flushSync(() => setDraft(conversation.key, text));
    el.setSelectionRange(at + space.length + 1, at + space.length + 1);
    follow();
  };

  /** The picker's keys while it is open; true when the key was its. */
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if ((e.ctrlKey || e.metaKey) && (e.key === '.' || e.code === 'Period')) {
      e.preventDefault();
      openHere();
      return true;
    }
    if (!open || e.nativeEvent.isComposing) return false;
    const count = shown.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (count === 0) return false;
      e.preventDefault();
      setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
      return true;
    }
    if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && count > 0) {
      e.preventDefault();
      pick(shown[Math.min(active, count - 1)]!);
      return true;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(null);
      return true;
    }
    return false;
  };

  const close = () => setOpen(null);
  const preview = (reply: SavedReply) => insertReply('', { start: 0, end: 0 }, reply, context).text;

  return { open: open !== null, close, query: open?.query ?? '', shown, active, loaded: replies !== null, preview, follow, pick, onKeyDown };
}
