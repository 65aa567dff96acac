/**
 * The built renderer, as the browser tests and the screenshot script load it (Node side): a Vite
 * build into a git-ignored folder, served from 127.0.0.1 with the same strict CSP the Electron
 * shell applies, so an inline script or a network call fails here as it would there.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'vite';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const TEST_OUTPUT = join(REPO_ROOT, 'test-output');

export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Builds renderer/ with its own Vite config into `outDir` and returns it. */
export async function buildRenderer(outDir = join(TEST_OUTPUT, 'renderer-build')): Promise<string> {
  await build({
    configFile: join(REPO_ROOT, 'renderer/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface RendererSite {
  readonly origin: string;
  /** Every path the pages asked for, to prove nothing else was fetched. */
  readonly requested: string[];
  url(page: 'index.html' | 'popup.html' | 'settings.html', query?: Record<string, string>): string;
  close(): Promise<void>;
}

export async function serveRenderer(root: string): Promise<RendererSite> {
  const requested: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requested.push(path);
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) return void response.writeHead(403).end();
    stat(file).then(
      (info) => {
        if (!info.isFile()) return void response.writeHead(404).end();
        response.writeHead(200, {
          'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': RENDERER_CSP,
          'Cache-Control': 'no-store',
        });
        createReadStream(file).pipe(response);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    requested,
    url(page, query = {}) {
      const search = new URLSearchParams(query).toString();
      return `${origin}/${page}${search ? `?${search}` : ''}`;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
