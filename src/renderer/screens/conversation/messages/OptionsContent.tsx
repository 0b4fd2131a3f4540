// What the bot offered the customer (buttons or a drop-down): the prompt and the options as a
// list. Not buttons and not made to look like them: the agent sees the choices, the customer made
// them; the one the customer chose is marked (in words too), and nothing shows internal values.
import { Check, ChevronDown, ListChecks } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { TextContent } from './TextContent';

export function OptionsContent({
  kind,
  text,
  options,
  picked,
}: {
  kind: 'choice' | 'dropdown';
  text: string;
  options: { label: string; value: string }[];
  /** The value of the option the customer chose, if they did. */
  picked?: string | undefined;
}) {
  const { t } = useTranslation();
  const kindLabel = t(`conversation.message.${kind}`);
  return (
    <div className="msg-options">
      <TextContent text={text} />
      <p className="msg-options-kind">
        {kind === 'dropdown' ? <ChevronDown size={12} aria-hidden="true" /> : <ListChecks size={12} aria-hidden="true" />}
        {kindLabel}
      </p>
      <ul className="options" aria-label={`${t('conversation.message.offered')} (${kindLabel})`}>
        {options.map((o, i) => {
          const chosen = picked !== undefined && o.value === picked;
          return (
            <li key={`${o.value}-${i}`} className={`option${chosen ? ' is-picked' : ''}`}>
              {chosen && <Check size={12} aria-hidden="true" />}
              {o.label}
              {chosen && <span className="visually-hidden"> ({t('conversation.message.picked')})</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
