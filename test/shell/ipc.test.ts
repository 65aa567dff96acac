// Typed IPC: every request channel is handled; only a main frame of app://o2g is heard; every
// payload is validated by the channel's schema; pushes go only to live windows; the preload
// exposes exactly the bridge.
import { beforeEach, describe, expect, it } from 'vitest';
import { broadcastEvent } from '../../electron/main/ipc/event-sender.js';
import type { RequestHandlers } from '../../electron/main/ipc/request-handlers.js';
import { registerRequestHandlers } from '../../electron/main/ipc/request-handlers.js';
import { isTrustedSender } from '../../electron/main/ipc/trusted-sender.js';
import { REQUEST_CHANNELS } from '../../shared/ipc/channels.js';
import type { PresenceBridge } from '../../shared/ipc/bridge.js';
import {
  BrowserWindow,
  contextBridgeRecord,
  emitReady,
  invokeIpc,
  ipcMain,
  ipcRecord,
  resetElectronStub,
} from '../electron-stub/index.js';
import { baseView } from './fake-engine.js';
import { recordingLog } from './recording-log.js';

const ok = { ok: true } as const;

function handlers(seen: Array<[string, unknown]>): RequestHandlers {
  const record =
    <T>(channel: string, answer: T) =>
    (payload: unknown) => {
      seen.push([channel, payload]);
      return answer;
    };
  return {
    'presence:get': record('presence:get', baseView()),
    'call:answer': record('call:answer', ok),
    'call:send-to-voicemail': record('call:send-to-voicemail', ok),
    'call:copy-number': record('call:copy-number', ok),
    'call:open-crm': record('call:open-crm', ok),
    'popup:dismiss': record('popup:dismiss', ok),
    'dnd:set': record('dnd:set', ok),
    'connection:reconnect': record('connection:reconnect', ok),
    'settings:get': record('settings:get', null as never),
    'settings:save': record('settings:save', { ok: true }),
    'settings:test-connection': record('settings:test-connection', []),
    'settings:choose-ca-file': record('settings:choose-ca-file', null),
    'demo:start': record('demo:start', ok),
    'window:open-dashboard': record('window:open-dashboard', ok),
    'window:open-settings': record('window:open-settings', ok),
  };
}

const appFrame = { url: 'app://o2g/index.html', origin: 'app://o2g', parent: null };

beforeEach(() => {
  resetElectronStub();
  emitReady();
});

describe('trusted senders', () => {
  it.each([
    [
      'a foreign origin',
      { url: 'https://evil.example/', origin: 'https://evil.example', parent: null },
    ],
    ['a subframe of the app', { ...appFrame, parent: appFrame }],
    [
      'an app-looking origin with another host',
      { url: 'app://evil/index.html', origin: 'app://evil', parent: null },
    ],
    [
      'a spoofed origin string',
      { url: 'https://evil.example/', origin: 'app://o2g', parent: null },
    ],
    ['a file: page', { url: 'file:///etc/passwd', origin: 'file://', parent: null }],
    ['a frame that is gone', null],
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });

  it('accepts the main frame of app://o2g, whatever page', () => {
    expect(isTrustedSender(appFrame)).toBe(true);
    expect(isTrustedSender({ ...appFrame, url: 'app://o2g/popup.html?callRef=7001' })).toBe(true);
  });
});

describe('request handlers', () => {
  it('registers exactly one handler per channel of the map, and removes them all', () => {
    const dispose = registerRequestHandlers(ipcMain, handlers([]), recordingLog().log);
    expect([...ipcRecord.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
    dispose();
    expect(ipcRecord.handlers.size).toBe(0);
  });

  it('refuses a foreign origin and a subframe before looking at the payload', async () => {
    const seen: Array<[string, unknown]> = [];
    const { log, lines } = recordingLog();
    registerRequestHandlers(ipcMain, handlers(seen), log);

    const foreign = { url: 'https://evil.example/', origin: 'https://evil.example', parent: null };
    await expect(invokeIpc('call:answer', { callRef: '7001' }, foreign)).rejects.toThrow(/refused/);
    await expect(
      invokeIpc('dnd:set', { on: true }, { ...appFrame, parent: appFrame }),
    ).rejects.toThrow(/refused/);
    await expect(invokeIpc('presence:get', undefined, null)).rejects.toThrow(/refused/);
    expect(seen).toEqual([]);
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(3);
  });

  it.each([
    ['call:answer', {}],
    ['call:answer', { callRef: '' }],
    ['call:answer', { callRef: 'x'.repeat(129) }],
    ['call:answer', 'plain string'],
    ['dnd:set', { on: 'yes' }],
    ['presence:get', { extra: true }],
    ['settings:save', { settings: { schemaVersion: 1 } }],
    ['settings:save', { settings: null, password: 'x' }],
  ] as const)('rejects %s with payload %j', async (channel, payload) => {
    const seen: Array<[string, unknown]> = [];
    registerRequestHandlers(ipcMain, handlers(seen), recordingLog().log);
    await expect(invokeIpc(channel, payload, appFrame)).rejects.toThrow(
      new RegExp(`IPC ${channel} rejected: invalid`),
    );
    expect(seen).toEqual([]);
  });

  it('hands a valid payload to its handler, parsed, and answers with its result', async () => {
    const seen: Array<[string, unknown]> = [];
    registerRequestHandlers(ipcMain, handlers(seen), recordingLog().log);
    expect(await invokeIpc('dnd:set', { on: true }, appFrame)).toEqual(ok);
    expect(seen).toEqual([['dnd:set', { on: true }]]);
    expect(await invokeIpc('presence:get', undefined, appFrame)).toEqual(baseView());
  });
});

describe('pushes and the preload', () => {
  it('broadcasts a typed push to live windows and skips closed ones', () => {
    const open = new BrowserWindow({});
    const closed = new BrowserWindow({});
    closed.close();
    broadcastEvent(BrowserWindow.getAllWindows().concat(closed), 'presence:changed', baseView());
    expect(open.webContents.sent).toEqual([{ channel: 'presence:changed', payload: baseView() }]);
    expect(closed.webContents.sent).toEqual([]);
  });

  it('each bridge listener is removed by its own disposer, and only it', async () => {
    const { EventEmitter } = await import('node:events');
    const { createBridge } = await import('../../shared/ipc/bridge.js');
    const ipc = new EventEmitter();
    const bridge = createBridge({
      invoke: async () => undefined,
      on: (c, l) => ipc.on(c, l),
      removeListener: (c, l) => ipc.removeListener(c, l),
    });
    const first: unknown[] = [];
    const second: unknown[] = [];
    const disposeFirst = bridge.on('presence:changed', (view) => first.push(view.tray));
    bridge.on('presence:changed', (view) => second.push(view.tray));

    ipc.emit('presence:changed', {}, { ...baseView(), tray: 'busy' });
    disposeFirst();
    disposeFirst();
    ipc.emit('presence:changed', {}, { ...baseView(), tray: 'free' });
    expect(first).toEqual(['busy']);
    expect(second).toEqual(['busy', 'free']);
    expect(ipc.listenerCount('presence:changed')).toBe(1);
  });

  it('the preload exposes only window.o2g, the typed bridge', async () => {
    await import('../../electron/preload.js');
    expect([...contextBridgeRecord.exposed.keys()]).toEqual(['o2g']);
    const bridge = contextBridgeRecord.exposed.get('o2g') as PresenceBridge;
    expect(Object.keys(bridge).sort()).toEqual(['on', 'request']);
    expect(() => bridge.request('fs:read' as never, undefined as never)).toThrow(
      /Unknown request channel/,
    );
  });
});
