// Images, card images, voice messages and videos of a message, as the renderer shows them: never
// from the network (the CSP allows none), but as bytes main fetched under its media policy
// (shared/media.ts), turned into blob: URLs. Main answers 'ask' for an origin the account does
// not trust until the agent chooses "Load", which counts for that origin in this conversation
// (remembered with the drafts). Kept URLs serve a message scrolled back into view.
import { createContext, useContext, useEffect, useState } from 'react';
import { parseConversationKey } from '../../../../shared/keys';
import type { CallInput } from '../../../../shared/ipc';
import type { MediaKind, MediaRefusal, MediaResult } from '../../../../shared/media';
import { call } from '../../../api';
import { ObjectUrlCache } from '../../../lib/object-url-cache';
import { allowMedia } from '../../../store/actions/local';
import { useStore } from '../../../store/store';
import { safeMediaUrl } from '../safe-url';

/** The conversation whose messages are shown: its key, for main's account and the consent. */
export const MediaConversation = createContext<string | null>(null);

export type RemoteMedia =
  /** Not a web address: there is nothing to load or to open. */
  | { state: 'unsafe' }
  | { state: 'loading'; href: string }
  | { state: 'ready'; src: string; href: string }
  | { state: 'ask'; host: string; allow: () => void }
  /** `href` is offered to open in the browser where that is safe (not for a private address). */
  | { state: 'refused'; reason: MediaRefusal; host: string; href: string | null };

const cache = new ObjectUrlCache({ maxEntries: 64, maxBytes: 96 * 1024 * 1024 }, (url) => URL.revokeObjectURL(url));
/** One request per media at a time, however many bubbles show it. */
const inflight = new Map<string, Promise<MediaResult>>();

function fetchOnce(id: string, request: CallInput<'media.fetch'>): Promise<MediaResult> {
  let pending = inflight.get(id);
  if (!pending) {
    pending = call('media.fetch', request)
      .catch((): MediaResult => ({ status: 'refused', reason: 'unavailable' }))
      .finally(() => inflight.delete(id));
    inflight.set(id, pending);
  }
  return pending;
}

function objectUrl(id: string, result: Extract<MediaResult, { status: 'ready' }>): string {
  const binary = atob(result.data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return cache.add(id, URL.createObjectURL(new Blob([bytes], { type: result.contentType })), bytes.length);
}

export function useRemoteMedia(url: string, kind: MediaKind): RemoteMedia {
  const key = useContext(MediaConversation);
  if (key === null) throw new Error('useRemoteMedia needs a MediaConversation around it');
  const href = safeMediaUrl(url);
  const origin = href === null ? null : new URL(href).origin;
  const consent = useStore((s) => origin !== null && (s.mediaConsents[key]?.includes(origin) ?? false));
  // What the effect found, for the request it was made for (a stale answer is never shown).
  const id = `${key}\n${kind}\n${href ?? ''}`;
  const [shown, setShown] = useState<{ id: string; consent: boolean; media: RemoteMedia } | null>(null);

  useEffect(() => {
    const ref = parseConversationKey(key);
    if (href === null || ref === null || origin === null) return;
    let mounted = true;
    let using = false;
    const show = (media: RemoteMedia) => mounted && setShown({ id, consent, media });
    const kept = cache.acquire(id);
    if (kept !== undefined) {
      using = true;
      show({ state: 'ready', src: kept, href });
    } else {
      void fetchOnce(`${id}\n${consent}`, { ref, url: href, kind, consent }).then((result) => {
        if (!mounted) return;
        if (result.status === 'ready') {
          using = true;
          show({ state: 'ready', src: objectUrl(id, result), href });
        } else if (result.status === 'ask') {
          show({ state: 'ask', host: result.host, allow: () => allowMedia(key, origin) });
        } else {
          show({ state: 'refused', reason: result.reason, host: new URL(href).host, href: result.reason === 'address' ? null : href });
        }
      });
    }
    return () => {
      mounted = false;
      if (using) cache.release(id);
    };
  }, [id, key, href, origin, kind, consent]);

  if (href === null) return { state: 'unsafe' };
  return shown && shown.id === id && shown.consent === consent ? shown.media : { state: 'loading', href };
}
