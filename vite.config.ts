import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { dataAssets } from './scripts/assets.js';
import { leafletCssWithoutImages, markerclusterAsModule } from './scripts/build-plugins.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// `vite build` writes the ES modules (class and `define` entry); `vite build --mode iife` writes the
// classic script for CMS pages; `vite build --mode editor` the coordinator's workbench (dist/editor.html
// and its script, which find the gazetteer and basemap next to them). `npm run build` runs all three.
export default defineConfig(({ mode }) => {
  const classic = mode === 'iife';
  const plugins = [markerclusterAsModule(), leafletCssWithoutImages()];
  // Pre-bundling would bypass markerclusterAsModule; serve it through the plugin instead.
  const optimizeDeps = { exclude: ['leaflet.markercluster'] };
  if (mode === 'editor') {
    return {
      root: here('editor'),
      base: './',
      publicDir: false,
      plugins,
      optimizeDeps,
      build: {
        outDir: here('dist'),
        emptyOutDir: false,
        target: 'es2021',
        sourcemap: true,
        rollupOptions: {
          input: here('editor/editor.html'),
          output: {
            entryFileNames: 'member-map-editor.js',
            chunkFileNames: 'member-map-editor-[name]-[hash].js',
            assetFileNames: 'member-map-editor[extname]',
          },
        },
      },
    };
  }
  return {
    plugins: [...plugins, dataAssets()],
    // A classic script has no import.meta; src/script-url.ts falls back to document.currentScript.
    define: classic ? { 'import.meta.url': 'undefined' } : {},
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
    },
  };
});
