// Versions of the chosen chatbot: what is live where (what customers see first), every version
// newest first with the actions the key allows, each behind a confirmation that says exactly what
// will happen. After an action the list is read again and the result announced.
import { GitBranch, KeyRound, Plus, RefreshCw } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Version } from '../../../shared/domain';
import { call } from '../../api';
import { Button, IconButton } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { EmptyState, Spinner } from '../../components/ui/EmptyState';
import { toast } from '../../store/actions/feedback';
import { useFocusAfter } from '../../lib/focus-after';
import { describeError } from '../../store/describe-error';
import { useChatbotChoice } from '../organizations/use-chatbot-choice';
import { AdminHeader } from '../organizations/AdminHeader';
import { useTarget } from '../organizations/use-organization-directory';
import { CreateVersionDialog } from './CreateVersionDialog';
import { LiveSummary } from './LiveSummary';
import { VersionCard, versionHeadingId } from './VersionCard';
import { useVersionConfirm } from './use-version-confirm';
import { versionAbilities, type VersionAction } from './version-actions';
import { useVersions } from './use-versions';
import './versions.css';

const VERSIONS_LIST_ID = 'versions-list';

export function VersionsScreen() {
  const { t } = useTranslation();
  const { chosen } = useChatbotChoice('versions');
  const target = useTarget(chosen);
  const abilities = useMemo(() => versionAbilities(chosen?.grants), [chosen?.grants]);
  const { state, reload } = useVersions(target, abilities.list);
  const versions = state.status === 'ready' ? state.versions : [];
  const [pending, setPending] = useState<{ action: VersionAction; version: Version } | null>(null);
  const [busy, setBusy] = useState(false);
  const [creating, setCreating] = useState(false);
  const confirm = useVersionConfirm(pending, versions);
  // After an action the list is read again and the button the agent used may be gone (a rolled-back
  // version has no "roll back"): the keyboard then goes to that version, or to the list.
  const focusVersion = useFocusAfter<string | null>((id) =>
    (document.getElementById(id === null ? VERSIONS_LIST_ID : versionHeadingId(id)) ?? document.getElementById(VERSIONS_LIST_ID))?.focus(),
  );

  const run = async () => {
    if (!pending || !target) return;
    const { action, version } = pending;
    const input = { ...target, versionId: version.id };
    setBusy(true);
    try {
      if (action === 'deployTest' || action === 'deployProd') {
        const env = action === 'deployTest' ? 'test' : 'prod';
        await call('versions.deploy', { ...input, environment: env });
        toast(t('versions.done.deployed', { name: version.name, env: t(`versions.env.${env}`) }), 'info');
      } else if (action === 'rollback') {
        const after = await call('versions.rollback', input);
        // The server picks the environment; say where it went.
        const env = after.lastDeployedTo ?? (after.deployedTo.includes('prod') ? 'prod' : after.deployedTo.includes('test') ? 'test' : null);
        toast(env ? t('versions.done.rolledBack', { name: version.name, env: t(`versions.env.${env}`) }) : t('versions.done.rolledBackNowhere', { name: version.name }), 'info');
      } else {
        await call('versions.delete', input);
        toast(t('versions.done.deleted', { name: version.name }), 'info');
      }
    } catch (error) {
      toast(describeError(error));
    } finally {
      setBusy(false);
      setPending(null);
      // Also after a failure: the refusal may mean the list is out of date.
      await reload();
      focusVersion(action === 'delete' ? null : version.id);
    }
  };

  const created = (version: Version) => {
    setCreating(false);
    const env = version.deployedTo.includes('prod') ? 'prod' : version.deployedTo.includes('test') ? 'test' : null;
    toast(env ? t('versions.done.createdLive', { name: version.name, env: t(`versions.env.${env}`) }) : t('versions.done.created', { name: version.name }), 'info');
    void reload();
  };

  const canList = Boolean(chosen) && abilities.list;
  const refreshing = state.status === 'ready' && state.refreshing;

  return (
    <div className="admin-page">
      <AdminHeader
        capability="versions"
        title={t('versions.title')}
        actions={
          canList ? (
            <>
              <IconButton label={t('versions.refresh')} onClick={() => void reload()} aria-busy={refreshing || undefined}>
                <RefreshCw size={16} aria-hidden="true" className={refreshing ? 'versions-spin' : undefined} />
              </IconButton>
              {abilities.create && (
                <Button variant="primary" icon={<Plus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
                  {t('versions.create')}
                </Button>
              )}
            </>
          ) : undefined
        }
      />
      {!chosen || !target ? (
        <EmptyState icon={<GitBranch size={32} aria-hidden="true" />} title={t('organizations.noChatbot.title')}>
          {t('organizations.noChatbot.body')}
        </EmptyState>
      ) : !abilities.list ? (
        <EmptyState icon={<KeyRound size={32} aria-hidden="true" />} title={t('versions.noPermission.title')}>
          {t('versions.noPermission.body', { permission: abilities.permissionFor('list') })}
        </EmptyState>
      ) : state.status === 'loading' ? (
        <div className="versions-state" aria-busy="true">
          <Spinner label={t('common.loading')} />
        </div>
      ) : state.status === 'error' ? (
        <EmptyState title={t('versions.loadError')} action={<Button onClick={() => void reload()}>{t('common.retry')}</Button>}>
          {state.error}
        </EmptyState>
      ) : versions.length === 0 ? (
        <EmptyState
          icon={<GitBranch size={32} aria-hidden="true" />}
          title={t('versions.empty.title')}
          action={
            abilities.create && (
              <Button variant="primary" icon={<Plus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
                {t('versions.create')}
              </Button>
            )
          }
        >
          {t('versions.empty.body')}
        </EmptyState>
      ) : (
        <div className="versions-scroll">
          <div className="versions">
            <LiveSummary versions={versions} />
            <ul id={VERSIONS_LIST_ID} tabIndex={-1} className="versions-list" aria-label={t('versions.list.label', { chatbot: chosen.name })}>
              {versions.map((version) => (
                <VersionCard key={version.id} version={version} abilities={abilities} onAction={(action, v) => setPending({ action, version: v })} />
              ))}
            </ul>
          </div>
        </div>
      )}
      {creating && target && <CreateVersionDialog target={target} onClose={() => setCreating(false)} onCreated={created} />}
      <ConfirmDialog
        open={pending !== null}
        busy={busy}
        danger={pending?.action === 'delete' || pending?.action === 'deployProd'}
        title={confirm.title}
        body={confirm.body}
        confirmLabel={confirm.confirmLabel}
        onConfirm={() => void run()}
        onCancel={() => {
          if (!busy) setPending(null);
        }}
      />
    </div>
  );
}
