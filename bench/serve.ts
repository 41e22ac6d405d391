/**
 * Browser mode for the benchmark, in its own process (so the client's work never shares the
 * server's event loop): `node bench/serve.ts --db FILE`. It serves the built renderer as
 * `npm run web` does, without `scripts/start.ts`'s rebuild check, and prints the same line:
 * `Fortnight is running in browser mode at <url>`.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveBrowserMode } from '../src/main/web/serve.ts';

const { values } = parseArgs({ options: { db: { type: 'string' } } });
if (!values.db) {
  console.error('Usage: node bench/serve.ts --db FILE');
  process.exit(2);
}
await serveBrowserMode({
  dbFile: resolve(values.db),
  port: 0,
  open: false,
  rendererDir: join(import.meta.dirname, '..', 'out', 'renderer'),
});
