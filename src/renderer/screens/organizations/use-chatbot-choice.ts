// Every chatbot of the session, and the one the Organizations and Versions sections work on: the
// agent's remembered pick (admin slice) while it still exists, else the first.
import { useMemo } from 'react';
import { useStore } from '../../store/store';
import { chatbotChoices, resolveChoice, type ChatbotChoice } from './chatbot-choice';

export function useChatbotChoice(): { choices: ChatbotChoice[]; chosen: ChatbotChoice | null } {
  const session = useStore((s) => s.session);
  const remembered = useStore((s) => s.adminChatbot);
  return useMemo(() => {
    const choices = chatbotChoices(session);
    return { choices, chosen: resolveChoice(choices, remembered) };
  }, [session, remembered]);
}
