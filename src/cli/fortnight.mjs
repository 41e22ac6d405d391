#!/usr/bin/env node
/**
 * The command line: `npm run cli -- <command>` or `fortnight <command>`.
 *
 * Plain JavaScript, so that Node turns its compile cache on before it reads any TypeScript: from
 * the second command on, the modules come compiled and stripped of their types from the temp
 * folder, and a command starts in three quarters of the time. The module-format hook spares
 * Node half a second of reading date-fns's package.json (see it).
 */
import { enableCompileCache } from 'node:module';
import '../main/module-format-hook.mjs';

enableCompileCache();
await import('./commands.ts');
