// app:// path containment under Windows path rules, where a drive letter in the URL path names
// another drive and relative() answers an absolute path instead of a `..` one.
import { win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../electron/main/security/app-protocol.js';

const root = 'C:\\Program Files\\O2G Presence\\resources\\app\\dist\\renderer';

describe('app:// on Windows paths', () => {
  it('serves a file of the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://o2g/assets/popup.js', win32)).toBe(
      `${root}\\assets\\popup.js`,
    );
    expect(resolveRendererFile(root, 'app://o2g/', win32)).toBe(`${root}\\index.html`);
  });

  it.each([
    'app://o2g/D:/secrets/passwords.txt',
    'app://o2g/D%3A/secrets/passwords.txt',
    'app://o2g/d:%2fsecrets%2fpasswords.txt',
    'app://o2g/C:/Windows/win.ini',
    'app://o2g/index.html::$DATA',
  ])('refuses %s (another drive, a drive path or a stream name)', (url) => {
    expect(resolveRendererFile(root, url, win32)).toBeNull();
  });

  it('refuses a drive-letter path on this platform too', () => {
    expect(resolveRendererFile('/opt/o2g/dist/renderer', 'app://o2g/D:/x.js')).toBeNull();
  });
});
