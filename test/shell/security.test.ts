// App-wide security: the app:// protocol serves only dist/renderer with a strict CSP; no
// renderer may navigate, open windows, attach webviews or get permissions; URLs reach the system
// browser only parsed, allow-listed and re-serialised; every window is locked down.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app as electronApp, BrowserWindow as ElectronWindow } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  resolveRendererFile,
} from '../../electron/main/security/app-protocol.js';
import { allowedExternalUrl, crmUrlFor } from '../../electron/main/security/external-links.js';
import { guardAllWebContents } from '../../electron/main/security/web-contents-guard.js';
import { createSecureWindowFactory } from '../../electron/main/windows/secure-window.js';
import {
  BrowserWindow,
  emitReady,
  fetchThroughProtocol,
  protocol,
  resetElectronStub,
  session,
  shell,
  shellRecord,
} from '../electron-stub/index.js';
import { recordingLog } from './recording-log.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'o2g-renderer-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>O2G</title>');
  await writeFile(join(root, 'assets', 'popup.js'), 'console.log(1)');
  await writeFile(join(root, '..', 'secret.txt'), 'outside');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(join(root, '..', 'secret.txt'), { force: true });
});
beforeEach(() => {
  resetElectronStub();
  emitReady();
});

describe('app:// protocol', () => {
  it('serves renderer files with the strict CSP, nosniff and a content type', async () => {
    protocol.handle('app', createAppProtocolHandler(root));
    const page = await fetchThroughProtocol('app://o2g/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = page.headers.get('content-security-policy');
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "connect-src 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>O2G</title>');
    const script = await fetchThroughProtocol('app://o2g/assets/popup.js?v=1');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://o2g/../secret.txt',
    'app://o2g/%2e%2e/secret.txt',
    'app://o2g/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://o2g/..%5csecret.txt',
    'app://o2g/index.html%00.png',
    'app://other/index.html',
    'app://o2g/%E0%A4%A',
    'https://o2g/index.html',
    'app://o2g/missing.html',
  ])('refuses %s with a 404 (never a file outside dist/renderer)', async (url) => {
    const file = resolveRendererFile(root, url);
    if (file !== null) expect(file.startsWith(`${root}/`)).toBe(true);
    const response = await createAppProtocolHandler(root)(new Request(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('maps the bare origin to index.html', () => {
    expect(resolveRendererFile(root, 'app://o2g/')).toBe(join(root, 'index.html'));
  });

  it('cannot be handled before ready, like Electron', () => {
    resetElectronStub();
    expect(() => protocol.handle('app', createAppProtocolHandler(root))).toThrow(
      /before the app is ready/,
    );
  });
});

describe('app-wide denials', () => {
  function guarded() {
    guardAllWebContents(electronApp, session.defaultSession, shell, recordingLog().log);
    return new BrowserWindow({}).webContents;
  }

  function preventable() {
    const event = {
      defaultPrevented: false,
      preventDefault: () => (event.defaultPrevented = true),
    };
    return event;
  }

  it('denies navigation; an allow-listed https link opens in the browser instead', async () => {
    const contents = guarded();
    const toEvil = preventable();
    contents.emit('will-navigate', toEvil, 'file:///etc/passwd');
    const toDocs = preventable();
    contents.emit('will-navigate', toDocs, 'https://docs.example/help');
    const redirect = preventable();
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    const subframe = { ...preventable(), isMainFrame: false, url: 'https://evil.example/' };
    subframe.preventDefault = () => (subframe.defaultPrevented = true);
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.defaultPrevented).toBe(true);
    await Promise.resolve();
    expect([toEvil.defaultPrevented, toDocs.defaultPrevented, redirect.defaultPrevented]).toEqual([
      true,
      true,
      true,
    ]);
    expect(shellRecord.external).toEqual(['https://docs.example/help']);
  });

  it('denies window.open, sending allow-listed URLs to the browser', async () => {
    const contents = guarded();
    const open = (url: string) =>
      contents.windowOpenHandler!({
        url,
        frameName: '',
        features: '',
        disposition: 'new-window',
        referrer: { url: '', policy: 'no-referrer' },
      });
    expect(open('https://crm.example/x')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(shellRecord.external).toEqual(['https://crm.example/x']);
  });

  it('denies webviews and every permission request and check', () => {
    const contents = guarded();
    const webview = preventable();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);

    const answers: boolean[] = [];
    const request = session.defaultSession.permissionRequestHandler!;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'] as const) {
      request(contents as never, permission, (granted) => answers.push(granted), {} as never);
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(
      session.defaultSession.permissionCheckHandler!(null, 'media', 'app://o2g', {} as never),
    ).toBe(false);
  });
});

describe('openExternal allow-list', () => {
  it.each([
    ['https://crm.example/search?phone=1', 'https://crm.example/search?phone=1'],
    ['HTTPS://CRM.example/a b', 'https://crm.example/a%20b'],
    ['http://localhost:8080/crm', 'http://localhost:8080/crm'],
    ['http://127.0.0.1/x', 'http://127.0.0.1/x'],
    ['http://crm.example/', null],
    ['file:///C:/Windows/System32/calc.exe', null],
    ['javascript:alert(1)', null],
    ['ms-settings:privacy', null],
    ['smb://server/share', null],
    ['https://user:pass@crm.example/', null],
    ['not a url', null],
  ])('%s -> %s', (input, expected) => {
    expect(allowedExternalUrl(input)).toBe(expected);
  });

  it('fills the CRM template with the URL-encoded number, and refuses unsafe templates', () => {
    const template = 'https://crm.example/search?phone={number}';
    expect(crmUrlFor(template, '+33 2 98 76 54 32')).toBe(
      'https://crm.example/search?phone=%2B33%202%2098%2076%2054%2032',
    );
    expect(crmUrlFor(template, '0240&admin=1#x')).toBe(
      'https://crm.example/search?phone=0240%26admin%3D1%23x',
    );
    expect(crmUrlFor(template, null)).toBeNull();
    expect(crmUrlFor('', '0240')).toBeNull();
    expect(crmUrlFor('https://crm.example/search', '0240')).toBeNull();
    expect(crmUrlFor('file:///{number}', '0240')).toBeNull();
  });
});

describe('secure window factory', () => {
  it('locks web preferences whatever the caller passes', () => {
    const factory = createSecureWindowFactory(ElectronWindow, '/app/preload.cjs');
    const sneaky = { width: 10, webPreferences: { nodeIntegration: true, sandbox: false } };
    const window = factory.create(sneaky as never) as unknown as BrowserWindow;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/app/preload.cjs',
    });
  });

  it('cannot create a window before ready, like Electron', () => {
    resetElectronStub();
    expect(() => new BrowserWindow({})).toThrow(/before the app is ready/);
  });
});
