// Voice messages and videos with the browser's own controls (keyboard operable, labelled), from
// bytes main fetched under the media policy (use-remote-media.ts); until then, or instead,
// MediaNotice says why not. A fixed video box so the log does not jump when the metadata arrives.
import { useTranslation } from 'react-i18next';
import { MediaNotice } from './MediaNotice';
import { useRemoteMedia } from './use-remote-media';

function Fallback({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <>
      {t('conversation.message.mediaFallback')}{' '}
      <a href={href} target="_blank" rel="noopener noreferrer">
        {t('conversation.message.openMedia')}
      </a>
    </>
  );
}

export function AudioContent({ url }: { url: string }) {
  const { t } = useTranslation();
  const media = useRemoteMedia(url, 'audio');
  return (
    <div className="msg-media">
      <p className="msg-media-label">{t('conversation.message.audio')}</p>
      {media.state === 'ready' ? (
        <audio className="msg-audio" controls preload="metadata" src={media.src} aria-label={t('conversation.message.audio')}>
          <Fallback href={media.href} />
        </audio>
      ) : (
        <MediaNotice media={media} kind="audio" />
      )}
    </div>
  );
}

export function VideoContent({ url }: { url: string }) {
  const { t } = useTranslation();
  const media = useRemoteMedia(url, 'video');
  if (media.state !== 'ready') return <MediaNotice media={media} kind="video" />;
  return (
    <video className="msg-video" controls preload="metadata" src={media.src} aria-label={t('conversation.message.video')}>
      <Fallback href={media.href} />
    </video>
  );
}
