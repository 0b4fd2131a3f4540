// Where am I, and what am I missing: while another section is open, the inbox's button in the
// nav rail shows how many conversations wait and how many unread ones are the agent's, in its
// tooltip and description too (its name stays "Inbox"). The numbers are drawn by CSS
// (data-count), not written as text: the button's name must contain its visible text (WCAG 2.5.3).
import { useTranslation } from 'react-i18next';
import { selectInboxNews } from '../screens/inbox/visible';
import type { Section } from '../store/slices/ui';
import { useStore } from '../store/store';
import './nav-badge.css';

/** Described by this: the news, in words. */
export const NAV_NEWS_ID = 'nav-inbox-news';

export function NavBadge() {
  const { t } = useTranslation();
  const { waiting, unread } = useStore(selectInboxNews);
  if (waiting === 0 && unread === 0) return null;
  return (
    <>
      <span className="nav-badges" aria-hidden="true">
        {waiting > 0 && <span className="nav-badge nav-badge-waiting" data-count={waiting > 99 ? '99+' : waiting} />}
        {unread > 0 && <span className="nav-badge nav-badge-unread" data-count={unread > 99 ? '99+' : unread} />}
      </span>
      <span id={NAV_NEWS_ID} className="visually-hidden">
        {t('common.nav.inboxNews', { waiting, unread })}
      </span>
    </>
  );
}

/** The tooltip of a section's button; the inbox's, while another section is open, with what waits there. */
export function useNavTitle(current: Section): (id: Section) => string {
  const { t } = useTranslation();
  const news = useStore(selectInboxNews);
  return (id) =>
    id === 'inbox' && current !== 'inbox' && (news.waiting > 0 || news.unread > 0)
      ? t('common.nav.inboxNews', { waiting: news.waiting, unread: news.unread })
      : t(`common.nav.${id}`);
}
