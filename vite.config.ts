import { defineConfig } from 'vite';
import { dataAssets } from './scripts/assets.js';
import { leafletCssWithoutImages, markerclusterAsModule } from './scripts/build-plugins.js';

// `vite build` writes the ES modules (class and `define` entry); `vite build --mode iife` writes the
// classic script for CMS pages. `npm run build` runs both.
export default defineConfig(({ mode }) => {
  const classic = mode === 'iife';
  return {
    plugins: [markerclusterAsModule(), leafletCssWithoutImages(), dataAssets()],
    // A classic script has no import.meta; src/map/basemap.ts falls back to document.currentScript.
    define: classic ? { 'import.meta.url': 'undefined' } : {},
    // Pre-bundling would bypass markerclusterAsModule; serve it through the plugin instead.
    optimizeDeps: { exclude: ['leaflet.markercluster'] },
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
