/**
 * A fake `window.o2g` for component tests: typed from the channel map, it records every request,
 * answers from per-channel handlers, pushes events on demand and counts live listeners so tests
 * can check that unmounting removes them.
 */
import type { PresenceBridge } from '../../shared/ipc/bridge.js';
import type {
  EventChannel,
  EventMap,
  RequestChannel,
  RequestPayload,
  ResponseMap,
} from '../../shared/ipc/channels.js';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema.js';
import { presenceView } from './fixtures.js';

type Handler<C extends RequestChannel> = (
  payload: RequestPayload<C>,
) => ResponseMap[C] | Promise<ResponseMap[C]>;
type Handlers = { [C in RequestChannel]: Handler<C> };

export interface RecordedRequest {
  readonly channel: RequestChannel;
  readonly payload: unknown;
}

const OK = { ok: true } as const;

function defaultHandlers(): Handlers {
  return {
    'presence:get': () => presenceView(),
    'call:answer': () => OK,
    'call:send-to-voicemail': () => OK,
    'call:copy-number': () => OK,
    'call:open-crm': () => OK,
    'popup:dismiss': () => OK,
    'dnd:set': () => OK,
    'connection:reconnect': () => OK,
    'settings:get': () => ({
      settings: DEFAULT_SETTINGS,
      hasPassword: false,
      canStorePassword: true,
      locked: [],
    }),
    'settings:save': () => OK,
    'settings:test-connection': () => [],
    'settings:choose-ca-file': () => null,
    'demo:start': () => OK,
    'window:open-dashboard': () => OK,
    'window:open-settings': () => OK,
  };
}

export class FakeBridge implements PresenceBridge {
  readonly requests: RecordedRequest[] = [];
  private readonly handlers: Handlers = defaultHandlers();
  private readonly listeners = new Map<EventChannel, Set<(payload: never) => void>>();

  answer<C extends RequestChannel>(channel: C, handler: Handler<C>): this {
    (this.handlers as Record<C, Handler<C>>)[channel] = handler;
    return this;
  }

  request<C extends RequestChannel>(
    channel: C,
    payload: RequestPayload<C>,
  ): Promise<ResponseMap[C]> {
    this.requests.push({ channel, payload });
    const handler = this.handlers[channel] as Handler<C>;
    return Promise.resolve().then(() => handler(payload));
  }

  on<E extends EventChannel>(channel: E, listener: (payload: EventMap[E]) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    this.listeners.set(channel, set);
    set.add(listener as (payload: never) => void);
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  }

  push<E extends EventChannel>(channel: E, payload: EventMap[E]): void {
    for (const listener of this.listeners.get(channel) ?? []) {
      (listener as (payload: EventMap[E]) => void)(payload);
    }
  }

  listenerCount(channel: EventChannel): number {
    return this.listeners.get(channel)?.size ?? 0;
  }

  requestsOn<C extends RequestChannel>(channel: C): RequestPayload<C>[] {
    return this.requests
      .filter((request) => request.channel === channel)
      .map((request) => request.payload as RequestPayload<C>);
  }
}
