/**
 * A `window.o2g` for pages in headless Chromium, implemented by forwarding to Node: requests go
 * through a Playwright binding to a Node-side host (the stand-in for Electron's main process),
 * pushes come back through `page.evaluate`. The page sees exactly the PresenceBridge shape the
 * preload exposes. Node side, for browser tests and the screenshot script.
 */
import type { BrowserContext } from 'playwright-core';
import type { EventChannel, EventMap, RequestChannel } from '../../shared/ipc/channels.js';

export interface BridgeHost {
  request(channel: RequestChannel, payload: unknown): Promise<unknown>;
}

/**
 * Runs inside the page before any of its scripts. Kept as source text, not a function: a
 * transpiler (tsx, vitest) may decorate a function with helpers that do not exist in the page.
 */
const PAGE_BRIDGE_SCRIPT = `(() => {
  const listeners = new Map();
  const bridge = Object.freeze({
    request: (channel, payload) => window.__o2gRequest(channel, payload),
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
      return () => void set.delete(listener);
    },
  });
  Object.defineProperty(window, 'o2g', { value: bridge, enumerable: true });
  Object.defineProperty(window, '__o2gPush', {
    value: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
  });
})();`;

export async function installBridge(context: BrowserContext, host: BridgeHost): Promise<void> {
  await context.exposeBinding('__o2gRequest', (_source, channel: RequestChannel, payload) =>
    host.request(channel, payload),
  );
  await context.addInitScript({ content: PAGE_BRIDGE_SCRIPT });
}

/** Sends a push to every open page of the context, as main's webContents.send would. */
export async function pushToPages<E extends EventChannel>(
  context: BrowserContext,
  channel: E,
  payload: EventMap[E],
): Promise<void> {
  await Promise.all(
    context.pages().map((page) =>
      page
        .evaluate(
          ([name, body]) => {
            const push = (window as unknown as { __o2gPush?: (c: string, p: unknown) => void })
              .__o2gPush;
            push?.(name, body);
          },
          [channel, payload] as const,
        )
        // A page that is closing or navigating misses the push, like a closed window would.
        .catch(() => undefined),
    ),
  );
}
