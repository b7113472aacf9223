// Plugins shared by Vite (build, dev server) and Web Test Runner, so the browser tests run the
// same module graph that ships.

import { createRequire } from 'node:module';
import { basename } from 'node:path';

const MARKERCLUSTER_FILE = /leaflet\.markercluster(-src)?\.js$/;
/** The element's stylesheets: the frame's and the map's in src/styles/, each part's next to its template. */
const ELEMENT_STYLES_FILE = /src\/(styles|templates)\/[\w-]+\.styles\.ts$/;
const LEAFLET_CSS_FILE = /leaflet\/dist\/leaflet\.css$/;

/** How markercluster (1.5) waits between two chunks of a chunked `addLayers`. */
const CHUNK_PAUSE = 'setTimeout(process, this.options.chunkDelay)';
/**
 * Its replacement: after a few nested calls browsers stretch setTimeout to 4 ms or more, which adds
 * up over the hundreds of chunks of a large file; a message to ourselves starts the next task at once.
 */
const NEXT_CHUNK =
  'const chunkChannel = new MessageChannel();\nconst chunksWaiting = [];\n' +
  'chunkChannel.port1.onmessage = () => chunksWaiting.shift()();\n' +
  'const nextChunk = (process) => { chunksWaiting.push(process); chunkChannel.port2.postMessage(null); };\n';

/**
 * leaflet.markercluster is a UMD script that reads and extends a free global `L`. Wrap it as an
 * ES module with a module-local, mutable copy of Leaflet's ES namespace, so the host page's
 * `window.L` / `window.Leaflet` are never read, created or changed. Its pause between chunks
 * becomes a zero-delay task (NEXT_CHUNK).
 */
export function markerclusterAsModule() {
  return {
    name: 'member-map:markercluster-as-module',
    enforce: 'pre',
    transform(code, id) {
      if (!MARKERCLUSTER_FILE.test(id.split('?')[0])) return null;
      const head =
        "import * as LeafletNamespace from 'leaflet/dist/leaflet-src.esm.js';\n" +
        'const L = { ...LeafletNamespace };\n' +
        // Makes the UMD header take its CommonJS branch instead of writing to `self.Leaflet`.
        'const module = { exports: {} };\nconst exports = module.exports;\n' +
        NEXT_CHUNK;
      const body = code.replace(/\/\/# sourceMappingURL=.*$/m, '');
      if (!body.includes(CHUNK_PAUSE)) throw new Error(`${id}: markercluster's pause between chunks has changed`);
      return { code: `${head}${body.replace(CHUNK_PAUSE, 'nextChunk(process)')}\nexport default L;\n`, map: null };
    },
  };
}

/**
 * Leaflet's stylesheet points at PNGs (layers control, default marker) that this element never
 * uses; dropping those declarations keeps the bundle lean and guarantees no asset requests.
 */
export function withoutImageUrls(css) {
  return css.replace(/^[ \t]*(background-image|behavior):[ \t]*url\([^)]*\);?[ \t]*$/gm, '');
}

/** Vite: clean Leaflet's CSS before Vite's CSS pipeline inlines it. */
export function leafletCssWithoutImages() {
  return {
    name: 'member-map:leaflet-css-without-images',
    enforce: 'pre',
    transform(code, id) {
      if (!LEAFLET_CSS_FILE.test(id.split('?')[0])) return null;
      return { code: withoutImageUrls(code), map: null };
    },
  };
}

/**
 * The element's CSS is written readably in Lit `css` templates, one file per part; every visitor
 * downloads it, so the build minifies it (Lightning CSS, which ships with Vite): about a third of its
 * size. The templates have no interpolations, which this relies on.
 */
export function minifiedElementCss() {
  const { transform } = createRequire(createRequire(import.meta.url).resolve('vite/package.json'))('lightningcss');
  return {
    name: 'member-map:minified-element-css',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!ELEMENT_STYLES_FILE.test(file)) return null;
      const minified = code.replace(/css`([^`]*)`/g, (_, css) => {
        if (css.includes('${') || css.includes('\\')) throw new Error(`${id}: css template with interpolations or escapes`);
        const out = transform({ filename: basename(file), code: Buffer.from(css), minify: true }).code.toString();
        return `css\`${out.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\``;
      });
      return { code: minified, map: null };
    },
  };
}
