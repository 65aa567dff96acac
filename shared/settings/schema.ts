/**
 * The user's settings as stored and as edited. Pure: the Electron store (main process) and the
 * settings form (renderer) both validate against these schemas. The password is never part of
 * it: the main process keeps it apart as OS-keychain ciphertext.
 */
import { z } from 'zod';

export const SETTINGS_SCHEMA_VERSION = 1;

export const accessModeSchema = z.enum(['auto', 'private', 'public']);
export type AccessMode = z.infer<typeof accessModeSchema>;

export const languageSchema = z.enum(['system', 'en', 'fr']);
export type LanguageSetting = z.infer<typeof languageSchema>;

export const gatewaySettingsSchema = z.object({
  /** host, host:port or URL; empty when the user has not configured a gateway yet. */
  server: z.string().trim().max(512),
  login: z.string().trim().max(128),
  accessMode: accessModeSchema,
  /** Extra CA files (PEM) to trust on top of the system store. */
  caFiles: z.array(z.string().max(4096)).max(8),
  /** Explicit proxy URL; empty means the environment's HTTPS_PROXY / HTTP_PROXY / NO_PROXY. */
  proxy: z.string().trim().max(512),
});
export type GatewaySettings = z.infer<typeof gatewaySettingsSchema>;

export const alertSettingsSchema = z.object({
  popups: z.boolean(),
  notifications: z.boolean(),
  /** Seconds after which a popup dismisses itself; 0 = never. */
  autoDismissSeconds: z.number().int().min(0).max(600),
  /** e.g. https://crm.example/search?phone={number}; empty = no CRM button. */
  crmUrlTemplate: z.string().trim().max(1024),
});
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

export const settingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  gateway: gatewaySettingsSchema,
  alerts: alertSettingsSchema,
  startAtLogin: z.boolean(),
  language: languageSchema,
  /** The user chose the built-in simulator instead of a real gateway. */
  demoMode: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  schemaVersion: SETTINGS_SCHEMA_VERSION,
  gateway: { server: '', login: '', accessMode: 'auto', caFiles: [], proxy: '' },
  alerts: { popups: true, notifications: true, autoDismissSeconds: 0, crmUrlTemplate: '' },
  startAtLogin: false,
  language: 'system',
  demoMode: false,
};

/** Which fields an administrator's policy file has locked (the form shows them read-only). */
export const lockedFieldsSchema = z.array(z.enum(['server', 'accessMode', 'caFiles']));
export type LockedField = z.infer<typeof lockedFieldsSchema>[number];
