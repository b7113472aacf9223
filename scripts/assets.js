// The files that sit next to the built script: the data files (the element finds them relative to its
// own URL) and the page stylesheet `member-map.css` that the snippet links. The dev server answers them
// wherever they are asked for, the build writes them into dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASEMAP_FILE, buildBasemap } from './basemap.js';
import { GAZETTEER_DIR, PLACES_FILE } from './gazetteer.js';

export { PLACES_FILE };

/** The committed places file (scripts/gazetteer.js writes it). */
export const readPlaces = () => readFileSync(join(GAZETTEER_DIR, PLACES_FILE), 'utf8');

/**
 * The sample members (data/members.geojson), beside the script so that the embed generator's preview
 * has members to show in a freshly uploaded dist/ folder that holds no members.geojson yet.
 */
export const SAMPLE_FILE = 'member-map-sample.geojson';
const readSample = () => readFileSync(new URL('../data/members.geojson', import.meta.url), 'utf8');

/** File name → its text, made on first use (all JSON). */
export const ASSETS = { [BASEMAP_FILE]: buildBasemap, [PLACES_FILE]: readPlaces, [SAMPLE_FILE]: readSample };

export const STYLESHEET_FILE = 'member-map.css';

/**
 * The page stylesheet the snippet links next to the script: it gives `<member-map>` its height before
 * the (deferred) script defines the element, so nothing below the map moves when the map appears. A
 * file, not an inline `style`, so that it works under `style-src 'self'`.
 *
 * Only `:not(:defined)`: once defined, the element's own `:host` rules take over with the same values
 * (src/styles/element.styles.ts: 480px, and 240px for `:host([teaser][href])`; a teaser without `href`
 * is the full map). A page rule on plain `member-map` would beat `:host` for good and so
 * break `hidden` and the full-screen fallback. `[hidden]` keeps the UA's `display: none` before then.
 */
export const STYLESHEET = `/* member-map: reserves the map's height until member-map.iife.js has run (no layout shift). */
member-map:not(:defined) {
  display: block;
  height: var(--member-map-height, 480px);
}
member-map[teaser][href]:not(:defined) {
  height: var(--member-map-height, 240px);
}
member-map[hidden]:not(:defined) {
  display: none;
}
`;

/** Vite plugin: serves the assets in the dev server and writes them next to the built script. */
export function dataAssets() {
  const cache = new Map();
  const text = (name) => cache.get(name) ?? cache.set(name, ASSETS[name]()).get(name);
  const path = (request) => request.url?.split('?')[0] ?? '';
  return {
    name: 'member-map:data-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (path(request).endsWith(`/${STYLESHEET_FILE}`)) {
          response.setHeader('Content-Type', 'text/css; charset=utf-8');
          response.end(STYLESHEET);
          return;
        }
        const name = Object.keys(ASSETS).find((file) => path(request).endsWith(`/${file}`));
        if (!name) return next();
        response.setHeader('Content-Type', 'application/json');
        response.end(text(name));
      });
    },
    generateBundle() {
      for (const name of Object.keys(ASSETS)) this.emitFile({ type: 'asset', fileName: name, source: text(name) });
      this.emitFile({ type: 'asset', fileName: STYLESHEET_FILE, source: STYLESHEET });
    },
  };
}
