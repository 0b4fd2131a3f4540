// What stands in a message for media that is not on screen (yet): a box of the media's size
// while main loads it; for an origin the account does not trust, the host and "Load" (which
// counts for that host in this conversation); or a calm note why it is not shown, with "Open in
// browser" where that is safe: never for an address in a private network.
import { ImageOff, ShieldAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { MAX_MEDIA_BYTES, type MediaKind } from '../../../../shared/media';
import { Button } from '../../../components/ui/Button';
import type { RemoteMedia } from './use-remote-media';
import './remote-media.css';

const unsafeText = { image: 'conversation.message.imageUnsafe', audio: 'conversation.message.mediaUnsafe', video: 'conversation.message.mediaUnsafe' } as const;

export function MediaNotice({ media, kind }: { media: Exclude<RemoteMedia, { state: 'ready' }>; kind: MediaKind }) {
  const { t } = useTranslation();
  switch (media.state) {
    case 'unsafe':
      return (
        <p className="msg-unavailable">
          <ImageOff size={16} aria-hidden="true" />
          {t(unsafeText[kind])}
        </p>
      );
    case 'loading':
      return (
        <div className={`media-pending media-pending-${kind}`} role="status" aria-busy="true">
          <span className="visually-hidden">{t('conversation.media.loading')}</span>
        </div>
      );
    case 'ask':
      return (
        <div className="media-ask">
          <ShieldAlert size={18} aria-hidden="true" className="media-ask-icon" />
          <div className="media-ask-text">
            <p className="media-ask-title">{t(`conversation.media.ask.${kind}`, { host: media.host })}</p>
            <p className="media-ask-why">{t('conversation.media.askWhy', { host: media.host })}</p>
          </div>
          <Button small onClick={media.allow} aria-label={t('conversation.media.loadLabel', { host: media.host })}>
            {t('conversation.media.load')}
          </Button>
        </div>
      );
    case 'refused':
      return (
        <p className="msg-unavailable">
          <ImageOff size={16} aria-hidden="true" />
          {t(`conversation.media.refused.${media.reason}`, { host: media.host, megabytes: MAX_MEDIA_BYTES / (1024 * 1024) })}
          {media.href && (
            <a href={media.href} target="_blank" rel="noopener noreferrer">
              {t('conversation.message.openMedia')}
            </a>
          )}
        </p>
      );
  }
}
