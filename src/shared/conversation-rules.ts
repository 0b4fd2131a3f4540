// Whose turn a conversation is, from the signed-in agent's point of view. Every place that asks
// "is it mine", "is it waiting for a person" or "is it the agent's to pick up" asks here: the
// inbox views and counts, the status chips, notifications and the tray badge.
import type { Conversation } from './domain';

type Assignment = Pick<Conversation, 'status' | 'assignedAgentId'>;

export type Handling =
  /** Wants a person and nobody has taken it. */
  | { kind: 'waiting' }
  /** Taken by the signed-in agent. */
  | { kind: 'mine' }
  /** Taken by someone else (agentId null when the platform does not say who). */
  | { kind: 'assigned'; agentId: string | null }
  | { kind: 'bot' }
  | { kind: 'closed' };

/**
 * `me` is the agent id the conversation's account speaks for (undefined or '' when unknown). A
 * conversation someone holds is theirs whatever the platform calls its status; one that waits is
 * unassigned by definition.
 */
export function handlingOf(conversation: Assignment, me: string | null | undefined): Handling {
  const { status, assignedAgentId } = conversation;
  if (status === 'bot' || status === 'closed') return { kind: status };
  if (assignedAgentId === null) return status === 'waiting' ? { kind: 'waiting' } : { kind: 'assigned', agentId: null };
  return me && assignedAgentId === me ? { kind: 'mine' } : { kind: 'assigned', agentId: assignedAgentId };
}

export const isMine = (conversation: Assignment, me: string | null | undefined): boolean => handlingOf(conversation, me).kind === 'mine';

/** Wants a person, and nobody has taken it. */
export const isWaiting = (conversation: Assignment): boolean => handlingOf(conversation, null).kind === 'waiting';

/** Work that is the agent's to pick up: theirs, or waiting for anyone. Archived never is. */
export const isForMe = (conversation: Assignment & Pick<Conversation, 'archived'>, me: string | null | undefined): boolean =>
  !conversation.archived && (isWaiting(conversation) || isMine(conversation, me));
