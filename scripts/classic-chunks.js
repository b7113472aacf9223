// `node scripts/classic-chunks.js`: the parts of the classic script that load on first use
// (src/features/load.ts), each as a classic script of its own, dist/member-map-<name>.js, next to
// dist/member-map.iife.js. A classic script cannot be split by the bundler, so each part is built on its
// own: it takes Lit from the core (which shares it on first load), and registers its exports under its
// own URL, where the core's loader finds them.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { minifiedElementCss } from './build-plugins.js';
import { licenseNotices } from './notices.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The parts, as in src/features/load.ts. */
export const CLASSIC_CHUNKS = ['search', 'list', 'contact', 'fullscreen'];
/** What the core shares of Lit (src/features/load.ts: SHARED_LIT); a chunk importing more fails to build. */
const SHARED_LIT_NAMES = ['css', 'html', 'nothing', 'render', 'svg', 'unsafeCSS'];

const LIT_ID = '\0member-map:shared-lit';
const ENTRY_PREFIX = 'member-map-chunk:';

/** 'lit' in a chunk is the core's Lit; the chunk's entry registers the part's module. */
function chunkModules() {
  return {
    name: 'member-map:classic-chunk',
    enforce: 'pre',
    resolveId(id) {
      if (id === 'lit') return LIT_ID;
      // Vite gives the entry as a path in the project's folder.
      const entry = id.indexOf(ENTRY_PREFIX);
      if (entry >= 0) return `\0${id.slice(entry)}`;
      return null;
    },
    load(id) {
      if (id === LIT_ID) {
        return `const lit = globalThis[Symbol.for('member-map:lit')];\nexport const { ${SHARED_LIT_NAMES.join(', ')} } = lit;\n`;
      }
      if (id.startsWith(`\0${ENTRY_PREFIX}`)) {
        const name = id.slice(ENTRY_PREFIX.length + 1);
        const module = JSON.stringify(`${root}src/features/${name}.ts`);
        return `import * as feature from ${module};\nconst chunks = (globalThis[Symbol.for('member-map:chunks')] ??= {});\nchunks[document.currentScript.src] = feature;\n`;
      }
      return null;
    },
  };
}

export async function buildClassicChunks() {
  for (const name of CLASSIC_CHUNKS) {
    await build({
      configFile: false,
      root,
      logLevel: 'warn',
      plugins: [chunkModules(), minifiedElementCss(), ...licenseNotices(`iife-${name}`)],
      define: { __MEMBER_MAP_CLASSIC__: 'true', __MEMBER_MAP_PHASES__: 'false', 'import.meta.url': 'undefined' },
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        target: 'es2021',
        sourcemap: true,
        lib: { entry: `${ENTRY_PREFIX}${name}`, formats: ['iife'], name: `memberMap_${name}`, fileName: () => `member-map-${name}.js` },
        // Plain ASCII, like the classic script itself (vite.config.ts, ASCII_ONLY).
        rollupOptions: { output: { charset: 'ascii' } },
      },
    });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildClassicChunks();
