// An image as a thumbnail of fixed height (so the log does not jump while it loads); a click
// opens it in full size in a dialog. It comes through main under the media policy
// (use-remote-media.ts); until then, or instead, MediaNotice says why it is not shown.
import { ImageOff } from 'lucide-react';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { Dialog } from '../../../components/ui/Dialog';
import { dateTime } from '../../../lib/time';
import { MediaNotice } from './MediaNotice';
import { useRemoteMedia } from './use-remote-media';

export function ImageContent({ url, sender, createdAt }: { url: string; sender: string; createdAt: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [broken, setBroken] = useState(false);
  const media = useRemoteMedia(url, 'image');
  const alt = t('conversation.message.image', { sender });
  if (media.state !== 'ready') return <MediaNotice media={media} kind="image" />;
  const { src, href } = media;
  // Bytes that arrived but are no picture the browser can draw.
  if (broken) {
    return (
      <p className="msg-unavailable">
        <ImageOff size={16} aria-hidden="true" />
        {alt}
        <a href={href} target="_blank" rel="noopener noreferrer">
          {t('conversation.message.openMedia')}
        </a>
      </p>
    );
  }
  return (
    <>
      <button type="button" className="msg-image-button" onClick={() => setOpen(true)} aria-label={`${alt} — ${t('conversation.message.openImage')}`}>
        <img className="msg-image" src={src} alt={alt} decoding="async" onError={() => setBroken(true)} />
      </button>
      {/* In the body, not in the log: opening it is no new message for screen readers. */}
      {createPortal(
        <Dialog
          open={open}
          title={t('conversation.message.imageFull', { sender, time: dateTime(createdAt, i18n.language) })}
          onClose={() => setOpen(false)}
          actions={
            <>
              <a className="btn btn-ghost msg-dialog-link" href={href} target="_blank" rel="noopener noreferrer">
                {t('conversation.message.openMedia')}
              </a>
              <Button variant="primary" onClick={() => setOpen(false)} autoFocus>
                {t('common.close')}
              </Button>
            </>
          }
        >
          <img className="msg-image-full" src={src} alt={alt} />
        </Dialog>,
        document.body,
      )}
    </>
  );
}
