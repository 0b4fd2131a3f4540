import type { Shape } from './shape';

export const updatesEn = {
  label: 'App update',
  downloading: 'Downloading Deckhand {{version}} in the background…',
  progress: 'Download of Deckhand {{version}}',
  ready: 'Deckhand {{version}} is ready.',
  restart: 'Restart to update',
  showNotes: 'What’s new',
  hideNotes: 'Hide what’s new',
  notesTitle: 'What’s new in Deckhand {{version}}',
  waiting_one: 'Deckhand restarts as soon as your reply has been sent.',
  waiting_other: 'Deckhand restarts as soon as your {{count}} replies have been sent.',
  failed: 'Deckhand could not check for updates. It tries again later by itself.',
  dismiss: 'Dismiss',
};

export const updatesDe: Shape<typeof updatesEn> = {
  label: 'App-Update',
  downloading: 'Deckhand {{version}} wird im Hintergrund geladen…',
  progress: 'Download von Deckhand {{version}}',
  ready: 'Deckhand {{version}} ist bereit.',
  restart: 'Zum Aktualisieren neu starten',
  showNotes: 'Was ist neu',
  hideNotes: 'Neuigkeiten ausblenden',
  notesTitle: 'Neu in Deckhand {{version}}',
  waiting_one: 'Deckhand startet neu, sobald Ihre Antwort gesendet ist.',
  waiting_other: 'Deckhand startet neu, sobald Ihre {{count}} Antworten gesendet sind.',
  failed: 'Deckhand konnte nicht nach Updates suchen. Es versucht es später von selbst erneut.',
  dismiss: 'Ausblenden',
};
