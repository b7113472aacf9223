import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { dataAssets } from './scripts/assets.js';
import { licenseNotices } from './scripts/notices.js';
import { leafletCssWithoutImages, markerclusterAsModule, minifiedElementCss } from './scripts/build-plugins.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** MEMBER_MAP_PHASES=1 keeps the load's performance marks (src/phase.ts) for `npm run bench -- --phases`. */
const phases = { __MEMBER_MAP_PHASES__: JSON.stringify(process.env.MEMBER_MAP_PHASES === '1') };

/** The pages for web editors and the coordinator: each lives in its own folder, and ships flat in dist/. */
const PAGES: Record<string, { folder: string; html: string; script?: string; classic?: Record<string, string> }> = {
  editor: { folder: 'editor', html: 'editor.html' },
  embed: { folder: 'demo', html: 'embed.html' },
  // frame.html, the iframe embed. Its own script is member-map-frame-page.js, since member-map-frame.js
  // is the resizer that a page embedding the frame may add: a classic script of its own (no imports).
  frame: { folder: 'frame', html: 'frame.html', script: 'member-map-frame-page', classic: { 'member-map-frame': 'member-map-frame.js' } },
};

/**
 * In dist/ the pages sit side by side with the script, the basemap and the gazetteer, and link to each
 * other as `./editor.html` and `./embed.html`; the dev server redirects those links to the pages' own
 * folders. The embed generator's preview then reads `members.geojson` next to it (the file the
 * workbench downloads) instead of the demo's sample.
 */
function pageLinks(): Plugin {
  return {
    name: 'member-map:page-links',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        // The address `npm start` prints shows the demo.
        if (request.url === '/' || request.url?.startsWith('/?')) {
          response.writeHead(302, { Location: '/demo/' }).end();
          return;
        }
        const name = request.url?.match(/^\/(?:demo|editor)\/(editor|embed)\.html(\?.*)?$/);
        const page = name && PAGES[name[1]!];
        if (!page || request.url!.startsWith(`/${page.folder}/`)) return next();
        response.writeHead(302, { Location: `/${page.folder}/${page.html}${name[2] ?? ''}` }).end();
      });
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        if (context.server) return html; // dev server: unchanged
        return html
          .replace(/<a href="\.\/index\.html">[^<]*<\/a>\s*/, '')
          .replaceAll('../data/members.geojson', 'members.geojson')
          .replace('Voreingestellt ist die Beispieldatei dieser\n                Demo.', 'Voreingestellt ist <code>members.geojson</code> in diesem Ordner.');
      },
    },
  };
}

// `vite build` writes the ES modules (class and `define` entry); `vite build --mode iife` writes the
// classic script for CMS pages; `--mode editor` and `--mode embed` the coordinator's workbench and the
// embed generator (dist/editor.html, dist/embed.html, with their scripts, which find the gazetteer and
// the basemap next to them). `npm run build` runs them all.
/**
 * Every shipped script is plain ASCII (ä as \u00e4): a classic script takes the page's character
 * set when the server names none, and on a page in ISO-8859-1 (older CMS installations) UTF-8 text
 * broke the script with a syntax error.
 */
export const ASCII_ONLY = 'ascii' as const;

export default defineConfig(({ mode }) => {
  const classic = mode === 'iife';
  const plugins = [markerclusterAsModule(), leafletCssWithoutImages(), minifiedElementCss()];
  // Each build records what it bundled for dist/THIRD-PARTY-LICENSES.txt and the SBOM (scripts/notices.js).
  const notices = licenseNotices(PAGES[mode] ? mode : classic ? 'iife' : 'es');
  // Pre-bundling would bypass markerclusterAsModule; serve it through the plugin instead.
  const optimizeDeps = { exclude: ['leaflet.markercluster'] };
  const page = PAGES[mode];
  if (page) {
    const script = page.script ?? `member-map-${mode}`;
    const classic = Object.fromEntries(Object.entries(page.classic ?? {}).map(([name, file]) => [name, here(`${page.folder}/${file}`)]));
    return {
      root: here(page.folder),
      base: './',
      publicDir: false,
      plugins: [...plugins, ...notices, pageLinks()],
      define: { ...phases, __MEMBER_MAP_CLASSIC__: 'false' },
      optimizeDeps,
      // The workbench reads Excel files in a worker (editor/xlsx-worker.ts): flat in dist/ beside its
      // page, with its map, licence comment and notices like every shipped script.
      worker: {
        format: 'es' as const,
        plugins: () => [...licenseNotices(`${mode}-worker`)],
        rollupOptions: { output: { charset: ASCII_ONLY, sourcemap: true, entryFileNames: `${script}-[name].js`, chunkFileNames: `${script}-[name]-[hash].js` } },
      },
      build: {
        outDir: here('dist'),
        emptyOutDir: false,
        target: 'es2021',
        sourcemap: true,
        // The element's parts are small and loaded on use: no preload helper, which would also come
        // before each script's licence comment.
        modulePreload: false,
        rollupOptions: {
          input: { [script]: here(`${page.folder}/${page.html}`), ...classic },
          output: {
            charset: ASCII_ONLY,
            entryFileNames: (chunk) => `${chunk.name in classic ? chunk.name : script}.js`,
            chunkFileNames: `${script}-[name]-[hash].js`,
            assetFileNames: `${script}[extname]`,
          },
        },
      },
    };
  }
  return {
    plugins: [...plugins, ...notices, dataAssets(), pageLinks()],
    // A classic script has no import.meta; src/script-url.ts falls back to document.currentScript.
    // The classic script loads its parts as scripts of their own (src/features/load.ts, scripts/classic-chunks.js).
    define: classic ? { ...phases, __MEMBER_MAP_CLASSIC__: 'true', 'import.meta.url': 'undefined' } : { ...phases, __MEMBER_MAP_CLASSIC__: 'false' },
    optimizeDeps,
    server: { open: '/demo/' },
    build: {
      target: 'es2021',
      emptyOutDir: !classic,
      sourcemap: true,
      lib: classic
        ? { entry: 'src/define.ts', formats: ['iife'], name: 'MemberMapBundle', fileName: () => 'member-map.iife.js' }
        : {
            entry: { 'member-map': 'src/index.ts', define: 'src/define.ts' },
            formats: ['es'],
            fileName: (_format, name) => `${name}.js`,
          },
      // The ES build leaves Lit to the app's bundler (one Lit for the whole app); Leaflet and
      // markercluster stay inside, since markercluster only works through its module wrapper
      // (scripts/build-plugins.js). The classic script carries everything.
      // Its chunks (shared modules, and the parts loaded on first use) carry the package's name in dist/.
      rollupOptions: classic
        ? { output: { charset: ASCII_ONLY } }
        : { external: [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//], output: { charset: ASCII_ONLY, chunkFileNames: 'member-map-[name]-[hash].js' } },
    },
  };
});
