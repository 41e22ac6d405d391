/**
 * Starting the core for the app's doors (desktop, browser mode). A damaged workspace doesn't stop
 * the app: a stand-in core answers every method with `damaged` (naming the latest good backup)
 * except `backups.list` and `backups.restore`, and once a backup is restored the real core (its
 * workers, opened on the restored file) answers everything.
 */
import { contract } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import { describeBackup, findBackup, listBackups, replaceWithBackup } from '../db/backups.ts';
import { describeIssue } from './core.ts';
import { answerAsJson } from './answer-json.ts';
import { CoreStartError, startCore, type CoreClient } from './core-client.ts';

export async function openCoreOrRecovery(file: string, workerFile?: string | URL): Promise<CoreClient> {
  try {
    return await startCore(file, workerFile);
  } catch (error) {
    if (error instanceof CoreStartError && error.damaged)
      return recoveryCore(file, error.message, workerFile);
    throw error;
  }
}

/**
 * The stand-in core over a damaged workspace. No worker is running (none could open the file),
 * so a restore swaps the file here, with no connection to close, then starts the workers on it.
 */
export function recoveryCore(file: string, damaged: string, workerFile?: string | URL): CoreClient {
  let core: CoreClient | null = null;
  /** One restore at a time: a second one waits, then goes to the restored workspace's core. */
  let restoring: Promise<Result<unknown>> | null = null;

  const restore = async (input: unknown): Promise<Result<unknown>> => {
    const parsed = contract['backups.restore'].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]!, input) };
    const { name } = parsed.data;
    const path = findBackup(file, name);
    const restored = path ? describeBackup(file, name) : null;
    if (!path || !restored) {
      return {
        ok: false,
        error: { code: 'not_found', message: `There is no backup named ${name}`, field: 'name' },
      };
    }
    try {
      replaceWithBackup(file, path, () => {});
      core = await startCore(file, workerFile);
    } catch (error) {
      return {
        ok: false,
        error: { code: 'rule_violation', message: (error as Error).message, field: 'name' },
      };
    }
    const info = await core.call('workspace.info', {});
    return info.ok ? { ok: true, value: { restored, undo: null, info: info.value } } : info;
  };

  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    while (restoring) await restoring;
    if (core) return core.call(method, input);
    if (method === 'backups.list') return { ok: true, value: listBackups(file) };
    if (method === 'backups.restore') {
      restoring = restore(input).finally(() => (restoring = null));
      return restoring;
    }
    return { ok: false, error: { code: 'damaged', message: damaged } };
  };
  return {
    call: call as CoreClient['call'],
    callAsJson: async (method, input) => answerAsJson(await call(method, input)),
    // No version while damaged: nothing can be cached from a workspace that can't be read.
    version: async () => (core ? core.version() : 'damaged'),
    close: async () => {
      while (restoring) await restoring;
      await core?.close();
    },
  };
}
