// The signed-in frame: header, connection and update banners, the nav rail and the chosen section.
import { Building2, GitBranch, Inbox, Settings } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { ConversationView } from '../screens/conversation/ConversationView';
import { InboxList } from '../screens/inbox/InboxList';
import { OrganizationsScreen } from '../screens/organizations/OrganizationsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { VersionsScreen } from '../screens/versions/VersionsScreen';
import { setSection } from '../store/actions';
import { useStore, type Section } from '../store/store';
import { Header } from './header/Header';
import { HelpOverlay } from './HelpOverlay';
import { OfflineBanner } from './OfflineBanner';
import { UpdateBanner } from './UpdateBanner';
import { useGlobalShortcuts } from './shortcuts';

const sections: { id: Section; icon: typeof Inbox }[] = [
  { id: 'inbox', icon: Inbox },
  { id: 'organizations', icon: Building2 },
  { id: 'versions', icon: GitBranch },
  { id: 'settings', icon: Settings },
];

export function Workspace() {
  const { t } = useTranslation();
  const section = useStore((s) => s.section);
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
        {sections.map(({ id, icon: Icon }) => (
          <button
            key={id}
            type="button"
            aria-label={t(`common.nav.${id}`)}
            title={t(`common.nav.${id}`)}
            aria-current={section === id ? 'page' : undefined}
            onClick={() => setSection(id)}
          >
            <Icon size={20} aria-hidden="true" />
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
        {section === 'settings' && <SettingsScreen />}
      </main>
      <HelpOverlay />
    </div>
  );
}
