// Organizations of the chosen chatbot: a searchable list on the left, the chosen organization with
// its contacts on the right; create and edit in a dialog, delete after a confirmation. What the
// key may not do is not offered (the chatbot's permissions come with the session).
import { Building2, KeyRound, Plus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../shared/domain';
import { call } from '../../api';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { EmptyState } from '../../components/ui/EmptyState';
import { toast } from '../../store/actions/feedback';
import { describeError } from '../../store/describe-error';
import { useChatbotChoice } from './use-chatbot-choice';
import { AdminHeader } from './AdminHeader';
import { OrganizationDetail } from './OrganizationDetail';
import { OrganizationFormDialog } from './OrganizationFormDialog';
import { OrganizationList } from './OrganizationList';
import { OrganizationSearch } from './OrganizationSearch';
import { organizationAbilities } from './organization-permissions';
import { useDebounced, useOrganizationDirectory, useTarget } from './use-organization-directory';
import './organizations.css';

type FormState = { mode: 'create' } | { mode: 'edit'; organization: Organization };

export function OrganizationsScreen() {
  const { t } = useTranslation();
  const { chosen } = useChatbotChoice('organizations');
  const target = useTarget(chosen);
  const abilities = useMemo(() => organizationAbilities(chosen?.grants), [chosen?.grants]);

  const [query, setQuery] = useState('');
  const searched = useDebounced(query.trim(), 300);
  const { directory, reload, loadMore, upsert, remove } = useOrganizationDirectory(target, abilities.list, searched);
  const [selected, setSelected] = useState<Organization | null>(null);
  const [form, setForm] = useState<FormState | null>(null);
  const [deleting, setDeleting] = useState<Organization | null>(null);
  const [busy, setBusy] = useState(false);

  // Another chatbot: its organizations are a different set, so start over.
  const [shownKey, setShownKey] = useState(chosen?.key);
  if (shownKey !== chosen?.key) {
    setShownKey(chosen?.key);
    setSelected(null);
    setQuery('');
  }

  const saved = (organization: Organization) => {
    upsert(organization);
    setSelected(organization);
    setForm(null);
  };

  const confirmDelete = async () => {
    if (!deleting || !target) return;
    const organization = deleting;
    setBusy(true);
    try {
      await call('organizations.delete', { ...target, organizationId: organization.id });
      remove(organization.id);
      setSelected((s) => (s?.id === organization.id ? null : s));
      toast(t('organizations.done.deleted', { name: organization.name }), 'info');
    } catch (error) {
      toast(describeError(error));
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  };

  const createButton = abilities.create ? (
    <Button variant="primary" icon={<Plus size={16} aria-hidden="true" />} onClick={() => setForm({ mode: 'create' })}>
      {t('organizations.create')}
    </Button>
  ) : undefined;

  return (
    <div className="admin-page">
      <AdminHeader title={t('organizations.title')} capability="organizations" actions={chosen && abilities.list ? createButton : undefined} />
      {!chosen || !target ? (
        <EmptyState icon={<Building2 size={32} aria-hidden="true" />} title={t('organizations.noChatbot.title')}>
          {t('organizations.noChatbot.body')}
        </EmptyState>
      ) : !abilities.list ? (
        <EmptyState icon={<KeyRound size={32} aria-hidden="true" />} title={t('organizations.noPermission.title')}>
          {t('organizations.noPermission.body', { permission: abilities.permissionFor('list') })}
        </EmptyState>
      ) : (
        <div className="orgs">
          <section className="orgs-master" aria-label={t('organizations.list.label')}>
            <OrganizationSearch
              value={query}
              onChange={setQuery}
              searching={query.trim() !== searched || (directory.mode === 'search' && directory.status === 'loading')}
              directory={directory}
            />
            <OrganizationList
              directory={directory}
              query={searched}
              selectedId={selected?.id ?? null}
              onSelect={setSelected}
              onLoadMore={() => void loadMore()}
              onRetry={() => void reload()}
              createAction={searched === '' ? createButton : undefined}
            />
          </section>
          <section className="orgs-detail" aria-label={selected ? t('organizations.detail.label', { name: selected.name }) : t('organizations.noSelection.title')}>
            {selected ? (
              <OrganizationDetail
                key={selected.id}
                organization={selected}
                target={target}
                abilities={abilities}
                onEdit={() => setForm({ mode: 'edit', organization: selected })}
                onDelete={() => setDeleting(selected)}
                onRefreshed={(organization) => {
                  upsert(organization);
                  setSelected(organization);
                }}
              />
            ) : (
              <EmptyState icon={<Building2 size={32} aria-hidden="true" />} title={t('organizations.noSelection.title')}>
                {t('organizations.noSelection.body')}
              </EmptyState>
            )}
          </section>
        </div>
      )}
      {form && target && (
        <OrganizationFormDialog
          target={target}
          original={form.mode === 'edit' ? form.organization : undefined}
          onClose={() => setForm(null)}
          onSaved={saved}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        danger
        busy={busy}
        title={t('organizations.delete.title')}
        body={deleting ? t('organizations.delete.body', { name: deleting.name }) : ''}
        confirmLabel={t('organizations.delete.confirm')}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
