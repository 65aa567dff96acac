/**
 * Build step (plain Node, run by scripts/build.ts or `npm run icons`): renders the SVG sources
 * in assets/icons/ into assets/generated/: per tray state a 16/24/32/48 px PNG set, a Linux
 * 24 px PNG with its 48 px @2x, a macOS Template pair (16 px and @2x) and a multi-size Windows
 * .ico; the taskbar overlay; the app icon as PNG (512, 256) and .ico. Deterministic: the same
 * sources give the same bytes.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = join(root, 'assets', 'icons');

export const TRAY_ICON_STATES = ['free', 'ringing', 'busy', 'dnd', 'offline', 'unknown'] as const;
const TRAY_SIZES = [16, 24, 32, 48] as const;
const APP_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

function render(svg: string, size: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    // No system fonts: the icons draw no text, and this keeps the output machine-independent.
    font: { loadSystemFonts: false },
    shapeRendering: 2,
  });
  return Buffer.from(resvg.render().asPng());
}

async function source(name: string): Promise<string> {
  return readFile(join(sources, `${name}.svg`), 'utf8');
}

async function trayIcons(dir: string): Promise<string[]> {
  const written: string[] = [];
  const put = async (name: string, bytes: Buffer): Promise<void> => {
    await writeFile(join(dir, name), bytes);
    written.push(name);
  };

  for (const state of TRAY_ICON_STATES) {
    const colour = await source(`tray-${state}`);
    const pngs = TRAY_SIZES.map((size) => render(colour, size));
    for (const [index, size] of TRAY_SIZES.entries())
      await put(`tray-${state}-${size}.png`, pngs[index]!);
    await put(`tray-${state}.png`, pngs[1]!);
    await put(`tray-${state}@2x.png`, pngs[3]!);
    await put(`tray-${state}.ico`, await pngToIco(pngs));

    const template = await source(`tray-${state}-template`);
    await put(`tray-${state}Template.png`, render(template, 16));
    await put(`tray-${state}Template@2x.png`, render(template, 32));
  }

  const overlay = await source('overlay-missed');
  await put('overlay-missed.png', render(overlay, 16));
  await put('overlay-missed@2x.png', render(overlay, 32));
  return written;
}

async function appIcons(dir: string): Promise<string[]> {
  const svg = await source('app');
  const big = render(svg, 512);
  const medium = render(svg, 256);
  const files: Array<[string, Buffer]> = [
    ['icon-512.png', big],
    ['icon-256.png', medium],
    // electron-builder's Linux icon folder names files by size.
    ['512x512.png', big],
    ['256x256.png', medium],
    ['icon.ico', await pngToIco(APP_ICO_SIZES.map((size) => render(svg, size)))],
  ];
  for (const [name, bytes] of files) await writeFile(join(dir, name), bytes);
  return files.map(([name]) => name);
}

/** Renders every icon into `outDir` (default assets/generated); returns the files written. */
export async function buildIcons(outDir = join(root, 'assets', 'generated')): Promise<string[]> {
  const trayDir = join(outDir, 'tray');
  const appDir = join(outDir, 'app');
  await mkdir(trayDir, { recursive: true });
  await mkdir(appDir, { recursive: true });
  const [tray, app] = await Promise.all([trayIcons(trayDir), appIcons(appDir)]);
  return [...tray.map((f) => `tray/${f}`), ...app.map((f) => `app/${f}`)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  buildIcons().then(
    (files) => {
      const ms = Math.round(performance.now() - started);
      console.log(`icons: ${files.length} files in assets/generated (${ms} ms)`);
    },
    (error: unknown) => {
      console.error('icons failed:', error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
