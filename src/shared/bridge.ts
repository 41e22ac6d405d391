/** What the preload exposes to the renderer as `window.fortnight` in the desktop app. */
import type { Result } from './result.ts';

export const BRIDGE_EVENTS = ['navigate', 'command'] as const;
export type BridgeEvent = (typeof BRIDGE_EVENTS)[number];

export interface FortnightBridge {
  /** Calls a contract method in the main process. */
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Listens to the native menu: `navigate` carries a screen name, `command` an action name. */
  on(event: BridgeEvent, callback: (payload: string) => void): () => void;
}
