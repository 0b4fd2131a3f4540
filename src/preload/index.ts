// Preload (sandboxed, bundled to CommonJS by electron-vite): exposes `window.deckhand` and
// nothing else. No ipcRenderer, no generic send: a compromised renderer can only make the calls
// main validates.
import { contextBridge, ipcRenderer } from 'electron';
import { buildDeckhandApi } from './api';

contextBridge.exposeInMainWorld('deckhand', buildDeckhandApi(ipcRenderer as unknown as Parameters<typeof buildDeckhandApi>[0]));
