/**
 * `npm run audit:electron`: Electronegativity's checks over the main process and the preload.
 * Every finding must be explained in electronegativity-allow.json (the check, the file and why
 * it holds anyway); any other finding fails the run. The tool asks a web server for
 * translations of its messages at start, and one check downloads Electron's release list: a
 * stand-in for its HTTP client answers "no translation" and fails everything else at once, so it
 * runs offline and never waits on the network; the release-list check is left out (keeping
 * Electron current is `npm outdated`'s job). Its CSV reports are written to out/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  description: string;
}
interface Allowed {
  check: string;
  file: string;
  reason: string;
}

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const runner = require.resolve('@doyensec/electronegativity');
const translations = join(runner, '..', 'locales', 'i18n.js');
const gotPath = createRequire(translations).resolve('got');
const { i18nSource } = require('@doyensec/electronegativity/package.json') as { i18nSource: string };
const offline = {
  __esModule: true,
  default: (url: string) =>
    url.startsWith(i18nSource)
      ? Promise.resolve({ statusCode: 404, body: '' })
      : Promise.reject(new Error('Electronegativity runs offline here')),
};
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline } as NodeJS.Module;

const run = require(runner) as (options: Record<string, unknown>) => Promise<{ issues: Finding[] }>;
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const allowed = JSON.parse(readFileSync(join(root, 'electronegativity-allow.json'), 'utf8')) as Allowed[];

mkdirSync(join(root, 'out'), { recursive: true });
const unexplained: string[] = [];
let count = 0;
for (const folder of ['src/main', 'src/preload']) {
  const input = join(root, folder);
  const { issues } = await run({
    input,
    output: join(root, 'out', `electronegativity-${folder.replace('/', '-')}.csv`),
    isRelative: false,
    electronVersionOverride: electronVersion,
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
  });
  for (const issue of issues) {
    count++;
    // A global check about the whole folder names no file.
    const file = issue.file === 'N/A' ? `${folder} (whole folder)` : relative(root, issue.file);
    if (allowed.some((a) => a.check === issue.id && a.file === file && a.reason.trim().length > 0)) continue;
    unexplained.push(`${issue.id} ${file}:${issue.location.line}: ${issue.description}`);
  }
}
const unused = allowed.filter((a) => !a.reason.trim());
if (unused.length > 0)
  unexplained.push(...unused.map((a) => `${a.check} ${a.file}: the allow-list gives no reason`));

if (unexplained.length > 0) {
  console.error(
    `Electronegativity: ${unexplained.length} finding(s) not explained in electronegativity-allow.json:`,
  );
  for (const line of unexplained) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`Electronegativity: ${count} finding(s), each explained in electronegativity-allow.json.`);
