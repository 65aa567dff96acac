/**
 * Main process: IPC channels that libraries open by themselves in the main process, with no
 * check of who sends. electron-log/main writes whatever a renderer sends on its channel into the
 * log file; electron-store answers any renderer with the profile path and the app version. Our
 * renderers use neither, so both are closed: only the typed channel map, behind its
 * trusted-sender check, may reach the main process.
 */
import type { IpcMain } from 'electron';

export const LIBRARY_CHANNELS = ['__ELECTRON_LOG__', 'electron-store-get-data'] as const;

/** Call once the libraries are loaded and the settings store is open, before any window. */
export function closeLibraryChannels(
  ipcMain: Pick<IpcMain, 'removeAllListeners' | 'removeHandler'>,
): void {
  for (const channel of LIBRARY_CHANNELS) {
    ipcMain.removeAllListeners(channel);
    ipcMain.removeHandler(channel);
  }
}
