// The parts of the element that the first clustered paint does not need (the search, the list, the
// contact panel, fullscreen) are loaded when first used. The ES build splits them with `import()`; the classic
// script, which cannot split, finds them as scripts of their own next to it (member-map-<name>.js,
// built by scripts/classic-chunks.js), as it finds the basemap. Those scripts take Lit from the core
// (`lit-shim`), so that the page runs one Lit and no kilobyte of it twice.
import { css, html, nothing, render, svg, unsafeCSS } from 'lit';
import { besideScript } from '../script-url.js';
import type * as Contact from './contact.js';
import type * as Fullscreen from './fullscreen.js';
import type * as List from './list.js';
import type * as Search from './search.js';

export interface Features {
  search: typeof Search;
  list: typeof List;
  contact: typeof Contact;
  fullscreen: typeof Fullscreen;
}
export type FeatureName = keyof Features;

/** True in the classic script (vite.config.ts); false in the ES build; undeclared in the tests' unbundled modules. */
declare const __MEMBER_MAP_CLASSIC__: boolean | undefined;

const modules: { [N in FeatureName]: () => Promise<Features[N]> } = {
  search: () => import('./search.js'),
  list: () => import('./list.js'),
  contact: () => import('./contact.js'),
  fullscreen: () => import('./fullscreen.js'),
};

/** The feature's module, loading it on the first call. */
export function loadFeature<N extends FeatureName>(name: N): Promise<Features[N]> {
  const classic = typeof __MEMBER_MAP_CLASSIC__ !== 'undefined' && __MEMBER_MAP_CLASSIC__;
  return classic ? classicChunk(name) : modules[name]();
}

/** Where the classic script's chunks register themselves, by their script's URL (see scripts/classic-chunks.js). */
export const CHUNKS = Symbol.for('member-map:chunks');
/** What the chunks import as 'lit' (scripts/classic-chunks.js lists the same names). */
export const SHARED_LIT = Symbol.for('member-map:lit');

type Global = typeof globalThis & { [CHUNKS]?: Record<string, unknown>; [SHARED_LIT]?: object };
const loading = new Map<string, Promise<unknown>>();
/** Failed loads per chunk: a retry asks for it under a new URL (the browser keeps a failed script). */
const failures = new Map<string, number>();

function classicChunk<N extends FeatureName>(name: N): Promise<Features[N]> {
  const url = besideScript(`member-map-${name}.js`);
  const global = globalThis as Global;
  // The first core on the page shares its Lit; a second copy of the script finds it there.
  global[SHARED_LIT] ??= { css, html, nothing, render, svg, unsafeCSS };
  const known = global[CHUNKS]?.[url];
  if (known) return Promise.resolve(known as Features[N]);
  let promise = loading.get(url);
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      const failed = failures.get(url) ?? 0;
      const script = document.createElement('script');
      script.src = failed ? `${url}?retry=${failed}` : url;
      script.async = true;
      script.addEventListener('load', () => {
        const module = global[CHUNKS]?.[script.src];
        if (!module) return reject(new Error(`${script.src} did not register`));
        global[CHUNKS]![url] = module;
        resolve(module);
      });
      script.addEventListener('error', () => {
        script.remove();
        failures.set(url, failed + 1);
        reject(new Error(`${script.src} could not be loaded`));
      });
      document.head.append(script);
    });
    loading.set(url, promise);
    promise.catch(() => loading.delete(url));
  }
  return promise as Promise<Features[N]>;
}
