// The Bot health calls: each goes to the botHealth port of the account's platform; an account
// whose platform has none answers Unsupported.
import { AppError } from '../errors/app-error';
import type { Session } from '../session/session';
import type { IpcHandlers } from './handler-types';

type HealthCalls = Extract<keyof IpcHandlers, `botHealth.${string}`>;

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

export function healthHandlers(session: Session): Pick<IpcHandlers, HealthCalls> {
  const health = (accountId: string) => session.runtime(accountId).port('botHealth');
  return {
    'botHealth.analytics': async ({ accountId, chatbotId, from, to }) => {
      const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
      if (days < 1) throw new AppError('Invalid', `The range ends (${to}) before it starts (${from}).`);
      if (days > MAX_DAYS) throw new AppError('Invalid', `At most ${MAX_DAYS} days at a time, not ${days}.`);
      return health(accountId).analytics(chatbotId, { from, to });
    },
    'botHealth.issues': async ({ accountId, chatbotId }) => health(accountId).issues(chatbotId),
    'botHealth.logs': async ({ accountId, chatbotId, filter, cursor }) => health(accountId).logs(chatbotId, filter, cursor),
  };
}
