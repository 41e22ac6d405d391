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
  protocol,
  session,
  shell,
  type MenuItemConstructorOptions,
} from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openCoreOrRecovery } from './api/recovery.ts';
import { scheduleFromEnv, withSyncScheduler, type SyncingCore } from './sync/scheduler.ts';
import type { ParsedInput } from '../shared/contract.ts';
import { answerAppRequest, APP_PAGE_URL, APP_SCHEME } from './desktop/app-protocol.ts';
import { answeredOpen, howToOpen, linkQuestion } from './desktop/external-links.ts';
import { createIpcGate } from './desktop/ipc-gate.ts';
import { readRoadmapFolder } from './markdown/roadmap-folder.ts';
import { defaultDatabaseFile, userDataDir } from './paths.ts';
import { SECURITY_HEADERS } from './web/security.ts';

const SCREENS = [
  'meeting',
  'roadmap',
  'sprints',
  'polish',
  'people',
  'updates',
  'settings',
  'my-sprint',
] as const;
const rendererDir = join(import.meta.dirname, '../renderer');
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

let core: SyncingCore | undefined;
let mainWindow: BrowserWindow | undefined;

function databaseFileFromArgs(argv: string[]): string {
  const i = argv.indexOf('--db');
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : defaultDatabaseFile();
}

// Before the app is ready: `app:` is a standard, secure scheme, so its pages have an origin
// that CSP's 'self' and the IPC sender check can rely on; V8 keeps its scripts' compiled code
// between launches, as it did for file://.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);

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
  else void window.loadURL(APP_PAGE_URL);
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
        label: screen[0]!.toUpperCase() + screen.slice(1).replace('-', ' '),
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

/** The native dialogs behind `files.saveAs`, `files.open` and `files.choosePath`, which the core can't answer. */
const fileDialogs = {
  async 'files.saveAs'({ suggestedName, content }: ParsedInput<'files.saveAs'>) {
    const choice = await dialog.showSaveDialog(mainWindow!, { defaultPath: suggestedName });
    if (choice.canceled || !choice.filePath) return { path: null };
    await writeFile(choice.filePath, content, 'utf8');
    return { path: choice.filePath };
  },
  async 'files.choosePath'({ kind, title, extension, suggestedName }: ParsedInput<'files.choosePath'>) {
    const filters = extension ? [{ name: `.${extension} files`, extensions: [extension] }] : [];
    if (kind === 'saveFile') {
      const choice = await dialog.showSaveDialog(mainWindow!, { title, defaultPath: suggestedName, filters });
      return { path: choice.canceled || !choice.filePath ? null : choice.filePath };
    }
    const choice = await dialog.showOpenDialog(mainWindow!, {
      title,
      properties: kind === 'folder' ? ['openDirectory', 'createDirectory'] : ['openFile'],
      filters: kind === 'folder' ? [] : filters,
    });
    const [chosen] = choice.filePaths;
    return { path: choice.canceled || !chosen ? null : chosen };
  },
  async 'files.open'({ folder, extensions }: ParsedInput<'files.open'>) {
    const choice = await dialog.showOpenDialog(mainWindow!, {
      properties: [folder ? 'openDirectory' : 'openFile'],
      filters: folder ? [] : [{ name: 'Files', extensions }],
    });
    const [chosen] = choice.filePaths;
    if (choice.canceled || !chosen) return null;
    // One walker with the CLI: only regular files, symlinks and hidden folders skipped.
    const files = await readRoadmapFolder(chosen, folder ? extensions : []);
    if (!folder) for (const file of files) file.path = chosen;
    return { files };
  },
};

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
    contents.setWindowOpenHandler(({ url, frameName }) => {
      void openLink(url, frameName);
      return { action: 'deny' };
    });
  });
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererDir));
  const gate = createIpcGate({ core: () => core, desktop: fileDialogs, devServerUrl });
  ipcMain.handle('api', (event, method: unknown, input: unknown) =>
    gate(event.senderFrame?.url, method, input),
  );
}

/** Opens an app's own link at once; asks first, showing the whole address, for one from content. */
async function openLink(url: string, target: string): Promise<void> {
  const how = howToOpen(url, target);
  if (how === 'refuse') return;
  if (how === 'ask') {
    const question = linkQuestion(url);
    const { response } = mainWindow
      ? await dialog.showMessageBox(mainWindow, question)
      : await dialog.showMessageBox(question);
    if (!answeredOpen(response)) return;
  }
  await shell.openExternal(url);
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
    // The core runs in worker threads (built beside this file), so the window never waits on SQLite.
    // A damaged workspace opens on its backups instead (the app offers to restore one).
    // It syncs by itself once a place is set, and a last time before quitting (`scheduler.ts`).
    core = withSyncScheduler(
      await openCoreOrRecovery(
        databaseFileFromArgs(process.argv),
        join(import.meta.dirname, 'core-worker.js'),
      ),
      scheduleFromEnv(),
    );
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
  void core.start();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
// Quitting makes a last sync (briefly: see `scheduler.ts`), waits for the core to finish its
// calls and closes the workspace.
app.on('will-quit', (event) => {
  const closing = core;
  if (!closing) return;
  core = undefined;
  event.preventDefault();
  void closing.close().finally(() => app.quit());
});

void start();
