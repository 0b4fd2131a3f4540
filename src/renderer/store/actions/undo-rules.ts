// What undoes an action on a conversation: the state it had before, put back through the
// account's ports. Offered only where the platform has that port and the key may use it, so an
// Undo never fails for want of a way back. Pure, so the rules are tested without a DOM.
import type { Ability } from '../../../shared/capabilities';
import type { InboxConversation } from '../../../shared/view-models';

export type UndoableAction = 'archive' | 'assign' | 'handBack';

export type Inverse =
  | { kind: 'archive'; archived: boolean }
  | { kind: 'assign'; agentId: string }
  | { kind: 'unassign' }
  | { kind: 'handBack' };

type Before = Pick<InboxConversation, 'status' | 'assignedAgentId' | 'archived'>;

export function inverseOf(before: Before, action: UndoableAction, can: (ability: Ability) => boolean): Inverse | null {
  const inverse = ((): { inverse: Inverse; needs: Ability } | null => {
    if (action === 'archive') return { inverse: { kind: 'archive', archived: before.archived }, needs: 'archive' };
    // Who had it before gets it back; a conversation that waited goes back to the queue, one the bot had back to the bot.
    if (before.status === 'assigned' && before.assignedAgentId) return { inverse: { kind: 'assign', agentId: before.assignedAgentId }, needs: 'assign' };
    if (action === 'assign' && before.status === 'waiting') return { inverse: { kind: 'unassign' }, needs: 'unassign' };
    if (action === 'assign' && before.status === 'bot') return { inverse: { kind: 'handBack' }, needs: 'handBack' };
    return null;
  })();
  return inverse && can(inverse.needs) ? inverse.inverse : null;
}
