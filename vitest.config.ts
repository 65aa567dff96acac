import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const electronStub = fileURLToPath(new URL('./test/electron-stub/index.ts', import.meta.url));

export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        // Pure code, the gateway engine, the simulator and the Electron shell (with `electron`
        // aliased to a strict typed stub so a forgotten mock can never start a download).
        resolve: { alias: { electron: electronStub } },
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/renderer/**', 'test/browser/**', 'test/electron-smoke/**'],
          testTimeout: 20_000,
          // electron-store imports `electron`; inlined, it gets the stub instead of the binary.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'electron-smoke',
          environment: 'node',
          include: ['test/electron-smoke/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
