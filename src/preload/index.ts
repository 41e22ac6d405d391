/**
 * The preload: the renderer's only way into the main process. It exposes `invoke` for methods
 * of the contract and `on` for the menu's events — never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_EVENTS, type BridgeEvent, type FortnightBridge } from '../shared/bridge.ts';
import { isMethodName } from '../shared/contract.ts';
import { unknownMethod, type Result } from '../shared/result.ts';

const bridge: FortnightBridge = {
  invoke(method: string, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) return Promise.resolve(unknownMethod(String(method)));
    return ipcRenderer.invoke('api', method, input) as Promise<Result<unknown>>;
  },
  on(event: BridgeEvent, callback: (payload: string) => void): () => void {
    if (!BRIDGE_EVENTS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const listener = (_event: IpcRendererEvent, payload: unknown) => callback(String(payload));
    ipcRenderer.on(event, listener);
    return () => ipcRenderer.removeListener(event, listener);
  },
};

contextBridge.exposeInMainWorld('fortnight', bridge);
