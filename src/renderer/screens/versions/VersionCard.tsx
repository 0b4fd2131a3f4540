// One version: name, description, when it was made and for which environment, where it is live
// (the one customers see stands out, in words as well as colour), and what the key may do with it.
import { FlaskConical, Radio, RotateCcw, Rocket, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Version } from '../../../shared/domain';
import { Button } from '../../components/ui/Button';
import { dateTime } from '../../lib/time';
import { offeredActions, type VersionAbilities, type VersionAction } from './version-actions';

const icons: Record<VersionAction, typeof Rocket> = {
  deployTest: FlaskConical,
  deployProd: Rocket,
  rollback: RotateCcw,
  delete: Trash2,
};

export const versionHeadingId = (id: string): string => `version-${id}`;

export function VersionCard({
  version,
  abilities,
  onAction,
}: {
  version: Version;
  abilities: VersionAbilities;
  onAction: (action: VersionAction, version: Version) => void;
}) {
  const { t, i18n } = useTranslation();
  const blockedId = useId();
  const inProd = version.deployedTo.includes('prod');
  const inTest = version.deployedTo.includes('test');
  const actions = offeredActions(version, abilities);
  const blocked = actions.some((a) => a.blockedBy === 'live');
  const blockedText = inProd && inTest ? t('versions.actions.blockedBoth') : inProd ? t('versions.actions.blockedProd') : t('versions.actions.blockedTest');

  return (
    <li className={`version-card${inProd ? ' is-prod' : ''}`}>
      <div className="version-main">
        <div className="version-title">
          {/* Focusable by the screen (not by Tab): the keyboard lands here when an action removed its button. */}
          <h2 id={versionHeadingId(version.id)} tabIndex={-1}>
            {version.name}
          </h2>
          <span className={`version-env env-${version.environment}`} title={`${t('versions.environment.label')}: ${t(`versions.environment.${version.environment}`)}`}>
            <span className="visually-hidden">{t('versions.environment.label')}: </span>
            {t(`versions.environment.${version.environment}`)}
          </span>
        </div>
        {(inProd || inTest) && (
          <div className="version-live">
            {inProd && (
              <span className="badge badge-success">
                <Radio size={12} aria-hidden="true" />
                {t('versions.badge.prod')}
              </span>
            )}
            {inTest && (
              <span className="badge badge-accent">
                <FlaskConical size={12} aria-hidden="true" />
                {t('versions.badge.test')}
              </span>
            )}
            {inProd && <span className="version-customers">{t('versions.live.customersSee')}</span>}
          </div>
        )}
        {version.description && <p className="version-description">{version.description}</p>}
        <p className="version-created">
          <time dateTime={version.createdAt}>{t('versions.list.created', { date: dateTime(version.createdAt, i18n.language) })}</time>
        </p>
      </div>
      {actions.length > 0 && (
        <div className="version-actions" role="group" aria-label={t('versions.actions.label', { name: version.name })}>
          <div className="version-buttons">
            {actions.map(({ action, blockedBy }) => {
              const Icon = icons[action];
              return (
                <Button
                  key={action}
                  small
                  className={action === 'delete' ? 'version-delete' : undefined}
                  icon={<Icon size={14} aria-hidden="true" />}
                  // aria-disabled keeps a blocked button focusable, so its reason can be heard.
                  aria-disabled={blockedBy ? true : undefined}
                  aria-describedby={blockedBy ? blockedId : undefined}
                  onClick={() => {
                    if (!blockedBy) onAction(action, version);
                  }}
                >
                  {t(`versions.actions.${action}`)}
                </Button>
              );
            })}
          </div>
          {blocked && (
            <p id={blockedId} className="version-blocked">
              {blockedText}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
