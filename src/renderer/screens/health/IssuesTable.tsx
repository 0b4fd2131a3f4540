// The bot's open issues: what keeps going wrong, how often, and when it last did.
import { CircleCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { BotIssue } from '../../../shared/bot-health';
import { dateTime, relativeTime } from '../../lib/time';

// Botpress's categories of an issue, in the agent's language; another shows as the platform names it.
const knownCategories = ['user_code', 'limits', 'configuration', 'other'] as const;
const isKnownCategory = (category: string): category is (typeof knownCategories)[number] => (knownCategories as readonly string[]).includes(category);

export function IssuesTable({ issues, now }: { issues: BotIssue[]; now: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <section className="health-card" aria-labelledby="health-issues-title">
      <h2 id="health-issues-title">{t('health.issues.title')}</h2>
      {issues.length === 0 ? (
        <p className="health-quiet">
          <CircleCheck size={16} aria-hidden="true" />
          {t('health.issues.none')}
        </p>
      ) : (
        <table className="health-issues">
          <thead>
            <tr>
              <th scope="col">{t('health.issues.issue')}</th>
              <th scope="col">{t('health.issues.category')}</th>
              <th scope="col" className="health-num">
                {t('health.issues.count')}
              </th>
              <th scope="col">{t('health.issues.lastSeen')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => (
              <tr key={issue.id}>
                <th scope="row">
                  <span className="health-issue-title">{issue.title}</span>
                  <span className="health-issue-text">{issue.description}</span>
                </th>
                <td>{isKnownCategory(issue.category) ? t(`health.issues.categories.${issue.category}`) : <code>{issue.category}</code>}</td>
                <td className="health-num">{issue.count.toLocaleString(language)}</td>
                <td>
                  <time dateTime={issue.lastSeen} title={dateTime(issue.lastSeen, language)}>
                    {relativeTime(issue.lastSeen, language, now) ?? t('common.justNow')}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
