// The words of the confirmation for a version action: what will happen, where, to which
// version, and which live version it replaces.
import { useTranslation } from 'react-i18next';
import type { Version } from '../../../shared/domain';
import { liveIn, rollbackTarget, type VersionAction } from './version-actions';

export function useVersionConfirm(pending: { action: VersionAction; version: Version } | null, versions: readonly Version[]) {
  const { t } = useTranslation();
  if (!pending) return { title: '', body: '', confirmLabel: '' };
  const { action, version } = pending;
  const name = version.name;
  switch (action) {
    case 'deployTest':
    case 'deployProd': {
      const env = action === 'deployTest' ? 'test' : 'prod';
      const current = liveIn(versions, env);
      const lead = action === 'deployTest' ? t('versions.confirm.deployTestBody', { name }) : t('versions.confirm.deployProdBody', { name });
      const replaces = current && current.id !== version.id ? ` ${t('versions.confirm.replaces', { current: current.name })}` : '';
      return {
        title: action === 'deployTest' ? t('versions.confirm.deployTestTitle') : t('versions.confirm.deployProdTitle'),
        body: lead + replaces,
        confirmLabel: action === 'deployTest' ? t('versions.confirm.deployTestConfirm') : t('versions.confirm.deployProdConfirm'),
      };
    }
    case 'rollback': {
      // Where the version was last deployed is where it goes live again; a platform that does
      // not say gets the environment it was made for (where it first went live).
      const env = rollbackTarget(version);
      const current = liveIn(versions, env);
      const replaces = current && current.id !== version.id ? ` ${t('versions.confirm.replaces', { current: current.name })}` : '';
      return {
        title: t('versions.confirm.rollbackTitle'),
        body: (env === 'prod' ? t('versions.confirm.rollbackProdBody', { name }) : t('versions.confirm.rollbackTestBody', { name })) + replaces,
        confirmLabel: t('versions.confirm.rollbackConfirm'),
      };
    }
    case 'delete':
      return {
        title: t('versions.confirm.deleteTitle'),
        body: t('versions.confirm.deleteBody', { name }),
        confirmLabel: t('versions.confirm.deleteConfirm'),
      };
  }
}
