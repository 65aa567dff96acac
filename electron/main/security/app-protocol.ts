/**
 * Main process: the `app://o2g` protocol that serves the built renderer (dist/renderer) with a
 * strict Content-Security-Policy. Files outside the renderer folder are never served, whatever
 * the URL says.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'o2g';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** No network from any renderer: everything it needs goes through the preload's IPC bridge. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Registered before ready: standard + secure gives the scheme a real origin and storage. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** The path operations used to keep a file inside the renderer folder (win32 in tests). */
export type RendererPaths = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute'>;

/**
 * Maps an app:// URL to a file inside `root`, or null when the URL points elsewhere (another
 * host, `..` segments that escape, encoded separators, NUL bytes, a drive letter or any other
 * colon: on Windows `/D:/x` names another drive, and no renderer file has a colon in its name).
 */
export function resolveRendererFile(
  root: string,
  url: string,
  paths: RendererPaths = path,
): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(pathname)) return null;

  const relativePath = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const file = paths.resolve(root, relativePath);
  // relative() across two Windows drives answers the absolute target, not a `..` path.
  const fromRoot = paths.relative(paths.resolve(root), file);
  if (fromRoot === '' || fromRoot.startsWith('..') || paths.isAbsolute(fromRoot)) return null;
  return file;
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
}

/** The handler for protocol.handle(APP_SCHEME, ...). */
export function createAppProtocolHandler(
  root: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveRendererFile(root, request.url);
    if (!file)
      return new Response('Not found', { status: 404, headers: securityHeaders('text/plain') });

    try {
      const body = await read(file);
      const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return new Response(Buffer.from(body), { status: 200, headers: securityHeaders(type) });
    } catch {
      return new Response('Not found', { status: 404, headers: securityHeaders('text/plain') });
    }
  };
}
