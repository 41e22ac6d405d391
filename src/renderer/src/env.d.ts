/// <reference types="vite/client" />
import type { FortnightBridge } from '../../shared/bridge.ts';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in browser mode. */
    fortnight?: FortnightBridge;
  }
}
