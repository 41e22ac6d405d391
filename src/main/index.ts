/**
 * The desktop shell — the only module of the main process that imports Electron: the window
 * and its security, the single-instance lock, the native menu, and IPC wired to the core.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeIssue } from './api/core.ts';
import { openCoreOrRecovery, type AppCore } from './api/recovery.ts';
import { contract, type ParsedInput } from '../shared/contract.ts';
import type { Result } from '../shared/result.ts';
import { defaultDatabaseFile, userDataDir } from './paths.ts';
import { SECURITY_HEADERS } from './web/security.ts';

const SCREENS = ['meeting', 'roadmap', 'sprints', 'polish', 'people', 'settings'] as const;
const rendererIndex = join(import.meta.dirname, '../renderer/index.html');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

let core: AppCore | undefined;
let mainWindow: BrowserWindow | undefined;

function databaseFileFromArgs(argv: string[]): string {
  const i = argv.indexOf('--db');
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : defaultDatabaseFile();
}

/** Only our own page may call the API: the built index.html, or the dev server in development. */
function isOwnPage(url: string | undefined): boolean {
  if (!url) return false;
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.split('#')[0] === pathToFileURL(rendererIndex).href;
}

const isExternalLink = (url: string) => /^https?:\/\//i.test(url);

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 720,
    minHeight: 520,
    title: 'Fortnight',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererIndex);
  return window;
}

function send(event: 'navigate' | 'command', payload: string): void {
  mainWindow?.webContents.send(event, payload);
}

function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'Go',
      submenu: SCREENS.map((screen, i) => ({
        label: screen[0]!.toUpperCase() + screen.slice(1),
        accelerator: `CmdOrCtrl+${i + 1}`,
        click: () => send('navigate', screen),
      })),
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Keyboard Shortcuts', accelerator: 'Shift+/', click: () => send('command', 'shortcuts') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

/** The native dialogs behind `files.saveAs` and `files.open`, which the core can't answer. */
const fileDialogs = {
  async 'files.saveAs'({ suggestedName, content }: ParsedInput<'files.saveAs'>) {
    const choice = await dialog.showSaveDialog(mainWindow!, { defaultPath: suggestedName });
    if (choice.canceled || !choice.filePath) return { path: null };
    await writeFile(choice.filePath, content, 'utf8');
    return { path: choice.filePath };
  },
  async 'files.open'({ folder, extensions }: ParsedInput<'files.open'>) {
    const choice = await dialog.showOpenDialog(mainWindow!, {
      properties: [folder ? 'openDirectory' : 'openFile'],
      filters: folder ? [] : [{ name: 'Files', extensions }],
    });
    const [chosen] = choice.filePaths;
    if (choice.canceled || !chosen) return null;
    const paths = folder
      ? (await readdir(chosen, { recursive: true }))
          .map((file) => join(chosen, file))
          .filter((file) => extensions.includes(extname(file).slice(1)))
      : [chosen];
    const files = await Promise.all(
      paths.map(async (path) => ({
        path: folder ? relative(chosen, path) : path,
        content: await readFile(path, 'utf8'),
      })),
    );
    return { files };
  },
};

async function callDesktop(method: keyof typeof fileDialogs, input: unknown): Promise<Result<unknown>> {
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]!) };
  try {
    return { ok: true, value: await fileDialogs[method](parsed.data as never) };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

function harden(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [SECURITY_HEADERS['Content-Security-Policy']!],
      },
    });
  });
  // Only writing to the clipboard (copying a summary); every other permission is refused.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  );
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  ipcMain.handle('api', (event, method: unknown, input: unknown) => {
    if (!isOwnPage(event.senderFrame?.url) || !core) {
      return {
        ok: false,
        error: { code: 'internal', message: 'Refused: the call did not come from Fortnight' },
      };
    }
    if (method === 'files.saveAs' || method === 'files.open') return callDesktop(method, input);
    return core.call(String(method), input);
  });
}

async function start(): Promise<void> {
  app.setPath('userData', userDataDir());
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  await app.whenReady();
  try {
    core = await openCoreOrRecovery(databaseFileFromArgs(process.argv));
  } catch (error) {
    dialog.showErrorBox(
      'Fortnight could not open its database',
      error instanceof Error ? error.message : String(error),
    );
    app.exit(1);
    return;
  }
  harden();
  Menu.setApplicationMenu(buildMenu());
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
app.on('will-quit', () => core?.close());

void start();
