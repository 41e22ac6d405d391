/**
 * `npm start` and `npm run web` (see start.ts).
 *
 * Plain JavaScript, so that Node turns its compile cache on before it reads any TypeScript: from
 * the second start on, the code comes compiled from the temp folder, and browser mode prints its
 * address a sixth sooner.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
await import('./start.ts');
