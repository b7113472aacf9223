// Web Test Runner plugins: the same module graph as the Vite build (see build-plugins.js).
import { readFile } from 'node:fs/promises';
import { fromRollup } from '@web/dev-server-rollup';
import { markerclusterAsModule, withoutImageUrls } from './build-plugins.js';

export const markercluster = fromRollup(markerclusterAsModule)();

/** Adds test/retry-report.ts to every test file: it names the tests that needed a second attempt. */
export function retryReport() {
  return {
    name: 'member-map:retry-report',
    transform(context) {
      if (!/^\/test\/.*\.test\.ts$/.test(context.path)) return undefined;
      // At the end, so that the file's line numbers stay as they are (imports run first wherever they stand).
      return { body: `${context.body}\nimport '/test/retry-report.ts';\n` };
    },
  };
}

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
 * `executeServerCommand('member-map-data', { command, text })` in a browser test: runs the built data
 * command on `text` as a file, as the coordinator would on a downloaded file: `validate` answers its
 * exit code and output, `export` also the CSV it wrote.
 */
export function dataCommand() {
  return {
    name: 'member-map:data-command',
    async executeCommand({ command, payload }) {
      if (command !== 'member-map-data') return undefined;
      const { mkdtemp, readFile: read, writeFile, rm } = await import('node:fs/promises');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      const { spawnSync } = await import('node:child_process');
      const dir = await mkdtemp(join(tmpdir(), 'member-map-data-'));
      try {
        const input = join(dir, 'members.geojson');
        const output = join(dir, 'members.csv');
        await writeFile(input, payload.text);
        const bin = new URL('../dist/cli/member-map-data.js', import.meta.url).pathname;
        const args = payload.command === 'export' ? ['export', input, '-o', output] : ['validate', input, '--lang', 'en'];
        const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
        const written = payload.command === 'export' && run.status === 0 ? [...(await read(output))] : undefined;
        return { code: run.status, stdout: run.stdout, stderr: run.stderr, written };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * `executeServerCommand('emulate-touch', { enabled })`: Chromium's touch emulation, under which
 * `(pointer: coarse)` matches, as on a phone. Answers false in a browser without it (Firefox).
 */
export function touchEmulation() {
  const sessions = new Map();
  return {
    name: 'member-map:touch-emulation',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-touch') return undefined;
      const page = session.browser.getPage?.(session.id);
      let client = sessions.get(session.id);
      try {
        if (!client) sessions.set(session.id, (client = await page.createCDPSession()));
      } catch {
        return false; // no Chrome DevTools Protocol (Firefox over WebDriver BiDi)
      }
      await client.send('Emulation.setTouchEmulationEnabled', payload.enabled ? { enabled: true, maxTouchPoints: 5 } : { enabled: false });
      await client.send('Emulation.setEmitTouchEventsForMouse', { enabled: payload.enabled, configuration: 'mobile' });
      return true;
    },
  };
}

/**
 * Two Chromium-only looks at the page through the DevTools Protocol, for accessibility tests:
 * `executeServerCommand('emulate-forced-colors', { active })` switches `forced-colors: active`
 * (Windows high contrast), which @web/test-runner-commands' emulateMedia cannot; and
 * `executeServerCommand('accessibility-tree')` answers the page's full accessibility tree as
 * [{ id, role, name, ignored, childIds }], what a screen reader is given. Both answer false without CDP.
 */
export function accessibilityCommands() {
  const sessions = new Map();
  return {
    name: 'member-map:accessibility-commands',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors' && command !== 'accessibility-tree') return undefined;
      let client = sessions.get(session.id);
      try {
        if (!client) sessions.set(session.id, (client = await session.browser.getPage(session.id).createCDPSession()));
      } catch {
        return false; // Firefox over WebDriver BiDi
      }
      if (command === 'emulate-forced-colors') {
        // Switching off clears the override: the page answers as the browser itself would again.
        const features = payload.active ? [{ name: 'forced-colors', value: 'active' }] : [];
        await client.send('Emulation.setEmulatedMedia', { features });
        return true;
      }
      const { nodes } = await client.send('Accessibility.getFullAXTree');
      return nodes.map((node) => ({
        id: node.nodeId,
        role: node.role?.value ?? '',
        name: node.name?.value ?? '',
        ignored: node.ignored,
        childIds: node.childIds ?? [],
      }));
    },
  };
}
