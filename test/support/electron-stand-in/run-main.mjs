// Runs the built main bundle (STANDIN_MAIN) on the Electron stand-in, as Electron would run it,
// and reports on stdout (one `REPORT <json>` line per stage) what it did: how it started, what
// the window and its page are, what the contract channels answer, and how it quit. After the quit
// it does nothing more: the process must then end by itself, or something was left running.
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { URL, pathToFileURL } from 'node:url';

const { record, app } = await import('electron');

const report = (stage, data) => process.stdout.write(`REPORT ${JSON.stringify({ stage, ...data })}\n`);

async function until(condition, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`the built app never ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function fetchApp(url) {
  const response = await record.protocolHandlers.get('app')(new globalThis.Request(url));
  return { status: response.status, type: response.headers.get('content-type'), csp: response.headers.get('content-security-policy'), body: await response.text() };
}

await import(pathToFileURL(process.env.STANDIN_MAIN).href);

if (process.env.STANDIN_LOCK === 'denied') {
  await until(() => record.quitEmitted, 'quit');
  report('denied', { lockRequests: record.lockRequests, quitCalls: record.quitCalls, windows: record.windows.length, channels: record.ipcHandlers.size });
} else {
  await until(() => record.loads.length > 0, 'loaded its window');
  const window = record.windows[0];
  const own = { sender: window.webContents, senderFrame: { url: record.loads[0], parent: null } };
  const foreign = { sender: window.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
  const invoke = (channel, event, input = {}) => record.ipcHandlers.get(channel)(event, input);

  const page = await fetchApp(record.loads[0]);
  const script = /<script[^>]+src="([^"]+)"/.exec(page.body)?.[1] ?? null;
  report('started', {
    lockRequests: record.lockRequests,
    schemesRegisteredBeforeReady: record.schemesRegisteredBeforeReady,
    privilegedSchemes: record.privilegedSchemes,
    protocolClients: record.protocolClients.map(([scheme]) => scheme),
    windows: record.windows.length,
    webPreferences: window.options.webPreferences,
    hardened: {
      windowOpenHandler: typeof window.webContents.windowOpenHandler === 'function',
      willNavigate: window.webContents.listenerCount('will-navigate'),
      willAttachWebview: window.webContents.listenerCount('will-attach-webview'),
      permissionCheck: [
        record.permissionCheckHandler(window.webContents, 'notifications', 'app://deckhand'),
        record.permissionCheckHandler(window.webContents, 'media', 'app://deckhand'),
      ],
    },
    loads: record.loads,
    page: { ...page, body: page.body.includes('<div id="root"></div>') ? 'the renderer' : page.body.slice(0, 200) },
    script: script && (await fetchApp(new URL(script, record.loads[0]).href)).type,
    escape: (await fetchApp('app://deckhand/..%2fmain%2findex.js')).status,
    channels: [...record.ipcHandlers.keys()].sort(),
    session: await invoke('deckhand:session.state', own),
    update: await invoke('deckhand:update.state', own),
    foreignCall: await invoke('deckhand:session.state', foreign),
    trayMenu: record.trays[0]?.menu?.template.map((item) => item.label ?? item.type) ?? null,
    viewMenu: record.appMenu?.template.find((item) => item.label === 'Ansicht') ?? null,
  });

  app.quit();
  await until(() => record.quitEmitted, 'quit');
  report('quit', { quitCalls: record.quitCalls, exitCodes: record.exitCodes });
}

// Nothing may keep the process alive now; if something does, say what (this timer does not count).
setTimeout(() => report('still-running', { resources: process.getActiveResourcesInfo() }), 10_000).unref();
