// When a conversation last moved: its newest message (or its start). Not updatedAt, which also
// changes when someone reads, assigns or archives it: opening a conversation must not send it to
// the top of everyone's list. The inbox is ordered by it, in the renderer and in main's cache.
import type { Conversation } from './domain';

export const lastActivity = (c: Pick<Conversation, 'lastMessage' | 'createdAt'>): string => c.lastMessage?.createdAt ?? c.createdAt;
