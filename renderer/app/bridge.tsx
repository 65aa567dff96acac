/**
 * Renderer side of the IPC contract: where a page finds `window.o2g` (exposed by the preload)
 * and how components reach it. Runs in the sandboxed renderer; tests pass a fake bridge to
 * `BridgeProvider` instead.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { PresenceBridge } from '../../shared/ipc/bridge.js';

declare global {
  interface Window {
    /** Set by the preload through contextBridge; absent when a page is opened outside the app. */
    readonly o2g?: PresenceBridge;
  }
}

const BridgeContext = createContext<PresenceBridge | null>(null);

export function BridgeProvider(props: { bridge: PresenceBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={props.bridge}>{props.children}</BridgeContext.Provider>;
}

export function useBridge(): PresenceBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge() outside <BridgeProvider>: no window.o2g to talk to.');
  return bridge;
}

/** The preload's bridge, or null when the page runs without it (opened in a plain browser). */
export function findWindowBridge(): PresenceBridge | null {
  return window.o2g ?? null;
}
