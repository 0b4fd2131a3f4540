// The words a row of the inbox shows, in the agent's language, made once per language (and per
// count or name as they come up) rather than by i18next for every row rendered: scrolling renders
// dozens of rows a frame, and every t() call allocates (the key split, options, interpolation),
// which made most of the garbage that stalled scrolling in collections.
import type { TFunction } from 'i18next';
import type { Handling } from '../../../shared/conversation-rules';
import type { ChannelKind } from './inbox-model';
import type { PreviewTexts } from './preview';

export interface RowWords {
  preview: PreviewTexts;
  /** The known channels' names, for channelLabel. */
  channels: Readonly<Record<Exclude<ChannelKind, 'other'>, string>>;
  status(kind: Handling['kind']): string;
  assignedTo(name: string): string;
  justNow: string;
  /** "3 unread messages", for screen readers. */
  unread(count: number): string;
  /** A search hit in an earlier message (only while searching, so not kept). */
  found(text: string): string;
}

export function rowWords(t: TFunction): RowWords {
  const made = new Map<string, string>();
  const once = (key: string, make: () => string): string => {
    let words = made.get(key);
    if (words === undefined) made.set(key, (words = make()));
    return words;
  };
  return {
    preview: {
      bot: t('inbox.preview.bot'),
      you: t('inbox.preview.you'),
      agent: t('inbox.preview.agent'),
      image: t('inbox.preview.image'),
      file: t('inbox.preview.file'),
      audio: t('inbox.preview.audio'),
      video: t('inbox.preview.video'),
      location: t('inbox.preview.location'),
      card: t('inbox.preview.card'),
      carousel: t('inbox.preview.carousel'),
      empty: t('inbox.preview.empty'),
    },
    channels: {
      whatsapp: t('inbox.channels.whatsapp'),
      webchat: t('inbox.channels.webchat'),
      instagram: t('inbox.channels.instagram'),
      telegram: t('inbox.channels.telegram'),
      email: t('inbox.channels.email'),
    },
    status: (kind) => once(`status:${kind}`, () => t(`inbox.status.${kind}`)),
    assignedTo: (name) => once(`assignedTo:${name}`, () => t('inbox.status.assignedTo', { name })),
    justNow: t('common.justNow'),
    unread: (count) => once(`unread:${count}`, () => t('inbox.unread', { count })),
    found: (text) => t('queue.found', { text }),
  };
}
