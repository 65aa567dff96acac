/**
 * The built renderer, as the browser tests and the screenshot script load it (Node side): a Vite
 * build into a git-ignored folder, served from 127.0.0.1 with the CSP header the Electron shell's
 * app:// protocol sends, so an inline script or a network call fails here as it would there.
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/app-protocol.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const TEST_OUTPUT = join(REPO_ROOT, 'test-output');

/**
 * The header the Electron shell's app:// protocol sends. The pages add their own stricter meta
 * tag; the browser enforces both, exactly as in the app.
 */
export const RENDERER_CSP = CONTENT_SECURITY_POLICY;

/**
 * Builds renderer/ with its own Vite config into a fresh folder under test-output/, as
 * `npm run build` does. Vitest runs
 * with NODE_ENV=test, which would make Vite bundle React's development build; the production
 * build is the one the app ships and the one measured here.
 */
export async function buildRenderer(): Promise<string> {
  // A folder of its own per build: two test runs at once must not empty each other's pages.
  await mkdir(TEST_OUTPUT, { recursive: true });
  const outDir = await mkdtemp(join(TEST_OUTPUT, 'renderer-build-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(REPO_ROOT, 'renderer/vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

export async function removeBuild(outDir: string | undefined): Promise<void> {
  if (outDir) await rm(outDir, { recursive: true, force: true });
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
