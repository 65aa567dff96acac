/**
 * The one contract between the main process and the renderers. Every channel is declared here
 * with a schema for its payload; the main-side wrappers validate with these schemas and the
 * preload exposes exactly these calls. Adding a channel means adding it here first.
 */
import { z } from 'zod';
import type { lockedFieldsSchema } from '../settings/schema.js';
import { settingsSchema } from '../settings/schema.js';
import type { PresenceView } from '../presence/types.js';
import type { EventChannel, RequestChannel } from './channel-names.js';

export { EVENT_CHANNELS, REQUEST_CHANNELS } from './channel-names.js';
export type { EventChannel, RequestChannel } from './channel-names.js';

const callRef = z.string().min(1).max(128);

/** Renderer -> main requests (ipcRenderer.invoke / ipcMain.handle), with request schemas. */
export const requestSchemas = {
  'presence:get': z.undefined(),
  'call:answer': z.object({ callRef }),
  'call:send-to-voicemail': z.object({ callRef }),
  'call:copy-number': z.object({ callRef }),
  'call:open-crm': z.object({ callRef }),
  'popup:dismiss': z.object({ callRef }),
  'dnd:set': z.object({ on: z.boolean() }),
  'connection:reconnect': z.undefined(),
  'settings:get': z.undefined(),
  'settings:save': z.object({
    settings: settingsSchema,
    /** New password; undefined keeps the stored one. */
    password: z.string().max(256).optional(),
  }),
  'settings:test-connection': z.object({
    settings: settingsSchema,
    password: z.string().max(256).optional(),
  }),
  'settings:choose-ca-file': z.undefined(),
  'demo:start': z.undefined(),
  'window:open-dashboard': z.undefined(),
  'window:open-settings': z.undefined(),
} as const;

export type RequestPayload<C extends RequestChannel> = z.infer<(typeof requestSchemas)[C]>;

/** Outcome of a user action; `message` is already worded for the user. */
export type ActionResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

export interface SettingsView {
  readonly settings: z.infer<typeof settingsSchema>;
  readonly hasPassword: boolean;
  /** False where the OS offers no real keychain: the password is asked at each start. */
  readonly canStorePassword: boolean;
  readonly locked: z.infer<typeof lockedFieldsSchema>;
}

export type SaveSettingsResult =
  { readonly ok: true } | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

/** One line of the connection doctor, as shown in "Test connection". */
export interface DoctorCheck {
  readonly id: string;
  readonly label: string;
  readonly status: 'pending' | 'ok' | 'warn' | 'fail' | 'skipped';
  readonly detail?: string;
  readonly hint?: string;
  readonly durationMs?: number;
}

/** What each request answers. */
export interface ResponseMap {
  'presence:get': PresenceView;
  'call:answer': ActionResult;
  'call:send-to-voicemail': ActionResult;
  'call:copy-number': ActionResult;
  'call:open-crm': ActionResult;
  'popup:dismiss': ActionResult;
  'dnd:set': ActionResult;
  'connection:reconnect': ActionResult;
  'settings:get': SettingsView;
  'settings:save': SaveSettingsResult;
  'settings:test-connection': readonly DoctorCheck[];
  'settings:choose-ca-file': string | null;
  'demo:start': ActionResult;
  'window:open-dashboard': ActionResult;
  'window:open-settings': ActionResult;
}

/** Main -> renderer pushes (webContents.send / ipcRenderer.on). */
export interface EventMap {
  'presence:changed': PresenceView;
  'doctor:progress': DoctorCheck;
}

// The schema-free name lists and these maps must name the same channels, both ways.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const requestNamesMatch: Same<keyof typeof requestSchemas, RequestChannel> = true;
const responseNamesMatch: Same<keyof ResponseMap, RequestChannel> = true;
const eventNamesMatch: Same<keyof EventMap, EventChannel> = true;
void [requestNamesMatch, responseNamesMatch, eventNamesMatch];
