// What the bot offered the customer (buttons or a drop-down): the prompt and the options as a
// list of chips. Not clickable — the agent sees the choices, the customer made them.
import { ChevronDown, ListChecks } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { TextContent } from './TextContent';

export function OptionsContent({ kind, text, options }: { kind: 'choice' | 'dropdown'; text: string; options: { label: string; value: string }[] }) {
  const { t } = useTranslation();
  const kindLabel = t(`conversation.message.${kind}`);
  return (
    <div className="msg-options">
      <TextContent text={text} />
      <p className="msg-options-kind">
        {kind === 'dropdown' ? <ChevronDown size={12} aria-hidden="true" /> : <ListChecks size={12} aria-hidden="true" />}
        {kindLabel}
      </p>
      <ul className="chips" aria-label={`${t('conversation.message.offered')} (${kindLabel})`}>
        {options.map((o, i) => (
          <li key={`${o.value}-${i}`} className="chip" title={o.value}>
            {o.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
