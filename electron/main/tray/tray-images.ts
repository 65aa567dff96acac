/**
 * Main process (pure): which generated icon file the tray shows for each state, per platform.
 * Windows gets a multi-size .ico (crisp from 100 % to 200 %), macOS a monochrome Template image
 * that follows the menu bar's colour, Linux a 24 px PNG with a 48 px @2x companion. The files
 * come from assets/icons/*.svg through scripts/icons.ts.
 */
import { join } from 'node:path';
import type { TrayState } from '../../../shared/presence/types.js';

export const TRAY_STATES: readonly TrayState[] = [
  'free',
  'ringing',
  'busy',
  'dnd',
  'offline',
  'unknown',
];

export function trayImagePath(iconDir: string, platform: string, state: TrayState): string {
  if (platform === 'win32') return join(iconDir, `tray-${state}.ico`);
  if (platform === 'darwin') return join(iconDir, `tray-${state}Template.png`);
  return join(iconDir, `tray-${state}.png`);
}

/** The Windows taskbar overlay shown while there are missed calls. */
export function missedOverlayPath(iconDir: string): string {
  return join(iconDir, 'overlay-missed.png');
}

export function appIconPath(iconDir: string, platform: string): string {
  return join(iconDir, platform === 'win32' ? 'app.ico' : 'app-512.png');
}
