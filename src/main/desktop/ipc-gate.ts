/**
 * The desktop app's one IPC entrance, kept free of Electron so a unit test can drive it: a
 * call is answered only when it comes from our own page, then goes to the native dialogs the
 * desktop adds (`files.saveAs`, `files.open`) or to the core.
 */
import { contract, type MethodName } from '../../shared/contract.ts';
import type { Result } from '../../shared/result.ts';
import { describeIssue } from '../api/core.ts';
import { isAppUrl } from './app-protocol.ts';

/** The methods only the desktop can answer, each given its parsed input. */
export type DesktopMethods = Partial<Record<MethodName, (input: never) => Promise<unknown>>>;

export interface GateOptions {
  /** Answers every other method; absent until the workspace is open. */
  core: () =>
    { call(method: string, input: unknown): Result<unknown> | Promise<Result<unknown>> } | undefined;
  desktop: DesktopMethods;
  /** The renderer's dev server in development (never in a packaged app). */
  devServerUrl?: string;
}

export const NOT_FROM_FORTNIGHT: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Refused: the call did not come from Fortnight' },
};

/** Only our own page may call the API: a page of the `app:` scheme, or the dev server in development. */
export function isOwnPage(url: string | undefined, devServerUrl?: string): boolean {
  if (!url) return false;
  if (isAppUrl(url)) return true;
  if (!devServerUrl) return false;
  try {
    return new URL(url).origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

const failure = (error: unknown): Result<never> => ({
  ok: false,
  error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
});

/** The handler of the `api` channel: the sender's frame address, the method and its input. */
export function createIpcGate({ core, desktop, devServerUrl }: GateOptions) {
  return async (senderUrl: string | undefined, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const answering = core();
    if (!isOwnPage(senderUrl, devServerUrl) || !answering) return NOT_FROM_FORTNIGHT;
    const name = String(method);
    const native = Object.hasOwn(desktop, name) ? desktop[name as MethodName] : undefined;
    if (!native) return answering.call(name, input);
    const parsed = contract[name as MethodName].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: describeIssue(parsed.error.issues[0]!, input) };
    try {
      return { ok: true, value: await native(parsed.data as never) };
    } catch (error) {
      return failure(error);
    }
  };
}
