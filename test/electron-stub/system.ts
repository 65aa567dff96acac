/**
 * Test-only: screen, safeStorage, protocol, shell, clipboard and dialog of the Electron stub.
 * Tests choose the displays and cursor, the keychain backend and the file-dialog answer.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type * as Electron from 'electron';
import { assertReady, resetHooks, stubState } from './state.js';

// ---- screen ----------------------------------------------------------------------------------

export interface StubDisplay {
  id: number;
  bounds: Electron.Rectangle;
  workArea: Electron.Rectangle;
  scaleFactor: number;
}

const screenState = {
  displays: [
    {
      id: 1,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      scaleFactor: 1,
    },
  ] as StubDisplay[],
  cursor: { x: 10, y: 10 } as Electron.Point,
};

export function setDisplays(displays: StubDisplay[], cursor: Electron.Point): void {
  screenState.displays = displays;
  screenState.cursor = cursor;
}

function contains(rect: Electron.Rectangle, point: Electron.Point): boolean {
  const { x, y, width, height } = rect;
  return point.x >= x && point.x < x + width && point.y >= y && point.y < y + height;
}

export const screen = {
  getAllDisplays(): Electron.Display[] {
    assertReady('screen');
    return screenState.displays as Electron.Display[];
  },
  getPrimaryDisplay(): Electron.Display {
    assertReady('screen');
    return screenState.displays[0] as Electron.Display;
  },
  getCursorScreenPoint(): Electron.Point {
    assertReady('screen');
    return screenState.cursor;
  },
  getDisplayNearestPoint(point: Electron.Point): Electron.Display {
    assertReady('screen');
    const hit = screenState.displays.find((d) => contains(d.bounds, point));
    return (hit ?? screenState.displays[0]) as Electron.Display;
  },
} satisfies Partial<Electron.Screen>;

// ---- safeStorage -----------------------------------------------------------------------------

type Backend = ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>;
export const safeStorageRecord = {
  backend: 'gnome_libsecret' as Backend,
  available: true,
  key: randomBytes(32),
};

export const safeStorage = {
  isEncryptionAvailable(): boolean {
    // Electron answers false on Linux before ready; the stub is stricter and throws.
    assertReady('safeStorage');
    return safeStorageRecord.available;
  },
  getSelectedStorageBackend(): Backend {
    assertReady('safeStorage');
    return safeStorageRecord.backend;
  },
  encryptString(plainText: string): Buffer {
    assertReady('safeStorage');
    if (!safeStorageRecord.available) throw new Error('Encryption is not available (stub)');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', safeStorageRecord.key, iv);
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from('v11'), iv, cipher.getAuthTag(), body]);
  },
  decryptString(encrypted: Buffer): string {
    assertReady('safeStorage');
    if (encrypted.subarray(0, 3).toString() !== 'v11') throw new Error('Not stub ciphertext');
    const iv = encrypted.subarray(3, 15);
    const decipher = createDecipheriv('aes-256-gcm', safeStorageRecord.key, iv);
    decipher.setAuthTag(encrypted.subarray(15, 31));
    return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString();
  },
} satisfies Partial<Electron.SafeStorage>;

// ---- protocol --------------------------------------------------------------------------------

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export const protocolRecord = {
  privileged: [] as Electron.CustomScheme[],
  handlers: new Map<string, ProtocolHandler>(),
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    if (stubState.ready) throw new Error('registerSchemesAsPrivileged must be called before ready');
    protocolRecord.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    assertReady('protocol.handle');
    protocolRecord.handlers.set(scheme, handler);
  },
} satisfies Partial<Electron.Protocol>;

/** Fetches a URL through the registered custom-protocol handler, as a renderer would. */
export async function fetchThroughProtocol(url: string): Promise<Response> {
  const handler = protocolRecord.handlers.get(new URL(url).protocol.replace(/:$/, ''));
  if (!handler) throw new Error(`No protocol handler for ${url}`);
  return handler(new Request(url));
}

// ---- shell, clipboard, dialog ----------------------------------------------------------------

export const shellRecord = { external: [] as string[], opened: [] as string[] };
export const shell = {
  async openExternal(url: string): Promise<void> {
    shellRecord.external.push(url);
  },
  async openPath(path: string): Promise<string> {
    shellRecord.opened.push(path);
    return '';
  },
} satisfies Partial<Electron.Shell>;

export const clipboardRecord = { texts: [] as string[] };
export const clipboard = {
  async writeText(text: string): Promise<void> {
    clipboardRecord.texts.push(text);
  },
} satisfies Partial<Electron.Clipboard>;

export const dialogRecord = {
  messages: [] as Electron.MessageBoxOptions[],
  openRequests: [] as Electron.OpenDialogOptions[],
  openResult: { canceled: true, filePaths: [] } as Electron.OpenDialogReturnValue,
};
export const dialog = {
  async showMessageBox(
    windowOrOptions: Electron.BaseWindow | Electron.MessageBoxOptions,
    options?: Electron.MessageBoxOptions,
  ): Promise<Electron.MessageBoxReturnValue> {
    assertReady('dialog');
    dialogRecord.messages.push(options ?? (windowOrOptions as Electron.MessageBoxOptions));
    return { response: 0, checkboxChecked: false };
  },
  async showOpenDialog(
    windowOrOptions: Electron.BaseWindow | Electron.OpenDialogOptions,
    options?: Electron.OpenDialogOptions,
  ): Promise<Electron.OpenDialogReturnValue> {
    assertReady('dialog');
    dialogRecord.openRequests.push(options ?? (windowOrOptions as Electron.OpenDialogOptions));
    return dialogRecord.openResult;
  },
} satisfies Partial<Electron.Dialog>;

resetHooks.push(() => {
  setDisplays(
    [
      {
        id: 1,
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        workArea: { x: 0, y: 0, width: 1920, height: 1040 },
        scaleFactor: 1,
      },
    ],
    { x: 10, y: 10 },
  );
  safeStorageRecord.backend = 'gnome_libsecret';
  safeStorageRecord.available = true;
  protocolRecord.privileged = [];
  protocolRecord.handlers.clear();
  shellRecord.external = [];
  shellRecord.opened = [];
  clipboardRecord.texts = [];
  dialogRecord.openRequests = [];
  dialogRecord.messages = [];
  dialogRecord.openResult = { canceled: true, filePaths: [] };
});
