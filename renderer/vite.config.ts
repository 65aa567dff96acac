/**
 * Build of the three sandboxed renderer pages (dashboard, call popup, settings). Runs in Node at
 * build time only. The output is plain static files that the Electron shell loads from disk, so
 * every asset path is relative (`base: './'`).
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// Vite's config loader provides import.meta.dirname; the renderer lint forbids Node imports.
const rendererRoot = import.meta.dirname;
const page = (name: string): string => `${rendererRoot}/${name}.html`;

/**
 * The pages carry a strict CSP meta tag (no inline script, no network). The dev server needs an
 * inline preamble and a websocket for hot reload, so the tag is dropped while serving only.
 */
function strictCspOnlyInBuild(): Plugin {
  return {
    name: 'o2g-strict-csp-only-in-build',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  base: './',
  plugins: [react(), strictCspOnlyInBuild()],
  build: {
    outDir: `${rendererRoot}/../dist/renderer`,
    emptyOutDir: true,
    // Electron 45 ships a recent Chromium; no legacy syntax needed.
    target: 'chrome130',
    // Keep the popup lean: it must appear within a ring, so no module preload polyfill either.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: { dashboard: page('index'), popup: page('popup'), settings: page('settings') },
    },
  },
});
