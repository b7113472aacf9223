// The data files that sit next to the built script (the element finds them relative to its own URL):
// the dev server answers them wherever they are asked for, the build writes them into dist/.
import { readFileSync } from 'node:fs';
import { BASEMAP_FILE, buildBasemap } from './basemap.js';

export const PLACES_FILE = 'member-map-places.json';

/** The committed places file (scripts/gazetteer.js writes it). */
export const readPlaces = () => readFileSync(new URL(`../data/gazetteer/${PLACES_FILE}`, import.meta.url), 'utf8');

/** File name → its text, made on first use. */
export const ASSETS = { [BASEMAP_FILE]: buildBasemap, [PLACES_FILE]: readPlaces };

/** Vite plugin: serves the assets in the dev server and writes them next to the built script. */
export function dataAssets() {
  const cache = new Map();
  const text = (name) => cache.get(name) ?? cache.set(name, ASSETS[name]()).get(name);
  return {
    name: 'member-map:data-assets',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const name = Object.keys(ASSETS).find((file) => request.url?.split('?')[0].endsWith(`/${file}`));
        if (!name) return next();
        response.setHeader('Content-Type', 'application/json');
        response.end(text(name));
      });
    },
    generateBundle() {
      for (const name of Object.keys(ASSETS)) this.emitFile({ type: 'asset', fileName: name, source: text(name) });
    },
  };
}
