// A recording stand-in for Electron's main-process API, for loading the built main bundle in
// plain Node (the Electron binary cannot run on our machines). It behaves as Electron does where
// the app relies on it (ready, the quit sequence, web-contents-created, single-instance lock) and
// records everything else in `record` (globalThis.__electronStandIn) for the test to read.
// Configured by the environment: STANDIN_USER_DATA, STANDIN_APP_PATH, STANDIN_LOCK=denied.
import { Buffer } from 'node:buffer';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { setImmediate } from 'node:timers';

export const record = {
  lockRequests: 0,
  ready: false,
  schemesRegisteredBeforeReady: null,
  privilegedSchemes: [],
  protocolHandlers: new Map(),
  protocolClients: [],
  ipcHandlers: new Map(),
  windows: [],
  loads: [],
  webContentsCreated: 0,
  appMenu: null,
  trays: [],
  notifications: [],
  quitCalls: 0,
  exitCodes: [],
  quitEmitted: false,
  permissionRequestHandler: null,
  permissionCheckHandler: null,
  headersReceivedListener: null,
};
globalThis.__electronStandIn = record;

/** An Electron-style event: listeners may preventDefault(). */
const preventable = () => {
  const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
  return event;
};

class App extends EventEmitter {
  isPackaged = false;
  #ready = null;

  requestSingleInstanceLock() {
    record.lockRequests++;
    return process.env.STANDIN_LOCK !== 'denied';
  }
  whenReady() {
    // Ready after the current turn, as Electron becomes ready after the main script ran.
    this.#ready ??= new Promise((resolve) =>
      setImmediate(() => {
        record.ready = true;
        this.emit('ready');
        resolve();
      }),
    );
    return this.#ready;
  }
  getPath(name) {
    return name === 'userData' ? process.env.STANDIN_USER_DATA : join(process.env.STANDIN_USER_DATA, name);
  }
  getAppPath() {
    return process.env.STANDIN_APP_PATH;
  }
  getLocale() {
    return 'de-DE';
  }
  getVersion() {
    return '0.1.0';
  }
  getName() {
    return 'Deckhand';
  }
  setAsDefaultProtocolClient(...args) {
    record.protocolClients.push(args);
    return true;
  }
  setBadgeCount() {
    return true;
  }
  /** Electron's quit: before-quit, the windows close, will-quit, quit; each of the first may be prevented. */
  quit() {
    record.quitCalls++;
    setImmediate(() => {
      if (this.#emitPreventable('before-quit')) return;
      for (const window of BrowserWindow.getAllWindows()) window.close();
      if (this.#emitPreventable('will-quit')) return;
      record.quitEmitted = true;
      this.emit('quit', preventable(), 0);
    });
  }
  exit(code = 0) {
    record.exitCodes.push(code);
  }
  #emitPreventable(name) {
    const event = preventable();
    this.emit(name, event);
    return event.defaultPrevented;
  }
}
export const app = new App();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.schemesRegisteredBeforeReady = !record.ready;
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme, handler) {
    record.protocolHandlers.set(scheme, handler);
  },
};

const session = {
  webRequest: {
    onHeadersReceived(listener) {
      record.headersReceivedListener = listener;
    },
  },
  setPermissionRequestHandler(handler) {
    record.permissionRequestHandler = handler;
  },
  setPermissionCheckHandler(handler) {
    record.permissionCheckHandler = handler;
  },
};

let nextWebContentsId = 1;
class WebContents extends EventEmitter {
  id = nextWebContentsId++;
  session = session;
  sent = [];
  windowOpenHandler = null;
  #destroyed = false;
  send(channel, message) {
    this.sent.push({ channel, name: message?.name });
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  isDestroyed() {
    return this.#destroyed;
  }
  destroy() {
    this.#destroyed = true;
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return record.windows.filter((window) => !window.isDestroyed());
  }
  #destroyed = false;
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    record.windows.push(this);
    record.webContentsCreated++;
    app.emit('web-contents-created', preventable(), this.webContents);
  }
  loadURL(url) {
    record.loads.push(url);
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  loadFile(file) {
    return this.loadURL(`file://${file}`);
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isFocused() {
    return true;
  }
  setOverlayIcon() {}
  isDestroyed() {
    return this.#destroyed;
  }
  close() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}

export const ipcMain = {
  handle(channel, handler) {
    if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    record.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    record.ipcHandlers.delete(channel);
  },
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu(menu) {
    record.appMenu = menu;
  },
};

export class Tray extends EventEmitter {
  menu = null;
  destroyed = false;
  constructor(image) {
    super();
    this.image = image;
    record.trays.push(this);
  }
  setImage(image) {
    this.image = image;
  }
  setToolTip(text) {
    this.toolTip = text;
  }
  setContextMenu(menu) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

export const nativeImage = {
  createFromPath: (path) => ({ path, isEmpty: () => !existsSync(path) }),
};

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    record.notifications.push(this.options);
  }
  close() {}
}

// Linux with a keyring: "encrypted" reversibly, which is all the vault needs of it here.
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (text) => Buffer.from(`stand-in:${text}`),
  decryptString: (buffer) => buffer.toString().replace(/^stand-in:/, ''),
};

class PowerMonitor extends EventEmitter {
  getSystemIdleTime() {
    return 0;
  }
}
export const powerMonitor = new PowerMonitor();

export const shell = {
  openExternal: async () => undefined,
};

export default { app, protocol, BrowserWindow, ipcMain, Menu, Tray, nativeImage, Notification, safeStorage, powerMonitor, shell };
