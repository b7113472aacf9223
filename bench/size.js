// Bundle size: the gzip size of dist/member-map.iife.js against the gzip sizes of the libraries it
// contains, each minified on its own (Leaflet's and markercluster's own minified builds, Lit's
// production build bundled and minified by Vite here, their CSS minified by Lightning CSS). What is
// left is the element's own code and glue. `package.json` → `sizeBudget` holds the budget.
//
//   node bench/size.js           print the report
//   node bench/size.js --check   also exit 1 when a file exceeds its budget
//   node bench/size.js --json    print the report as JSON
//   --root <dir>                 measure the checkout in <dir> (its dist/, its package.json budget)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadSourceMap } from './sourcemap.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = 'dist/member-map.iife.js';

/** gzip at level 9, as served by a well-configured web server. */
export const gzipSize = (data) => gzipSync(data, { level: 9 }).length;

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Lit's `lit` entry (production build), bundled and minified with the same tool as our bundle. */
async function litMinified(root) {
  const { build } = await import('vite');
  const entry = '\0member-map-size:lit';
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'member-map-size:lit-entry',
        resolveId: (id) => (id.endsWith('member-map-size-lit-entry') ? entry : null),
        load: (id) => (id === entry ? "export * from 'lit';" : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2021',
      lib: { entry: 'member-map-size-lit-entry', formats: ['es'], fileName: () => 'lit.js' },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
  return chunks.filter((chunk) => chunk.type === 'chunk').map((chunk) => chunk.code).join('\n');
}

/** Lightning CSS ships with Vite; resolve it from there so this works however npm laid out node_modules. */
function minifyCss(root, file) {
  const requireFromVite = createRequire(join(root, 'node_modules/vite/package.json'));
  const { transform } = requireFromVite('lightningcss');
  return transform({ filename: file, code: readFileSync(file), minify: true }).code;
}

/**
 * What the bundle is made of, from its source map: minified characters per package (our own code
 * is `src/`, which includes the inlined Leaflet CSS), and each part gzipped on its own.
 */
function composition(bundlePath) {
  const lookup = loadSourceMap(`${bundlePath}.map`);
  if (!lookup) return undefined;
  const code = readFileSync(bundlePath, 'utf8');
  const parts = new Map();
  for (const [source, text] of lookup.codeBySource(code)) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)?.[1] ?? (source.startsWith('src/') ? 'src/' : source);
    parts.set(pkg, (parts.get(pkg) ?? '') + text);
  }
  return [...parts]
    .map(([name, text]) => ({ name, minified: text.length, gzip: gzipSize(text) }))
    .sort((x, y) => y.minified - x.minified);
}

export function readBudgets(root = ROOT) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return pkg.sizeBudget?.gzipBytes ?? {};
}

/** `bundlePath` defaults to the checkout's own dist/member-map.iife.js; the budget is always `root`'s. */
export async function sizeReport(root = ROOT, bundlePath = join(root, BUNDLE)) {
  if (!existsSync(bundlePath)) {
    throw new Error(`${relative(root, bundlePath) || bundlePath} is missing: run \`npm run build\` first.`);
  }
  const bundle = gzipSize(readFileSync(bundlePath));
  const file = (path) => join(root, 'node_modules', path);
  const libraries = [
    { name: 'leaflet', part: 'js', what: 'leaflet/dist/leaflet.js', gzip: gzipSize(readFileSync(file('leaflet/dist/leaflet.js'))) },
    {
      name: 'leaflet.markercluster',
      part: 'js',
      what: 'leaflet.markercluster/dist/leaflet.markercluster.js',
      gzip: gzipSize(readFileSync(file('leaflet.markercluster/dist/leaflet.markercluster.js'))),
    },
    { name: 'lit', part: 'js', what: "'lit' entry, production build, bundled + minified", gzip: gzipSize(await litMinified(root)) },
    // The CSS the bundle contains (the element styles its own clusters, so no MarkerCluster.Default.css).
    { name: 'leaflet', part: 'css', what: 'leaflet/dist/leaflet.css, minified', gzip: gzipSize(minifyCss(root, file('leaflet/dist/leaflet.css'))) },
    {
      name: 'leaflet.markercluster',
      part: 'css',
      what: 'leaflet.markercluster/dist/MarkerCluster.css, minified',
      gzip: gzipSize(minifyCss(root, file('leaflet.markercluster/dist/MarkerCluster.css'))),
    },
  ];
  const librariesJs = libraries.filter((lib) => lib.part === 'js').reduce((sum, lib) => sum + lib.gzip, 0);
  const librariesAll = libraries.reduce((sum, lib) => sum + lib.gzip, 0);
  const budget = readBudgets(root)[BUNDLE];
  return {
    file: relative(root, bundlePath).startsWith('..') ? bundlePath : relative(root, bundlePath),
    gzip: bundle,
    raw: readFileSync(bundlePath).length,
    libraries,
    librariesJs,
    librariesAll,
    /** What our own code, UI, strings and glue add on top of the libraries (JS + CSS). */
    own: bundle - librariesAll,
    ownGoal: 10 * 1024, // issue 23: own code at first paint
    budget,
    composition: composition(bundlePath),
  };
}

export function sizeLines(report) {
  const lines = [
    `${report.file}: ${report.gzip} bytes gzip (${kb(report.gzip)}; ${kb(report.raw)} minified)`,
    ...report.libraries.map((lib) => `  ${`${lib.name} ${lib.part}`.padEnd(26)} ${String(lib.gzip).padStart(6)} bytes gzip  (${lib.what})`),
    `  libraries, JS only          ${String(report.librariesJs).padStart(6)} bytes gzip → bundle is ${signed(report.gzip - report.librariesJs)} bytes`,
    `  libraries, JS + CSS         ${String(report.librariesAll).padStart(6)} bytes gzip → own code + glue: ${signed(report.own)} bytes (${kb(report.own)}; goal ≤ 10 KB (issue 23): ${report.own <= report.ownGoal ? 'met' : 'NOT met'})`,
  ];
  if (report.composition) {
    lines.push('  made of (from the source map; parts gzipped on their own, so they add up to more than the whole):');
    for (const part of report.composition) {
      lines.push(`    ${part.name.padEnd(24)} ${String(part.minified).padStart(7)} bytes minified ${String(part.gzip).padStart(6)} bytes gzip`);
    }
  }
  if (report.budget === undefined) lines.push('  budget: none set (package.json → sizeBudget.gzipBytes)');
  else {
    const left = report.budget - report.gzip;
    lines.push(`  budget ${report.budget} bytes gzip: ${left >= 0 ? `ok, ${left} bytes left` : `EXCEEDED by ${-left} bytes`}`);
  }
  return lines;
}

/** One line for the benchmark's summary. */
export function sizeSummary(report) {
  return (
    `Size: ${report.file} ${kb(report.gzip)} gzip; its libraries alone ${kb(report.librariesAll)} gzip ` +
    `(leaflet, leaflet.markercluster, lit; JS + CSS); own code + glue ${report.own >= 0 ? '+' : ''}${(report.own / 1024).toFixed(1)} KB (goal ≤ 10 KB (issue 23))` +
    (report.budget !== undefined ? `; budget ${kb(report.budget)} (${report.gzip <= report.budget ? 'ok' : 'EXCEEDED'})` : '')
  );
}

const signed = (value) => (value >= 0 ? `+${value}` : String(value));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  // --root <dir>: measure another checkout (e.g. an export of a commit) instead of this one.
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? resolve(args[rootAt + 1]) : ROOT;
  try {
    const report = await sizeReport(root);
    if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
    else console.log(sizeLines(report).join('\n'));
    if (args.includes('--check')) {
      if (report.budget === undefined) {
        console.error(`size:check: no budget for ${BUNDLE} in package.json (sizeBudget.gzipBytes).`);
        process.exit(1);
      }
      if (report.gzip > report.budget) {
        console.error(
          `size:check FAILED: ${BUNDLE} is ${report.gzip} bytes gzip, ${report.gzip - report.budget} bytes over its budget of ` +
            `${report.budget} bytes (package.json → sizeBudget.gzipBytes["${BUNDLE}"]).\n` +
            'Make it smaller, or raise the budget on purpose in the same commit and say why.',
        );
        process.exit(1);
      }
      console.log(`size:check ok: ${report.gzip} ≤ ${report.budget} bytes gzip (${relative(process.cwd(), join(root, BUNDLE)) || BUNDLE}).`);
      // The data files next to the script (basemap, places) have budgets of their own.
      for (const [file, budget] of Object.entries(readBudgets(root))) {
        if (file === BUNDLE) continue;
        const size = gzipSize(readFileSync(join(root, file)));
        if (size > budget) {
          console.error(`size:check FAILED: ${file} is ${size} bytes gzip, over its budget of ${budget} bytes.`);
          process.exit(1);
        }
        console.log(`size:check ok: ${size} ≤ ${budget} bytes gzip (${file}).`);
      }
    }
  } catch (error) {
    console.error(`size: ${error.message}`);
    process.exit(1);
  }
}
