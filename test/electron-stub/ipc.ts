/**
 * Test-only: ipcMain, ipcRenderer and contextBridge of the Electron stub. Tests invoke a
 * registered handler as a renderer frame would, with a sender frame of their choosing (origin,
 * URL, parent), and read what the preload exposed.
 */
import type * as Electron from 'electron';
import { resetHooks } from './state.js';

type InvokeHandler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type Listener = (...args: unknown[]) => void;
export const ipcRecord = {
  handlers: new Map<string, InvokeHandler>(),
  /** ipcMain.on listeners by channel (libraries such as electron-log add their own). */
  listeners: new Map<string, Listener[]>(),
};

export const ipcMain = {
  handle(channel: string, listener: InvokeHandler): void {
    if (ipcRecord.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    ipcRecord.handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    ipcRecord.handlers.delete(channel);
  },
  on(channel: string, listener: Listener) {
    ipcRecord.listeners.set(channel, [...(ipcRecord.listeners.get(channel) ?? []), listener]);
    return ipcMain;
  },
  removeAllListeners(channel?: string) {
    if (channel === undefined) ipcRecord.listeners.clear();
    else ipcRecord.listeners.delete(channel);
    return ipcMain;
  },
} satisfies Partial<Record<keyof Electron.IpcMain, unknown>> &
  Pick<Partial<Electron.IpcMain>, 'removeHandler'>;

/** What a frame looks like to an IPC handler: its URL, origin and parent. */
export interface StubSenderFrame {
  url: string;
  origin: string;
  parent: StubSenderFrame | null;
}

/** Invokes a registered handler as a renderer frame would; rejects like ipcRenderer.invoke. */
export async function invokeIpc(
  channel: string,
  payload: unknown,
  frame: StubSenderFrame | null = {
    url: 'app://o2g/index.html',
    origin: 'app://o2g',
    parent: null,
  },
  sender: unknown = {},
): Promise<unknown> {
  const handler = ipcRecord.handlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  const event = { senderFrame: frame, sender, frameId: 1, processId: 1, type: 'frame' };
  return handler(event as unknown as Electron.IpcMainInvokeEvent, payload);
}

export const ipcRenderer = {
  invoke: async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined,
  on: () => ipcRenderer,
  removeListener: () => ipcRenderer,
};

export const contextBridgeRecord = { exposed: new Map<string, unknown>() };
export const contextBridge = {
  exposeInMainWorld(apiKey: string, api: unknown): void {
    contextBridgeRecord.exposed.set(apiKey, api);
  },
} satisfies Partial<Electron.ContextBridge>;

resetHooks.push(() => {
  ipcRecord.handlers.clear();
  ipcRecord.listeners.clear();
  contextBridgeRecord.exposed.clear();
});
