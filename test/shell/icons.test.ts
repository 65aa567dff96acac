// The icon build step (scripts/icons.ts): every tray state at every size, a multi-size .ico,
// macOS Template pairs, the app icon, and the same bytes on every run.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIcons, TRAY_ICON_STATES } from '../../scripts/icons.js';
import { TRAY_STATES, trayImagePath } from '../../electron/main/tray/tray-images.js';

let first: string;
let second: string;
let files: string[];

beforeAll(async () => {
  first = await mkdtemp(join(tmpdir(), 'o2g-icons-'));
  second = await mkdtemp(join(tmpdir(), 'o2g-icons-'));
  files = await buildIcons(first);
  await buildIcons(second);
});
afterAll(async () => {
  await rm(first, { recursive: true, force: true });
  await rm(second, { recursive: true, force: true });
});

function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

function icoSizes(bytes: Buffer): number[] {
  expect(bytes.readUInt16LE(2)).toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => bytes.readUInt8(6 + i * 16) || 256);
}

describe('icons', () => {
  it('covers every tray state the shell can show', () => {
    expect([...TRAY_ICON_STATES].sort()).toEqual([...TRAY_STATES].sort());
  });

  it.each(TRAY_ICON_STATES)(
    '%s: PNGs at 16/24/32/48, Linux 24 + @2x 48, Template 16 + @2x 32, .ico',
    async (state) => {
      for (const size of [16, 24, 32, 48]) {
        expect(pngSize(await readFile(join(first, 'tray', `tray-${state}-${size}.png`)))).toEqual([
          size,
          size,
        ]);
      }
      expect(pngSize(await readFile(join(first, 'tray', `tray-${state}.png`)))).toEqual([24, 24]);
      expect(pngSize(await readFile(join(first, 'tray', `tray-${state}@2x.png`)))).toEqual([
        48, 48,
      ]);
      expect(pngSize(await readFile(join(first, 'tray', `tray-${state}Template.png`)))).toEqual([
        16, 16,
      ]);
      expect(pngSize(await readFile(join(first, 'tray', `tray-${state}Template@2x.png`)))).toEqual([
        32, 32,
      ]);
      expect(icoSizes(await readFile(join(first, 'tray', `tray-${state}.ico`)))).toEqual([
        16, 24, 32, 48,
      ]);
    },
  );

  it('every path the tray service asks for exists, on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      for (const state of TRAY_STATES) {
        const relative = trayImagePath('', platform, state).replace(/^[/\\]/, '');
        expect(files).toContain(relative);
      }
    }
  });

  it('app icon: 512 and 256 PNG and a .ico up to 256', async () => {
    expect(pngSize(await readFile(join(first, 'app', 'icon-512.png')))).toEqual([512, 512]);
    expect(pngSize(await readFile(join(first, 'app', 'icon-256.png')))).toEqual([256, 256]);
    expect(icoSizes(await readFile(join(first, 'app', 'icon.ico')))).toEqual([
      16, 24, 32, 48, 64, 128, 256,
    ]);
  });

  it('states look different from one another (no copy-pasted image)', async () => {
    const images = await Promise.all(
      TRAY_ICON_STATES.map((s) => readFile(join(first, 'tray', `tray-${s}-32.png`))),
    );
    expect(new Set(images.map((b) => b.toString('base64'))).size).toBe(TRAY_ICON_STATES.length);
  });

  it('is deterministic: two runs give the same bytes', async () => {
    for (const file of files) {
      expect(
        (await readFile(join(first, file))).equals(await readFile(join(second, file))),
        file,
      ).toBe(true);
    }
  });
});
