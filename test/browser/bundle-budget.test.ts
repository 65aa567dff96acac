/**
 * Size of the built renderer: the popup must appear within a ring, so everything popup.html
 * loads (scripts, preloaded chunks, styles) stays under 250 KB gzipped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRenderer, removeBuild } from './renderer-site.js';

const POPUP_BUDGET_BYTES = 250 * 1024;
let built: string;

beforeAll(async () => {
  built = await buildRenderer();
});

afterAll(async () => {
  await removeBuild(built);
});

async function gzippedLoad(page: string): Promise<{ files: string[]; bytes: number }> {
  const html = await readFile(join(built, page), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  let bytes = gzipSync(html).length;
  for (const file of files) bytes += gzipSync(await readFile(join(built, file))).length;
  return { files, bytes };
}

describe('renderer bundle', () => {
  it('keeps the popup under its 250 KB gzip budget', async () => {
    const popup = await gzippedLoad('popup.html');
    expect(popup.files.some((file) => file.endsWith('.js'))).toBe(true);
    console.info(
      `popup.html loads ${popup.files.length} files, ${(popup.bytes / 1024).toFixed(1)} KB gzipped`,
    );
    expect(popup.bytes).toBeLessThan(POPUP_BUDGET_BYTES);
  });

  it('builds the three pages with relative asset paths', async () => {
    for (const page of ['index.html', 'popup.html', 'settings.html']) {
      const html = await readFile(join(built, page), 'utf8');
      expect(html).not.toMatch(/(?:src|href)="\/(?!\/)/);
      expect(html).toContain('./assets/');
    }
  });
});
