import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// Every Node the tests start (the CLI, browser mode, the core's workers from the sources) finds
// the modules an earlier one compiled, types stripped: the unit tests take a sixth less time.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'node-compile-cache');

export default defineConfig({
  test: {
    // The tests' processes, and the core's workers they start from the sources, load date-fns half
    // a second sooner (see the hook).
    execArgv: [
      '--import',
      pathToFileURL(resolve(import.meta.dirname, 'src/main/module-format-hook.mjs')).href,
    ],
    testTimeout: 20_000,
    // Hooks start workspaces and worker threads from the sources: seconds each on a loaded machine.
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: ['test/unit/dom/**'] },
      },
      {
        // The renderer's stores and components, compiled by Svelte for the browser, in jsdom.
        extends: true,
        plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') }), svelteTesting()],
        test: {
          name: 'dom',
          include: ['test/unit/dom/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['test/unit/dom/setup.ts'],
        },
      },
    ],
  },
});
