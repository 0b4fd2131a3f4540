// The per-screen texts, one import per screen (each file exports its English and German texts).
import { conversationDe, conversationEn } from './conversation';
import { inboxDe, inboxEn } from './inbox';
import { organizationsDe, organizationsEn } from './organizations';
import { versionsDe, versionsEn } from './versions';
import { shortcutsDe, shortcutsEn } from './shortcuts';
import { headerDe, headerEn } from './header';
import { settingsDe, settingsEn } from './settings';
import { signInDe, signInEn } from './sign-in';
import { updatesDe, updatesEn } from './updates';
import { assignDe, assignEn } from './assign';
import { customerDe, customerEn } from './customer';
import { queueDe, queueEn } from './queue';
import { repliesDe, repliesEn } from './replies';
import { healthDe, healthEn } from './health';
export const featuresEn = {
  organizations: organizationsEn,
  versions: versionsEn,
  signIn: signInEn,
  header: headerEn,
  settings: settingsEn,
  inbox: inboxEn,
  shortcuts: shortcutsEn,
  conversation: conversationEn,
  updates: updatesEn,
  queue: queueEn,
  assign: assignEn,
  customer: customerEn,
  replies: repliesEn,
  health: healthEn,
};
export const featuresDe = {
  organizations: organizationsDe,
  versions: versionsDe,
  signIn: signInDe,
  header: headerDe,
  settings: settingsDe,
  inbox: inboxDe,
  shortcuts: shortcutsDe,
  conversation: conversationDe,
  updates: updatesDe,
  queue: queueDe,
  assign: assignDe,
  customer: customerDe,
  replies: repliesDe,
  health: healthDe,
};
