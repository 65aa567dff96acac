/**
 * Size of the call popup's entry as the built renderer ships it (plain Node, bench process): the
 * scripts and styles popup.html references, plus every chunk those scripts import statically
 * (what must load before the popup can show), each gzipped on its own as a server would.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

const HTML_ASSET = /<(?:script|link)\b[^>]*?\b(?:src|href)="(\.?\/?assets\/[^"]+\.(?:js|css))"/g;
const STATIC_IMPORT =
  /\bfrom\s*["'](\.{1,2}\/[^"']+\.js)["']|\bimport\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

/** Files of the popup entry, relative to `rendererDir`, with raw and gzip sizes. */
export async function popupEntryFiles(rendererDir: string): Promise<BundleFile[]> {
  const html = await readFile(join(rendererDir, 'popup.html'), 'utf8');
  const queue = [...html.matchAll(HTML_ASSET)].map((m) => normalize(m[1] ?? ''));
  if (!queue.some((file) => file.endsWith('.js'))) {
    throw new Error('bench: dist/renderer/popup.html references no script; is the build complete?');
  }
  const seen = new Map<string, BundleFile>();
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    const content = await readFile(join(rendererDir, file));
    seen.set(file, { file, bytes: content.length, gzipBytes: gzipSync(content).length });
    if (!file.endsWith('.js')) continue;
    for (const m of content.toString('utf8').matchAll(STATIC_IMPORT)) {
      queue.push(normalize(join(dirname(file), m[1] ?? m[2] ?? '')));
    }
  }
  return [...seen.values()];
}
