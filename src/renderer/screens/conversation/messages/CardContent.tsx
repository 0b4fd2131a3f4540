// Cards as the customer saw them: image, title, subtitle and the card's buttons. URL buttons are
// real links after the scheme check; postback and say buttons are labels (what they would send
// is in the tooltip and for screen readers). A carousel is a horizontally scrolling list. The
// card's image comes through main under the media policy, as every image does.
import { ExternalLink } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { MessageContent } from '../../../../shared/domain';
import { safeLinkUrl } from '../safe-url';
import { MediaNotice } from './MediaNotice';
import { useRemoteMedia } from './use-remote-media';

type Card = Extract<MessageContent, { type: 'card' }>['payload'];

export function CardContent({ card }: { card: Card }) {
  return (
    <div className="msg-card-single">
      <CardView card={card} />
    </div>
  );
}

export function CarouselContent({ items }: { items: Card[] }) {
  const { t } = useTranslation();
  const count = items.length;
  return (
    <ul className="carousel" tabIndex={0} aria-label={t('conversation.message.carousel', { count })}>
      {items.map((card, i) => (
        <li key={i} className="carousel-item">
          <span className="visually-hidden">{t('conversation.message.carouselItem', { index: i + 1, count })}: </span>
          <span className="carousel-counter" aria-hidden="true">
            {i + 1}/{count}
          </span>
          <CardView card={card} />
        </li>
      ))}
    </ul>
  );
}

function CardImage({ url }: { url: string }) {
  const media = useRemoteMedia(url, 'image');
  // A card with an address that is no web address shows no image, as before there was a policy.
  if (media.state === 'unsafe') return null;
  if (media.state !== 'ready') return <div className="card-image card-image-notice"><MediaNotice media={media} kind="image" /></div>;
  // The title follows right after; an alt text would only repeat it.
  return <img className="card-image" src={media.src} alt="" decoding="async" />;
}

function CardView({ card }: { card: Card }) {
  const { t } = useTranslation();
  return (
    <div className="card">
      {card.imageUrl && <CardImage url={card.imageUrl} />}
      <div className="card-body">
        <p className="card-title">{card.title}</p>
        {card.subtitle && <p className="card-subtitle">{card.subtitle}</p>}
        {card.actions.length > 0 && (
          <ul className="chips card-actions" aria-label={t('conversation.message.cardActions')}>
            {card.actions.map((action, i) => (
              <li key={i}>
                <CardAction action={action} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function CardAction({ action }: { action: Card['actions'][number] }) {
  const { t } = useTranslation();
  if (action.action === 'url') {
    const href = safeLinkUrl(action.value);
    if (href) {
      return (
        <a className="chip chip-link" href={href} target="_blank" rel="noopener noreferrer" title={href}>
          {action.label}
          <ExternalLink size={12} aria-hidden="true" />
          <span className="visually-hidden"> {t('conversation.message.newTab')}</span>
        </a>
      );
    }
    return (
      <span className="chip chip-refused" title={t('conversation.message.linkUnsafe')}>
        {action.label}
        <span className="visually-hidden"> — {t('conversation.message.linkUnsafe')}</span>
      </span>
    );
  }
  const description = t(`conversation.message.${action.action}`, { value: action.value });
  return (
    <span className="chip" title={description}>
      {action.label}
      <span className="visually-hidden"> — {description}</span>
    </span>
  );
}
