import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../src/storage/paths';
import { startCore, type CoreRelay } from './core-relay';
import { EVENT_CHANNEL, registerIpcAdapter } from './ipc-adapter';
import { notifyWatchlistHit } from './notify';

const RENDERER_URL = process.env.ELECTRON_RENDERER_URL;
const rendererFile = path.join(__dirname, '../renderer/index.html');

/** Only pages we loaded ourselves may call the core. */
function isOurPage(url: string): boolean {
  if (RENDERER_URL && url.startsWith(RENDERER_URL)) return true;
  try {
    const u = new URL(url);
    return u.protocol === 'file:' && path.normalize(decodeURIComponent(u.pathname)).endsWith(path.normalize('/renderer/index.html'));
  } catch {
    return false;
  }
}

function openExternally(url: string): void {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') void shell.openExternal(u.toString());
  } catch {
    // Not a URL: nothing to open.
  }
}

/** In development the Electron build of better-sqlite3 lives beside the Node one (see scripts/electron-native.mjs). */
function sqliteBindingEnv(): Record<string, string> {
  if (app.isPackaged) return {};
  const file = path.join(app.getAppPath(), 'node_modules', '.beranda-electron', process.versions.electron, 'better_sqlite3.node');
  return fs.existsSync(file) ? { BERANDA_SQLITE_BINDING: file } : {};
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Beranda Humas',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isOurPage(url)) {
      event.preventDefault();
      openExternally(url);
    }
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  if (RENDERER_URL) void win.loadURL(RENDERER_URL);
  else void win.loadFile(rendererFile);
  return win;
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  // Everything is denied except writing to the clipboard ("Copy WhatsApp text").
  const allowed = new Set(['clipboard-sanitized-write']);
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(allowed.has(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => allowed.has(permission));

  const dataDir = process.env.BERANDA_DATA_DIR ?? defaultDataDir();
  let core: CoreRelay;
  try {
    core = await startCore(path.join(__dirname, 'core.js'), { BERANDA_DATA_DIR: dataDir, ...sqliteBindingEnv() }, (event) => {
      for (const w of BrowserWindow.getAllWindows()) w.webContents.send(EVENT_CHANNEL, event);
      notifyWatchlistHit(event);
    });
  } catch (e) {
    dialog.showErrorBox('Beranda Humas', (e as Error).message);
    app.quit();
    return;
  }

  const adapter = registerIpcAdapter(ipcMain, {
    isTrustedSender: (e) => !!e.senderFrame && isOurPage(e.senderFrame.url),
    callCore: (req) => core.call(req),
  });

  const open = () => {
    const win = createWindow();
    const id = win.webContents.id;
    win.on('closed', () => adapter.forget(id));
  };
  open();
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && open());
  app.on('window-all-closed', () => {
    core.stop();
    app.quit();
  });
}

void main();
