// The Saved replies section: the agent's set, searched as they type, each edited or deleted
// here; and shared with the team as a JSON file (export downloads it, import reads one).
import { Download, MessageSquareText, Pencil, Plus, Trash2, Upload } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { foldForSearch } from '../../../shared/fold';
import type { SavedReply } from '../../../shared/saved-replies';
import { Button, IconButton } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { EmptyState, Spinner } from '../../components/ui/EmptyState';
import { modKeyName } from '../../lib/mod-key';
import { describeError } from '../../store/describe-error';
import { toast } from '../../store/actions/feedback';
import { deleteReply, exportReplies, importReplies, loadReplies } from '../../store/actions/replies';
import { useStore } from '../../store/store';
import { ReplyFormDialog } from './ReplyFormDialog';
import './replies.css';

const matches = (reply: SavedReply, term: string) => foldForSearch(`${reply.shortcut} ${reply.title} ${reply.texts.de ?? ''} ${reply.texts.en ?? ''}`).includes(term);

function download(json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'deckhand-saved-replies.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function RepliesScreen() {
  const { t } = useTranslation();
  const titleId = useId();
  const replies = useStore((s) => s.replies);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<SavedReply | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SavedReply | null>(null);
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => void loadReplies().catch(() => undefined), []);

  const term = foldForSearch(query.trim());
  const shown = (replies ?? []).filter((r) => term === '' || matches(r, term));
  const onImport = async (chosen: File | undefined) => {
    if (!chosen) return;
    try {
      const { added, updated } = await importReplies(await chosen.text());
      toast(t('replies.imported', { added, updated }), 'info');
    } catch (error) {
      toast(t('replies.importFailed', { error: describeError(error) }));
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  return (
    <div className="replies" role="region" aria-labelledby={titleId}>
      <div className="replies-inner">
        <div className="replies-head">
          <h1 id={titleId}>{t('replies.title')}</h1>
          <div className="replies-tools">
            <Button icon={<Upload size={15} aria-hidden="true" />} onClick={() => file.current?.click()}>
              {t('replies.importLabel')}
            </Button>
            <input ref={file} type="file" accept="application/json,.json" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onImport(e.target.files?.[0])} />
            <Button icon={<Download size={15} aria-hidden="true" />} disabled={!replies || replies.length === 0} onClick={() => void exportReplies().then(download, () => undefined)}>
              {t('replies.exportLabel')}
            </Button>
            <Button variant="primary" icon={<Plus size={15} aria-hidden="true" />} onClick={() => setEditing('new')}>
              {t('replies.add')}
            </Button>
          </div>
        </div>
        <p className="replies-intro">{t('replies.intro', { key: `${modKeyName(t)}+.` })}</p>
        <label className="replies-search">
          <span className="visually-hidden">{t('replies.search')}</span>
          <input type="search" className="input" value={query} placeholder={t('replies.search')} onChange={(e) => setQuery(e.target.value)} />
        </label>
        {replies === null ? (
          <Spinner label={t('common.loading')} />
        ) : replies.length === 0 ? (
          <EmptyState icon={<MessageSquareText size={32} aria-hidden="true" />} title={t('replies.empty')}>
            {t('replies.emptyHint')}
          </EmptyState>
        ) : (
          <>
            <p className="visually-hidden" role="status">
              {query ? (shown.length === 0 ? t('replies.noMatch', { query }) : '') : ''}
            </p>
            {shown.length === 0 && <p className="replies-intro">{t('replies.noMatch', { query })}</p>}
            <ul className="replies-list" aria-label={t('replies.list')}>
              {shown.map((reply) => (
                <li key={reply.id} className="reply-card">
                  <div className="reply-card-head">
                    <h2>
                      <span className="reply-card-shortcut">/{reply.shortcut}</span> {reply.title}
                    </h2>
                    <IconButton label={t('replies.edit', { shortcut: reply.shortcut })} onClick={() => setEditing(reply)}>
                      <Pencil size={15} aria-hidden="true" />
                    </IconButton>
                    <IconButton label={t('replies.delete', { shortcut: reply.shortcut })} onClick={() => setDeleting(reply)}>
                      <Trash2 size={15} aria-hidden="true" />
                    </IconButton>
                  </div>
                  <dl className="reply-card-texts">
                    {(['de', 'en'] as const).map(
                      (lang) =>
                        reply.texts[lang] && (
                          <div key={lang}>
                            <dt>{t(`replies.languages.${lang}`)}</dt>
                            <dd lang={lang}>{reply.texts[lang]}</dd>
                          </div>
                        ),
                    )}
                  </dl>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <ReplyFormDialog open={editing !== null} reply={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <ConfirmDialog
        open={deleting !== null}
        danger
        title={t('replies.confirmDelete.title', { shortcut: deleting?.shortcut ?? '' })}
        body={t('replies.confirmDelete.body', { title: deleting?.title ?? '' })}
        confirmLabel={t('replies.confirmDelete.confirm')}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          const reply = deleting;
          setDeleting(null);
          if (reply) void deleteReply(reply.id).then(() => toast(t('replies.deleted', { shortcut: reply.shortcut }), 'info'), () => undefined);
        }}
      />
    </div>
  );
}
