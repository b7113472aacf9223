// Web Test Runner plugins: the same module graph as the Vite build (see build-plugins.js).
import { readFile } from 'node:fs/promises';
import { fromRollup } from '@web/dev-server-rollup';
import { markerclusterAsModule, withoutImageUrls } from './build-plugins.js';

export const markercluster = fromRollup(markerclusterAsModule)();

/** Serves `import css from 'x.css?inline'` as a module whose default export is the CSS text. */
export function inlineCss() {
  return {
    name: 'member-map:inline-css',
    resolveImport({ source }) {
      // Bare specifiers such as 'leaflet/dist/leaflet.css?inline' point into node_modules.
      if (source.endsWith('.css?inline') && !/^[./]/.test(source)) return `/node_modules/${source}`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.endsWith('.css') || !context.URL.searchParams.has('inline')) return undefined;
      const file = new URL(`..${context.path}`, import.meta.url);
      const cssText = withoutImageUrls(await readFile(file, 'utf8'));
      return { body: `export default ${JSON.stringify(cssText)};`, type: 'js' };
    },
  };
}

/**
 * `executeServerCommand('validate-with-cli', { text })` in a browser test: runs the built data command's
 * `validate` on the text, as a coordinator would on the downloaded file; answers its exit code and output.
 */
export function cliValidate() {
  return {
    name: 'member-map:cli-validate',
    async executeCommand({ command, payload }) {
      if (command !== 'validate-with-cli') return undefined;
      const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      const { spawnSync } = await import('node:child_process');
      const dir = await mkdtemp(join(tmpdir(), 'member-map-validate-'));
      try {
        const file = join(dir, 'members.geojson');
        await writeFile(file, payload.text);
        const bin = new URL('../dist/cli/member-map-data.js', import.meta.url).pathname;
        const run = spawnSync(process.execPath, [bin, 'validate', file, '--lang', 'en'], { encoding: 'utf8' });
        return { code: run.status, stdout: run.stdout, stderr: run.stderr };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
