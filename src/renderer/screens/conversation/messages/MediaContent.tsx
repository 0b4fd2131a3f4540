// Voice messages and videos with the browser's own controls (keyboard operable, labelled).
// Only http(s) sources; a fixed video box so the log does not jump when the metadata arrives.
import { useTranslation } from 'react-i18next';
import { safeMediaUrl } from '../safe-url';

function Unsafe() {
  const { t } = useTranslation();
  return <p className="msg-unavailable">{t('conversation.message.mediaUnsafe')}</p>;
}

function Fallback({ src }: { src: string }) {
  const { t } = useTranslation();
  return (
    <>
      {t('conversation.message.mediaFallback')}{' '}
      <a href={src} target="_blank" rel="noopener noreferrer">
        {t('conversation.message.openMedia')}
      </a>
    </>
  );
}

export function AudioContent({ url }: { url: string }) {
  const { t } = useTranslation();
  const src = safeMediaUrl(url);
  if (!src) return <Unsafe />;
  return (
    <div className="msg-media">
      <p className="msg-media-label">{t('conversation.message.audio')}</p>
      <audio className="msg-audio" controls preload="metadata" src={src} aria-label={t('conversation.message.audio')}>
        <Fallback src={src} />
      </audio>
    </div>
  );
}

export function VideoContent({ url }: { url: string }) {
  const { t } = useTranslation();
  const src = safeMediaUrl(url);
  if (!src) return <Unsafe />;
  return (
    <video className="msg-video" controls preload="metadata" src={src} aria-label={t('conversation.message.video')}>
      <Fallback src={src} />
    </video>
  );
}
