// Search and the channel / chatbot filters above the list (chatbots grouped by platform when
// several are signed in, each group with an "all of this platform" choice). The search field keeps its own text
// and hands it to the store after a short pause, so typing never waits for a 50,000-row filter.
import { Keyboard, Search, X } from 'lucide-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseChatbotKey } from '../../../shared/keys';
import type { Account } from '../../../shared/view-models';
import { IconButton } from '../../components/ui/Button';
import { platformName } from '../../lib/platforms';
import { selectConversation } from '../../store/actions/conversation';
import { setFilter, setHelpOpen } from '../../store/actions/local';
import { getState, useStore } from '../../store/store';
import { SEARCH_INPUT_ID, LIST_ID } from './inbox-actions';
import { channelOptions } from './inbox-model';
import { useChannelNames } from './use-channel-names';
import { selectOptions, selectVisibleKeys } from './visible';

const SEARCH_DELAY_MS = 120;

function SearchField() {
  const { t } = useTranslation();
  const stored = useStore((s) => s.filter.search ?? '');
  const [text, setText] = useState(stored);
  const timer = useRef<number | undefined>(undefined);
  const committed = useRef(stored);

  // The store can change the search without this field (Escape elsewhere, a notification click):
  // follow it, and drop a pending keystroke that would bring the old text back.
  useEffect(() => {
    if (stored === committed.current) return;
    committed.current = stored;
    window.clearTimeout(timer.current);
    setText(stored);
  }, [stored]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (value: string) => {
    window.clearTimeout(timer.current);
    committed.current = value.trim();
    setFilter({ search: value.trim() });
  };
  const change = (value: string) => {
    setText(value);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => commit(value), SEARCH_DELAY_MS);
  };
  const clear = () => {
    setText('');
    commit('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && (text !== '' || stored !== '')) {
      // Handled here so the global Escape does not also act; an empty field lets it through (blur).
      event.preventDefault();
      clear();
    } else if ((event.key === 'ArrowDown' || event.key === 'Enter') && !event.nativeEvent.isComposing) {
      // From the search straight into the results, as in a mail client.
      event.preventDefault();
      commit(text);
      const first = selectVisibleKeys(getState())[0];
      if (first && getState().selectedKey === null) void selectConversation(first);
      document.getElementById(LIST_ID)?.focus();
    }
  };

  return (
    <div className="inbox-search">
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        {t('inbox.filters.search')}
      </label>
      <Search size={16} aria-hidden="true" className="inbox-search-icon" />
      <input
        id={SEARCH_INPUT_ID}
        type="search"
        value={text}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('inbox.filters.searchPlaceholder')}
        aria-keyshortcuts="/"
        onChange={(e) => change(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {text === '' && (
        <kbd className="inbox-search-hint" aria-hidden="true">
          /
        </kbd>
      )}
      {text !== '' && (
        <IconButton label={t('inbox.filters.clearSearch')} onClick={clear}>
          <X size={14} aria-hidden="true" />
        </IconButton>
      )}
    </div>
  );
}

/** The chatbot select's value for a whole platform ("all Botpress bots"). */
const PLATFORM_PREFIX = 'platform:';

/** The chatbots grouped by their account's platform, when more than one platform is signed in. */
function chatbotGroups(chatbots: { value: string; label: string }[], accounts: readonly Account[] | undefined) {
  const platformOf = new Map((accounts ?? []).map((a) => [a.id, a.platform]));
  const platforms = [...new Set((accounts ?? []).map((a) => a.platform))];
  if (platforms.length < 2) return null;
  return platforms.map((platform) => ({
    platform,
    chatbots: chatbots.filter((o) => platformOf.get(parseChatbotKey(o.value)?.accountId ?? '') === platform),
  }));
}

export function InboxFilters() {
  const { t } = useTranslation();
  const channelId = useStore((s) => s.filter.channelId ?? '');
  const chatbot = useStore((s) => s.filter.chatbot ?? '');
  const platform = useStore((s) => s.filter.platform ?? '');
  const accounts = useStore((s) => s.session?.accounts);
  const options = useStore(selectOptions);
  const names = useChannelNames();
  // Channels by the one name rows and header use too ("Web-Chat", not the platform's "Web Chat").
  const channels = channelOptions(options.channels, names);
  const chatbots = options.chatbots;
  const groups = chatbotGroups(chatbots, accounts);
  const chatbotValue = platform ? `${PLATFORM_PREFIX}${platform}` : chatbot;
  const chooseChatbot = (value: string) =>
    value.startsWith(PLATFORM_PREFIX) ? setFilter({ platform: value.slice(PLATFORM_PREFIX.length), chatbot: '' }) : setFilter({ chatbot: value, platform: '' });
  // A chosen filter stays listed even when its last conversation is gone, so the select tells the truth.
  const withCurrent = (options: { value: string; label: string }[], value: string) =>
    value === '' || options.some((o) => o.value === value) ? options : [...options, { value, label: value }];

  return (
    <div className="inbox-filters">
      <div className="inbox-filters-row">
        <SearchField />
        <IconButton label={t('inbox.filters.shortcuts')} aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
          <Keyboard size={18} aria-hidden="true" />
        </IconButton>
      </div>
      {(channels.length > 1 || chatbots.length > 1 || channelId !== '' || chatbotValue !== '') && (
        <div className="inbox-filters-row">
          <label className="inbox-select">
            <span className="visually-hidden">{t('inbox.filters.channel')}</span>
            <select value={channelId} onChange={(e) => setFilter({ channelId: e.target.value })}>
              <option value="">{t('inbox.filters.allChannels')}</option>
              {withCurrent(channels, channelId).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          {(chatbots.length > 1 || chatbotValue !== '') && (
            <label className="inbox-select">
              <span className="visually-hidden">{t('inbox.filters.chatbot')}</span>
              <select value={chatbotValue} onChange={(e) => chooseChatbot(e.target.value)}>
                <option value="">{t('inbox.filters.allChatbots')}</option>
                {groups
                  ? groups.map((group) => (
                      <optgroup key={group.platform} label={platformName(group.platform)}>
                        <option value={`${PLATFORM_PREFIX}${group.platform}`}>{t('inbox.filters.allOfPlatform', { platform: platformName(group.platform) })}</option>
                        {group.chatbots.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </optgroup>
                    ))
                  : withCurrent(chatbots, chatbot).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
              </select>
            </label>
          )}
        </div>
      )}
    </div>
  );
}
