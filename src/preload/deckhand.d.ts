// `window.deckhand` as the preload exposes it, for the renderer's type-checking.
import type { DeckhandApi } from '../shared/ipc';

declare global {
  interface Window {
    deckhand: DeckhandApi;
  }
}

export {};
