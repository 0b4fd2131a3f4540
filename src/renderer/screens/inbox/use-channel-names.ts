// The one name of each known kind of channel in the agent's language, for channelLabel: rows, the
// channel filter, the conversation header and the customer panel all say "Web-Chat" alike.
import { useTranslation } from 'react-i18next';
import type { ChannelKind } from './inbox-model';

export function useChannelNames(): Record<Exclude<ChannelKind, 'other'>, string> {
  const { t } = useTranslation();
  return {
    whatsapp: t('inbox.channels.whatsapp'),
    webchat: t('inbox.channels.webchat'),
    instagram: t('inbox.channels.instagram'),
    telegram: t('inbox.channels.telegram'),
    email: t('inbox.channels.email'),
  };
}
