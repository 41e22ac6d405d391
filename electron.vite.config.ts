import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const BUNDLED = Object.keys(
  (
    JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    }
  ).dependencies,
).filter((name) => name !== 'better-sqlite3');

export default defineConfig({
  main: {
    build: {
      // Bundled, the core's worker starts in a third of the time: Node no longer resolves and
      // reads the hundred small files of the Markdown and date libraries (better-sqlite3, a
      // native module, stays outside).
      externalizeDeps: { exclude: BUNDLED },
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The core's worker thread, its own file beside index.js (see api/core-client.ts).
          'core-worker': resolve(import.meta.dirname, 'src/main/api/core-worker.ts'),
          // The thread that reads a snapshot ahead of its loading (see sync/snapshot-reading.ts).
          'snapshot-reading-thread': resolve(import.meta.dirname, 'src/main/sync/snapshot-reading-thread.ts'),
          // Browser mode, as `npm run web` starts it from the build (scripts/start.ts).
          web: resolve(import.meta.dirname, 'src/main/web/serve.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload can't be an ES module.
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') } },
      // Each screen's script is its own file (App.svelte imports them lazily), but the styles
      // stay one file, linked from the page: no stylesheet arrives late, restyling the window.
      cssCodeSplit: false,
      // electron-vite leaves the renderer unminified; minified, each screen's file is half the
      // bytes to parse and compile on every load.
      minify: true,
    },
    plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') })],
  },
});
