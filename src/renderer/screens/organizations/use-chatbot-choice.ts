// The chatbots the Organizations or Versions section can work on (those of accounts whose
// platform has the capability), and the one it does: the agent's remembered pick (admin slice)
// while it is among them, else the first.
import { useMemo } from 'react';
import type { Capability } from '../../../shared/capabilities';
import { useStore } from '../../store/store';
import { chatbotChoices, resolveChoice, type ChatbotChoice } from './chatbot-choice';

export function useChatbotChoice(capability: Capability): { choices: ChatbotChoice[]; chosen: ChatbotChoice | null } {
  const session = useStore((s) => s.session);
  const remembered = useStore((s) => s.adminChatbot);
  return useMemo(() => {
    const choices = chatbotChoices(session, capability);
    return { choices, chosen: resolveChoice(choices, remembered) };
  }, [session, remembered, capability]);
}
