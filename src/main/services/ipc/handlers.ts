// One handler per contract call: thin translations onto the services. Arguments arrive already
// validated (and defaulted) by the IPC glue; errors are turned into the contract's shape there.
import { filterInbox } from '../../../shared/inbox-filter';
import type { AppInfo } from '../../../shared/view-models';
import type { LocalCache } from '../cache/local-cache';
import type { ConversationService } from '../conversations/conversation-service';
import type { MediaService } from '../media/media-service';
import type { Outbox } from '../outbox/outbox';
import type { PresenceService } from '../presence/presence';
import type { TeamRoster } from '../presence/team-roster';
import type { PushService } from '../push/push-service';
import type { Session } from '../session/session';
import type { SettingsService } from '../settings';
import { updateHandlers } from '../updates/update-handlers';
import type { UpdateService } from '../updates/update-service';
import { adminHandlers } from './admin-handlers';
import { agentHandlers, type AgentServices } from './agent-handlers';
import type { IpcHandlers } from './handler-types';
import { healthHandlers } from './health-handlers';

export interface HandlerServices extends AgentServices {
  appInfo: () => AppInfo;
  session: Session;
  cache: LocalCache;
  conversations: ConversationService;
  outbox: Outbox;
  presence: PresenceService;
  team: TeamRoster;
  settings: SettingsService;
  push: PushService;
  updates: UpdateService;
  media: MediaService;
}

export function createHandlers(services: HandlerServices): IpcHandlers {
  const { session, cache, conversations, outbox, presence, team, settings, push } = services;
  const filterContext = () => ({
    myAgentIds: session.myAgentIds(),
    platforms: Object.fromEntries(session.list().map((r) => [r.id, r.account.platform])),
  });
  return {
    'app.info': async () => services.appInfo(),
    'session.state': async () => session.state(),
    'session.addAccount': async (input) => session.add(input),
    'session.discover': async (input) => session.discover(input),
    'session.openDemo': async () => session.openDemo(),
    'session.reconnect': async ({ accountId }) => {
      await session.reconnect(accountId);
      return true;
    },
    'session.signOut': async ({ accountId }) => {
      await session.signOut(accountId);
      return true;
    },

    // Without a filter the whole inbox, archived conversations too: the renderer holds all of
    // them and filters as the agent switches views (the Archive view must not come up empty).
    'inbox.list': async ({ filter }) => (filter ? filterInbox(cache.inbox(), filter, filterContext()) : cache.inbox()),
    'inbox.page': async ({ filter, order, after, limit }) =>
      cache.page({ limit, order, ...(filter && { filter }), ...(after !== undefined && { after }) }, filterContext()),

    'conversation.open': async ({ ref }) => conversations.open(ref),
    'conversation.focus': async ({ ref }) => {
      conversations.focus(ref);
      return true;
    },
    'conversation.loadOlder': async ({ ref, beforeId }) => conversations.loadOlder(ref, beforeId),
    'conversation.markRead': async ({ ref }) => {
      await conversations.markRead(ref);
      return true;
    },
    'conversation.reply': async ({ ref, text }) => outbox.enqueue(ref, text),
    'conversation.setArchived': async ({ ref, archived }) => conversations.setArchived(ref, archived),
    'conversation.assignToMe': async ({ ref }) => conversations.assignToMe(ref),
    'conversation.handBack': async ({ ref }) => conversations.handBack(ref),
    'outbox.retry': async ({ clientMessageId }) => outbox.retry(clientMessageId),
    'media.fetch': async (request) => services.media.fetch(request),

    'presence.get': async () => presence.get(),
    'presence.set': async ({ online }) => presence.set(online),
    'agents.online': async () => team.list(),

    'settings.get': async () => settings.get(),
    'settings.set': async (patch) => settings.set(patch),
    'push.state': async () => push.state(),

    ...adminHandlers(session),
    ...agentHandlers(services),
    ...healthHandlers(session),
    ...updateHandlers(services.updates),
  };
}
