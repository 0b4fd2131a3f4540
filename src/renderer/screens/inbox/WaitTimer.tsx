// How long the customer has waited for a person, ticking every second, in the list's rows and the
// conversation's header. Amber and red after the agent's thresholds, in words as well as colour;
// screen readers get whole minutes (a text that changes every second would be noise).
import { Clock } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { InboxConversation } from '../../../shared/view-models';
import { waitedMs } from '../../../shared/waiting-time';
import { useTicker } from '../../lib/ticker';
import { useStore } from '../../store/store';
import { formatWait, waitLevel } from './queue-model';
import './wait-timer.css';

const defaults = { waitWarnMinutes: 2, waitUrgentMinutes: 5 };

export function WaitTimer({ conversation, prefix = false }: { conversation: InboxConversation; prefix?: boolean }) {
  const { t } = useTranslation();
  const now = useTicker(1000);
  const warn = useStore((s) => s.settings?.waitWarnMinutes ?? defaults.waitWarnMinutes);
  const urgent = useStore((s) => s.settings?.waitUrgentMinutes ?? defaults.waitUrgentMinutes);
  const ms = waitedMs(conversation, now);
  if (ms === null) return null;
  const level = waitLevel(ms, { waitWarnMinutes: warn, waitUrgentMinutes: urgent });
  const minutes = Math.floor(ms / 60_000);
  return (
    <span className={`wait wait-${level}`}>
      <Clock size={12} aria-hidden="true" />
      <span aria-hidden="true">
        {prefix && `${t('queue.wait.header')} `}
        {formatWait(ms)}
      </span>
      <span className="visually-hidden">
        {t('queue.wait.label', { count: minutes })}
        {level !== 'ok' && `, ${t(`queue.wait.${level}`)}`}
      </span>
    </span>
  );
}
