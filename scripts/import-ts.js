// Imports one of the project's TypeScript modules into a plain Node script, which Node 20 cannot do
// by itself: esbuild (the build's own bundler) bundles the module in memory. This lets the scripts
// and the benchmark use the tables in src/ (such as the Länder) instead of copies of them.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The module at `url` (a `file:` URL of a .ts file), with what it imports bundled in. */
export async function importTs(url) {
  const { outputFiles } = await build({
    entryPoints: [fileURLToPath(url)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
}
