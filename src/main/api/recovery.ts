/**
 * Opening the core for the app's doors (desktop, browser mode). A damaged workspace doesn't stop
 * the app: a stand-in core answers every method with `damaged` (naming the latest good backup)
 * except `backups.list` and `backups.restore`, and once a backup is restored the real core,
 * opened on it, answers everything.
 */
import { contract } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import { describeBackup, findBackup, listBackups, replaceWithBackup } from '../db/backups.ts';
import { DamagedWorkspaceError, openWorkspace } from '../db/open.ts';
import { createCore, describeIssue, openCore, type Core } from './core.ts';

export type AppCore = Pick<Core, 'call' | 'close'>;

export async function openCoreOrRecovery(file: string): Promise<AppCore> {
  try {
    return await openCore(file);
  } catch (error) {
    if (error instanceof DamagedWorkspaceError) return recoveryCore(file, error);
    throw error;
  }
}

export function recoveryCore(file: string, damaged: DamagedWorkspaceError): AppCore {
  let core: Core | null = null;
  const restore = (input: unknown): Result<unknown> => {
    const parsed = contract['backups.restore'].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]!) };
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
      core = createCore(openWorkspace(file));
    } catch (error) {
      return {
        ok: false,
        error: { code: 'rule_violation', message: (error as Error).message, field: 'name' },
      };
    }
    const info = core.call('workspace.info', {});
    return info.ok ? { ok: true, value: { restored, undo: null, info: info.value } } : info;
  };
  const call = (method: string, input: unknown): Result<unknown> => {
    if (core) return core.call(method, input);
    if (method === 'backups.list') return { ok: true, value: listBackups(file) };
    if (method === 'backups.restore') return restore(input);
    return { ok: false, error: { code: 'damaged', message: damaged.message } };
  };
  return { call: call as Core['call'], close: () => core?.close() };
}
