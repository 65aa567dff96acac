/**
 * The names of every IPC channel, free of schemas, so the sandboxed preload can check a channel
 * without loading zod. `channels.ts` holds the schemas and checks at compile time that these
 * lists and its schema map name exactly the same channels.
 */

export const REQUEST_CHANNELS = [
  'presence:get',
  'call:answer',
  'call:send-to-voicemail',
  'call:copy-number',
  'call:open-crm',
  'popup:dismiss',
  'dnd:set',
  'connection:reconnect',
  'settings:get',
  'settings:save',
  'settings:test-connection',
  'settings:choose-ca-file',
  'demo:start',
  'window:open-dashboard',
  'window:open-settings',
] as const;

export const EVENT_CHANNELS = ['presence:changed', 'doctor:progress'] as const;

export type RequestChannel = (typeof REQUEST_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export function isRequestChannel(name: string): name is RequestChannel {
  return (REQUEST_CHANNELS as readonly string[]).includes(name);
}

export function isEventChannel(name: string): name is EventChannel {
  return (EVENT_CHANNELS as readonly string[]).includes(name);
}
