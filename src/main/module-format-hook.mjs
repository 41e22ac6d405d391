/**
 * Loading the sources in Node (the command line, the tests, the core's workers from the sources):
 * tells Node at once that date-fns's files are ES modules.
 *
 * To tell a `.js` file's format, Node parses its package's `package.json` anew for every file it
 * resolves. date-fns's is 200 KB, and its functions import a hundred of its files: a third of a
 * second of every command line's start went there. Its files import each other by relative paths
 * ending in `.js`, and the whole package is `"type": "module"`, so such an import is an ES module
 * at that URL; anything else is resolved by Node as before. The built app bundles date-fns and
 * needs none of this.
 */
import { registerHooks } from 'node:module';

const DATE_FNS = /\/node_modules\/date-fns\/[^?#]*$/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const { parentURL } = context;
    if (
      parentURL?.startsWith('file:') &&
      DATE_FNS.test(parentURL) &&
      (specifier.startsWith('./') || specifier.startsWith('../')) &&
      specifier.endsWith('.js')
    ) {
      const url = new URL(specifier, parentURL).href;
      if (DATE_FNS.test(url)) return { url, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
  },
});
