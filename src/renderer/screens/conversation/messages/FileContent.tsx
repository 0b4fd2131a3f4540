// A file: its name and a download link (http(s) only; the browser opens it outside the app).
import { Download, FileText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { safeMediaUrl } from '../safe-url';

/** The name to show: the given title, else the last part of a web address's path. */
function fileName(href: string | null, title: string | undefined): string | null {
  if (title) return title;
  if (!href) return null; // a data: or javascript: "file" has no name worth showing
  try {
    return decodeURIComponent(new URL(href).pathname.split('/').filter(Boolean).at(-1) ?? '') || null;
  } catch {
    return null;
  }
}

export function FileContent({ url, title }: { url: string; title: string | undefined }) {
  const { t } = useTranslation();
  const href = safeMediaUrl(url);
  const name = fileName(href, title) ?? t('conversation.message.file');
  return (
    <div className="msg-file">
      <FileText size={28} aria-hidden="true" className="msg-file-icon" />
      <div className="msg-file-body">
        <p className="msg-file-name">
          <span className="visually-hidden">{t('conversation.message.file')}: </span>
          {name}
        </p>
        {href ? (
          <a className="msg-file-download" href={href} target="_blank" rel="noopener noreferrer" download>
            <Download size={14} aria-hidden="true" />
            {t('conversation.message.download')}
            <span className="visually-hidden"> {name}</span>
          </a>
        ) : (
          <p className="msg-unavailable">{t('conversation.message.fileUnsafe')}</p>
        )}
      </div>
    </div>
  );
}
