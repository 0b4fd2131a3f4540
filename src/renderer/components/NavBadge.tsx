// Where am I, and what am I missing: while another section is open, the inbox's button in the
// nav rail shows how many conversations wait and how many unread ones are the agent's, and says
// so in its name.
import { useTranslation } from 'react-i18next';
import { selectInboxNews } from '../screens/inbox/visible';
import type { Section } from '../store/slices/ui';
import { useStore } from '../store/store';
import './nav-badge.css';

export function NavBadge() {
  const { waiting, unread } = useStore(selectInboxNews);
  if (waiting === 0 && unread === 0) return null;
  return (
    <span className="nav-badges" aria-hidden="true">
      {waiting > 0 && <span className="nav-badge nav-badge-waiting">{waiting > 99 ? '99+' : waiting}</span>}
      {unread > 0 && <span className="nav-badge nav-badge-unread">{unread > 99 ? '99+' : unread}</span>}
    </span>
  );
}

/** Each section's name; the inbox's, while another section is open, with what waits there. */
export function useNavLabel(current: Section): (id: Section) => string {
  const { t } = useTranslation();
  const news = useStore(selectInboxNews);
  return (id) =>
    id === 'inbox' && current !== 'inbox' && (news.waiting > 0 || news.unread > 0)
      ? t('common.nav.inboxNews', { waiting: news.waiting, unread: news.unread })
      : t(`common.nav.${id}`);
}
