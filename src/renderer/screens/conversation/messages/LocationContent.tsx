// A shared location: its name and address, the coordinates, and a link to OpenStreetMap.
import { ExternalLink, MapPin } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { mapUrl } from '../safe-url';

interface Location {
  latitude: number;
  longitude: number;
  title?: string | undefined;
  address?: string | undefined;
}

// Coordinates are written with a decimal point in every language (as map services do), so a
// German decimal comma cannot be mistaken for the separator between the two.
const coordinate = (value: number): string => String(Number(value.toFixed(5)));

export function LocationContent({ location }: { location: Location }) {
  const { t } = useTranslation();
  const href = mapUrl(location.latitude, location.longitude);
  return (
    <div className="msg-location">
      <MapPin size={22} aria-hidden="true" className="msg-location-icon" />
      <div className="msg-location-body">
        <p className="msg-location-title">
          <span className="visually-hidden">{t('conversation.message.location')}: </span>
          {location.title ?? t('conversation.message.location')}
        </p>
        {location.address && <p className="msg-location-address">{location.address}</p>}
        <p className="msg-location-coords">
          {t('conversation.message.coordinates', { lat: coordinate(location.latitude), lon: coordinate(location.longitude) })}
        </p>
        {href && (
          <a href={href} target="_blank" rel="noopener noreferrer" className="msg-location-link">
            {t('conversation.message.openMap')}
            <ExternalLink size={12} aria-hidden="true" />
            <span className="visually-hidden"> {t('conversation.message.newTab')}</span>
          </a>
        )}
      </div>
    </div>
  );
}
