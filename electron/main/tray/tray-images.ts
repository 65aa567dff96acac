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

/** `generatedDir` is assets/generated: tray images in tray/, the app icon in app/. */
export function trayImagePath(generatedDir: string, platform: string, state: TrayState): string {
  if (platform === 'win32') return join(generatedDir, 'tray', `tray-${state}.ico`);
  if (platform === 'darwin') return join(generatedDir, 'tray', `tray-${state}Template.png`);
  return join(generatedDir, 'tray', `tray-${state}.png`);
}

/** The Windows taskbar overlay shown while there are missed calls. */
export function missedOverlayPath(generatedDir: string): string {
  return join(generatedDir, 'tray', 'overlay-missed.png');
}

export function appIconPath(generatedDir: string, platform: string): string {
  return join(generatedDir, 'app', platform === 'win32' ? 'icon.ico' : 'icon-512.png');
}
