/**
 * The narrow API the preload exposes to renderers as `window.o2g`, and the Electron-free
 * factory that builds it from an ipcRenderer-like object. Renderers and tests use the
 * `PresenceBridge` type; only the preload calls `createBridge`.
 */
import type {
  EventChannel,
  EventMap,
  RequestChannel,
  RequestPayload,
  ResponseMap,
} from './channels.js';
import { isEventChannel, isRequestChannel } from './channel-names.js';

export interface PresenceBridge {
  request<C extends RequestChannel>(
    channel: C,
    payload: RequestPayload<C>,
  ): Promise<ResponseMap[C]>;
  /** Subscribes to a push from main; the returned disposer removes exactly this listener. */
  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** The subset of ipcRenderer the bridge needs, so the factory never imports Electron. */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function createBridge(ipc: IpcRendererLike): PresenceBridge {
  return {
    request(channel, payload) {
      if (!isRequestChannel(channel)) throw new Error(`Unknown request channel ${channel}`);
      return ipc.invoke(channel, payload) as Promise<ResponseMap[typeof channel]>;
    },
    on(channel, listener) {
      if (!isEventChannel(channel)) throw new Error(`Unknown event channel ${channel}`);
      const wrapped = (_event: unknown, payload: unknown): void => {
        listener(payload as EventMap[typeof channel]);
      };
      ipc.on(channel, wrapped);
      return () => {
        ipc.removeListener(channel, wrapped);
      };
    },
  };
}
