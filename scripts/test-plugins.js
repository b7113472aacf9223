// Web Test Runner plugins: the same module graph as the Vite build (see build-plugins.js).
import { readFile } from 'node:fs/promises';
import { fromRollup } from '@web/dev-server-rollup';
import { markerclusterAsModule, withoutImageUrls } from './build-plugins.js';

export const markercluster = fromRollup(markerclusterAsModule)();

/** Serves `import css from 'x.css?inline'` as a module whose default export is the CSS text. */
export function inlineCss() {
  return {
    name: 'member-map:inline-css',
    resolveImport({ source }) {
      // Bare specifiers such as 'leaflet/dist/leaflet.css?inline' point into node_modules.
      if (source.endsWith('.css?inline') && !/^[./]/.test(source)) return `/node_modules/${source}`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.endsWith('.css') || !context.URL.searchParams.has('inline')) return undefined;
      const file = new URL(`..${context.path}`, import.meta.url);
      const cssText = withoutImageUrls(await readFile(file, 'utf8'));
      return { body: `export default ${JSON.stringify(cssText)};`, type: 'js' };
    },
  };
}
