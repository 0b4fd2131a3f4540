// A demo dialogue of the Botpress bot: the ChatCaptain demo's turns (content.ts), plus the
// point where the bot hands the customer to the desk.
import type { Script, Turn, Vars } from '../../demo/content';

export const HANDOVER = 'handover' as const;
export type BotTurn = Turn | typeof HANDOVER;

export interface BotScript extends Omit<Script, 'turns'> {
  turns: (v: Vars) => BotTurn[];
}

/** Which integration a demo channel is on this bot. */
export const integrationOf = {
  whatsapp: 'whatsapp',
  webchat: 'webchat',
  instagram: 'instagram',
  telegram: 'telegram',
  email: 'gmail',
} as const;
