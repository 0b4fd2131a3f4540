// The top of the Organizations and Versions sections: the section's title, the chatbot it works
// on (a picker when there is more than one), and the section's main actions.
import { Bot } from 'lucide-react';
import { useId, type ReactNode } from 'react';
import type { Capability } from '../../../shared/capabilities';
import { useTranslation } from 'react-i18next';
import { chooseChatbot } from '../../store/actions/local';
import { useChatbotChoice } from './use-chatbot-choice';
import { groupByAccount } from './chatbot-choice';
import './admin.css';

export function AdminHeader({ title, capability, actions }: { title: string; capability: Capability; actions?: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const { choices, chosen } = useChatbotChoice(capability);
  const groups = groupByAccount(choices);
  return (
    <header className="admin-header">
      <h1>{title}</h1>
      <div className="admin-picker">
        <Bot size={16} aria-hidden="true" />
        <label htmlFor={id}>{t('organizations.chatbot.label')}</label>
        <select id={id} value={chosen?.key ?? ''} disabled={choices.length < 2} onChange={(e) => chooseChatbot(e.target.value)}>
          {choices.length === 0 && <option value="">{t('organizations.chatbot.none')}</option>}
          {groups.map((group) =>
            groups.length === 1 ? (
              group.chatbots.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))
            ) : (
              // With several accounts the closed select names the account too.
              <optgroup key={group.accountId} label={group.label}>
                {group.chatbots.map((c) => (
                  <option key={c.key} value={c.key}>
                    {c.name} ({group.label})
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      </div>
      {actions && <div className="admin-header-actions">{actions}</div>}
    </header>
  );
}
