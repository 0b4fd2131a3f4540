// The signed-in frame: header, connection and update banners, the nav rail and the chosen section.
import { Activity, Building2, GitBranch, Inbox, MessageSquareText, Settings } from 'lucide-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Capability } from '../../shared/capabilities';
import { offeredByAny } from '../lib/capabilities';
import { ConversationView } from '../screens/conversation/ConversationView';
import { InboxList } from '../screens/inbox/InboxList';
import { selectInboxNews } from '../screens/inbox/visible';
import { setSection } from '../store/actions/local';
import type { Section } from '../store/slices/ui';
import { useStore } from '../store/store';
import { Header } from './header/Header';
import { HelpOverlay } from './HelpOverlay';
import { lazyScreen, type LazyScreen } from './lazy-screen';
import { OfflineBanner } from './OfflineBanner';
import { UpdateBanner } from './UpdateBanner';
import { NAV_NEWS_ID, NavBadge, useNavTitle } from './NavBadge';
import { useGlobalShortcuts } from './shortcuts';

/**
 * The sections, each shown only while some account's platform offers what it needs. All but the
 * inbox load on first use (lazy-screen.tsx).
 */
const sections: { id: Section; icon: typeof Inbox; needs?: Capability; screen?: LazyScreen }[] = [
  { id: 'inbox', icon: Inbox },
  {
    id: 'organizations',
    icon: Building2,
    needs: 'organizations',
    screen: lazyScreen(() => import('../screens/organizations/OrganizationsScreen').then((m) => m.OrganizationsScreen)),
  },
  { id: 'versions', icon: GitBranch, needs: 'versions', screen: lazyScreen(() => import('../screens/versions/VersionsScreen').then((m) => m.VersionsScreen)) },
  // Bot health carries a chart library the first screen has no use for.
  { id: 'health', icon: Activity, needs: 'botHealth', screen: lazyScreen(() => import('../screens/health/BotHealthScreen').then((m) => m.default)) },
  { id: 'replies', icon: MessageSquareText, screen: lazyScreen(() => import('../screens/replies/RepliesScreen').then((m) => m.RepliesScreen)) },
  { id: 'settings', icon: Settings, screen: lazyScreen(() => import('../screens/settings/SettingsScreen').then((m) => m.SettingsScreen)) },
];

/**
 * Once the first screen is up and the window idle, the code of the sections on offer loads, so
 * opening one does not wait (a section no account offers is never loaded).
 */
function usePreloadSections(shown: readonly { screen?: LazyScreen }[]): void {
  useEffect(() => {
    const handle = requestIdleCallback(() => shown.forEach((s) => void s.screen?.preload().catch(() => undefined)));
    return () => cancelIdleCallback(handle);
  }, [shown]);
}

export function Workspace() {
  const { t } = useTranslation();
  const accounts = useStore((s) => s.session?.accounts);
  const shown = useMemo(() => sections.filter(({ needs }) => needs === undefined || offeredByAny(accounts, needs)), [accounts]);
  const chosen = useStore((s) => s.section);
  // The account that offered the open section was signed out: back to the inbox.
  const section = shown.some(({ id }) => id === chosen) ? chosen : 'inbox';
  const navTitle = useNavTitle(section);
  const news = useStore(selectInboxNews);
  useGlobalShortcuts();
  usePreloadSections(shown);
  const Screen = shown.find(({ id }) => id === section)?.screen;
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
        {Screen && <Screen />}
      </main>
      <HelpOverlay />
    </div>
  );
}
