import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          // The core's worker thread, its own file beside index.js (see api/core-client.ts).
          'core-worker': resolve(import.meta.dirname, 'src/main/api/core-worker.ts'),
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
