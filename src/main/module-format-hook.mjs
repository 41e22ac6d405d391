/**
 * Loading the sources in Node (the command line, the tests, the core's workers from the sources):
 * tells Node at once where date-fns's files are and that they are ES modules.
 *
 * To resolve `date-fns/format`, Node reads date-fns's `package.json` (200 KB) for its exports; to
 * tell a `.js` file's format, it parses that `package.json` anew for every file it resolves, and
 * date-fns's functions import a hundred of its files: half a second of every command line's start
 * went there. The whole package is `"type": "module"`; each function's export `./<name>` is the
 * file `<name>.js`, and its files import each other by relative paths ending in `.js`. So once
 * Node has resolved one function (which tells where the package is), a function imported by the
 * sources, and any relative `.js` import between date-fns's files, is an ES module at a URL known
 * at once. Anything else is resolved by Node as before. The built app bundles date-fns and needs
 * none of this.
 */
import { registerHooks } from 'node:module';

const IN_DATE_FNS = /\/node_modules\/date-fns\/[^?#]*$/;
const FUNCTION = /^date-fns\/([A-Za-z]+)$/;

/** date-fns's folder, from Node's first resolution of one of its functions. */
let dateFns = null;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const { parentURL } = context;
    if (!parentURL?.startsWith('file:')) return nextResolve(specifier, context);
    const name = FUNCTION.exec(specifier)?.[1];
    if (name && !parentURL.includes('/node_modules/')) {
      if (dateFns) return { url: new URL(`${name}.js`, dateFns).href, format: 'module', shortCircuit: true };
      const resolved = nextResolve(specifier, context);
      dateFns = new URL('./', resolved.url);
      return resolved;
    }
    if (IN_DATE_FNS.test(parentURL) && /^\.\.?\/.*\.js$/.test(specifier)) {
      const url = new URL(specifier, parentURL).href;
      if (IN_DATE_FNS.test(url)) return { url, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
