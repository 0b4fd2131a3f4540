// Archive, assign and hand back with an Undo: the action runs at once, and a toast says what
// happened with a way back for a few seconds, where the account has one (undo-rules.ts).
import i18next from 'i18next';
import type { InboxConversation } from '../../../shared/view-models';
import { canOn } from '../../lib/capabilities';
import { getState } from '../store';
import { assignTo, handBack, setArchived, unassign } from './conversation';
import { toast } from './feedback';
import { inverseOf, type Inverse, type UndoableAction } from './undo-rules';

async function apply(key: string, inverse: Inverse): Promise<void> {
  switch (inverse.kind) {
    case 'archive':
      return setArchived(key, inverse.archived);
    case 'assign':
      return assignTo(key, inverse.agentId);
    case 'unassign':
      return unassign(key);
    case 'handBack':
      return handBack(key);
  }
}

/**
 * Runs `run` (which throws after showing its own error), then tells the agent `said(after)` with
 * an Undo that puts the conversation back as it was.
 */
export async function withUndo(key: string, action: UndoableAction, run: () => Promise<void>, said: (after: InboxConversation) => string): Promise<void> {
  const before = getState().conversations.get(key);
  await run();
  const after = getState().conversations.get(key);
  if (!before || !after) return;
  const inverse = inverseOf(before, action, (ability) => canOn(getState().session, before, ability));
  const undo = inverse && {
    label: i18next.t('assign.undo'),
    run: () =>
      void apply(key, inverse).then(
        () => toast(i18next.t('assign.undone'), 'info'),
        () => undefined, // shown as a toast already
      ),
  };
  toast(said(after), 'info', undo ?? undefined);
}

/** Archives a conversation, or brings it back from the archive, with an Undo (the header's button and "e"). */
export const toggleArchived = (conversation: InboxConversation): Promise<void> =>
  withUndo(
    conversation.key,
    'archive',
    () => setArchived(conversation.key, !conversation.archived),
    (after) => i18next.t(after.archived ? 'assign.done.archived' : 'assign.done.restored', { customer: conversation.contactName }),
  );
