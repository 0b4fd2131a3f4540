// The signed-in frame: header, connection and update banners, the nav rail and the chosen section.
import { Activity, Building2, GitBranch, Inbox, MessageSquareText, Settings } from 'lucide-react';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capability } from '../../shared/capabilities';
import { offeredByAny } from '../lib/capabilities';
import { ConversationView } from '../screens/conversation/ConversationView';
import { InboxList } from '../screens/inbox/InboxList';
import { OrganizationsScreen } from '../screens/organizations/OrganizationsScreen';
import { RepliesScreen } from '../screens/replies/RepliesScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { VersionsScreen } from '../screens/versions/VersionsScreen';
import { selectInboxNews } from '../screens/inbox/visible';
import { Spinner } from './ui/EmptyState';
import { setSection } from '../store/actions/local';
import type { Section } from '../store/slices/ui';
import { useStore } from '../store/store';
import { Header } from './header/Header';
import { HelpOverlay } from './HelpOverlay';
import { OfflineBanner } from './OfflineBanner';
import { UpdateBanner } from './UpdateBanner';
import { NAV_NEWS_ID, NavBadge, useNavTitle } from './NavBadge';
import { useGlobalShortcuts } from './shortcuts';

// Bot health carries a chart library the first screen has no use for: it loads when opened.
const BotHealthScreen = lazy(() => import('../screens/health/BotHealthScreen'));

/** The sections, each shown only while some account's platform offers what it needs. */
const sections: { id: Section; icon: typeof Inbox; needs?: Capability }[] = [
  { id: 'inbox', icon: Inbox },
  { id: 'organizations', icon: Building2, needs: 'organizations' },
  { id: 'versions', icon: GitBranch, needs: 'versions' },
  { id: 'health', icon: Activity, needs: 'botHealth' },
  { id: 'replies', icon: MessageSquareText },
  { id: 'settings', icon: Settings },
];

export function Workspace() {
  const { t } = useTranslation();
  const accounts = useStore((s) => s.session?.accounts);
  const shown = sections.filter(({ needs }) => needs === undefined || offeredByAny(accounts, needs));
  const chosen = useStore((s) => s.section);
  // The account that offered the open section was signed out: back to the inbox.
  const section = shown.some(({ id }) => id === chosen) ? chosen : 'inbox';
  const navTitle = useNavTitle(section);
  const news = useStore(selectInboxNews);
  useGlobalShortcuts();
  return (
    <div className="app">
      <h1 className="visually-hidden">{t(`common.nav.${section}`)} – Deckhand</h1>
      <div className="app-header">
        <Header />
      </div>
      <div className="app-banner">
        <OfflineBanner />
        <UpdateBanner />
      </div>
      <nav className="app-nav" aria-label={t('common.nav.label')}>
        {shown.map(({ id, icon: Icon }) => (
          <button
            key={id}
            type="button"
            aria-label={t(`common.nav.${id}`)}
            aria-describedby={id === 'inbox' && section !== 'inbox' && (news.waiting > 0 || news.unread > 0) ? NAV_NEWS_ID : undefined}
            title={navTitle(id)}
            aria-current={section === id ? 'page' : undefined}
            onClick={() => setSection(id)}
          >
            <Icon size={20} aria-hidden="true" />
            {id === 'inbox' && section !== 'inbox' && <NavBadge />}
          </button>
        ))}
      </nav>
      <main className="app-main">
        {section === 'inbox' && (
          <div className="inbox-layout">
            <InboxList />
            <ConversationView />
          </div>
        )}
        {section === 'organizations' && <OrganizationsScreen />}
        {section === 'versions' && <VersionsScreen />}
        {section === 'replies' && <RepliesScreen />}
        {section === 'health' && (
          <Suspense fallback={<Spinner label={t('common.nav.health')} />}>
            <BotHealthScreen />
          </Suspense>
        )}
        {section === 'settings' && <SettingsScreen />}
      </main>
      <HelpOverlay />
    </div>
  );
}
