/**
 * Preload (sandboxed renderer, bundled to dist/main/preload.cjs with only `electron` external):
 * exposes the narrow typed bridge of shared/ipc/bridge.ts as `window.o2g`, and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../shared/ipc/bridge.js';

contextBridge.exposeInMainWorld('o2g', createBridge(ipcRenderer));
