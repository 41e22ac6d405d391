/**
 * Where the workspace lives by default: `fortnight.db` in the user-data folder, the same one
 * Electron's `app.getPath('userData')` gives for an app named Fortnight, so the desktop app,
 * browser mode and the CLI all open the same file.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Fortnight';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME);
}

export function defaultDatabaseFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.FORTNIGHT_DB || join(userDataDir(env), 'fortnight.db');
}
