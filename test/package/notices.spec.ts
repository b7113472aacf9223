/// <reference types="node" />
// The licence papers of what we ship (scripts/notices.js): every package bundled into a shipped
// script, as its source map names it, is in dist/THIRD-PARTY-LICENSES.txt with its licence text and in
// the SBOM dist/member-map.cdx.json, which lists nothing else; every shipped script says its licence;
// dist/ holds a copy of LICENSE; LICENSE and the notices travel in the npm package. Runs after
// `npm run build` (npm test's order).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as CDX from '@cyclonedx/cyclonedx-library';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; license: string };
const notices = readFileSync(join(DIST, 'THIRD-PARTY-LICENSES.txt'), 'utf8');
const sbom = JSON.parse(readFileSync(join(DIST, 'member-map.cdx.json'), 'utf8'));

/** Every script in dist/ (the types are declarations, not scripts). */
function shippedScripts(folder = DIST): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'types' ? [] : shippedScripts(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

/** The installed package a bundled source file belongs to: the nearest package.json with a name, under node_modules. */
function packageOf(source: string): string | undefined {
  if (!source.split(sep).includes('node_modules')) return undefined;
  for (let folder = dirname(source); folder.includes(`${sep}node_modules${sep}`); folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (name && version) return `${name}@${version}`;
  }
  throw new Error(`${source}: no package.json with a name above it`);
}

/** name@version of every package whose code a shipped script holds, read from the script's source map. */
function bundledPackages(script: string): Set<string> {
  if (!existsSync(`${script}.map`)) {
    // Only a script that merely re-exports another (dist/member-map.js) may come without a map.
    const code = readFileSync(script, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\/\/.*$/gm, '');
    assert.match(code, /^(\s*(import|export)\b[^;]*;)*\s*$/, `${relative(DIST, script)} has no source map, yet holds more than imports and exports`);
    return new Set();
  }
  const map = JSON.parse(readFileSync(`${script}.map`, 'utf8')) as { sources: string[]; sourceRoot?: string };
  const base = resolve(dirname(script), map.sourceRoot ?? '');
  const packages = map.sources
    .map((source) => source.replace(/^\0|\?.*$/g, ''))
    .map((source) => packageOf(resolve(base, source)))
    .filter((name): name is string => name !== undefined);
  return new Set(packages);
}

const scripts = shippedScripts();
const bundled = new Map<string, string[]>();
for (const script of scripts) {
  for (const name of bundledPackages(script)) bundled.set(name, [...(bundled.get(name) ?? []), relative(DIST, script)]);
}

test('the build ships the scripts this test reads', () => {
  const names = scripts.map((script) => relative(DIST, script));
  for (const expected of ['member-map.iife.js', 'member-map.js', 'define.js', 'member-map-editor.js', 'member-map-embed.js', join('cli', 'member-map-data.js')]) {
    assert.ok(names.includes(expected), expected);
  }
  // The classic script carries Lit, Leaflet, markercluster, the observers and topojson-client.
  const classic = [...bundled].filter(([, files]) => files.includes('member-map.iife.js')).map(([name]) => name.replace(/@[^@]+$/, ''));
  for (const name of ['lit-html', 'lit-element', '@lit/reactive-element', '@lit-labs/observers', 'leaflet', 'leaflet.markercluster', 'topojson-client']) {
    assert.ok(classic.includes(name), `member-map.iife.js bundles ${name}`);
  }
});

test('every shipped script starts with a preserved comment naming member-map, its licence and the notices file', () => {
  for (const script of scripts) {
    const head = readFileSync(script, 'utf8').replace(/^#!.*\n/, '').slice(0, 300);
    assert.match(head, /^\/\*! member-map[^*]*\| MIT License \| Third-party licences: (\.\.\/)?THIRD-PARTY-LICENSES\.txt \*\//, relative(DIST, script));
  }
});

/** The section of the notices that starts with a package's heading line `name@version`. */
function noticeOf(nameAtVersion: string): string | undefined {
  const sections = notices.split(/^={78}$/m);
  return sections.find((section) => section.trimStart().startsWith(`${nameAtVersion}\n`));
}

test('THIRD-PARTY-LICENSES.txt has every bundled package with its licence, its full text and a copyright line', () => {
  assert.ok(bundled.size > 0);
  for (const [name, files] of bundled) {
    const section = noticeOf(name);
    assert.ok(section, `${name} (in ${files.join(', ')}) is in THIRD-PARTY-LICENSES.txt`);
    assert.match(section, /^License: (MIT|ISC|BSD-2-Clause|BSD-3-Clause|Apache-2\.0)$/m, `${name}: its licence`);
    assert.match(section, /Copyright/i, `${name}: its copyright line`);
    assert.match(section, /(Permission|Redistribution and use|Licensed under)/, `${name}: the licence's terms`);
  }
  assert.match(notices, new RegExp(`^member-map ${pkg.version.replaceAll('.', '\\.')}, MIT License`, 'm'));
});

test('THIRD-PARTY-LICENSES.txt gives the terms of the bundled data', () => {
  assert.match(notices, /Natural Earth[\s\S]*public domain/);
  assert.match(notices, /© GeoBasis-DE \/ BKG 2016 \(VG250, Gebietsstand 1\.1\.2016; Daten verändert\)/);
  assert.match(notices, /GeoNames[\s\S]*CC BY 4\.0/);
});

test('the SBOM is CycloneDX 1.6, valid against its schema, for member-map at this version', async () => {
  assert.equal(sbom.bomFormat, 'CycloneDX');
  assert.equal(sbom.specVersion, '1.6');
  const validator = new CDX.Validation.JsonStrictValidator(CDX.Spec.Version.v1dot6);
  assert.equal(await validator.validate(JSON.stringify(sbom)), null, 'no schema errors');
  assert.equal(sbom.metadata.component.name, 'member-map');
  assert.equal(sbom.metadata.component.version, pkg.version);
  assert.deepEqual(sbom.metadata.component.licenses, [{ license: { id: pkg.license } }]);
});

test('the SBOM lists exactly the bundled packages, each with licence, purl and the integrity hash npm recorded', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string; integrity: string }> };
  type Component = { name: string; group?: string; version: string; purl: string; licenses: { license: { id: string } }[]; hashes: { alg: string; content: string }[] };
  const components = sbom.components as Component[];
  const listed = components.map((component) => `${component.group ? `${component.group}/` : ''}${component.name}@${component.version}`);
  assert.deepEqual(listed.sort(), [...bundled.keys()].sort());
  for (const component of components) {
    const name = `${component.group ? `${component.group}/` : ''}${component.name}`;
    assert.equal(component.purl, `pkg:npm/${name.replace('@', '%40')}@${component.version}`, `${name}: purl`);
    assert.ok(component.licenses.length === 1 && component.licenses[0]!.license.id, `${name}: an SPDX licence`);
    const [algorithm, base64] = lock.packages[`node_modules/${name}`]!.integrity.split('-') as [string, string];
    assert.equal(algorithm, 'sha512');
    assert.deepEqual(component.hashes, [{ alg: 'SHA-512', content: Buffer.from(base64, 'base64').toString('hex') }], `${name}: its integrity hash`);
  }
});

test('dist/ carries member-map\'s own LICENSE: the root LICENSE, the MIT text with our copyright line', () => {
  // A site that uploads dist/ (plain HTML, TYPO3) gets the scripts, whose banners say "MIT License", and
  // THIRD-PARTY-LICENSES.txt, which says "(see LICENSE)": the MIT text asks for its notice to travel with them.
  const copy = join(DIST, 'LICENSE');
  assert.ok(existsSync(copy), 'npm run build writes dist/LICENSE');
  const shipped = readFileSync(copy, 'utf8');
  assert.equal(shipped, readFileSync(join(ROOT, 'LICENSE'), 'utf8'), 'dist/LICENSE is the root LICENSE, byte for byte');
  const [, holder, terms] = shipped.match(/^MIT License\n\nCopyright \(c\) \d{4} (.+)\n\n([\s\S]+)$/) ?? [];
  assert.equal(holder, 'The member-map contributors', 'its copyright line names us');
  // The permission notice and the disclaimer, word for word as in the MIT text that REUSE keeps.
  const mit = readFileSync(join(ROOT, 'LICENSES', 'MIT.txt'), 'utf8').replace(/^MIT License\n\nCopyright \(c\) <year> <copyright holders>\n\n/, '');
  assert.match(mit, /^Permission is hereby granted/, 'LICENSES/MIT.txt is read as this test expects');
  assert.equal(terms?.trim(), mit.trim(), 'dist/LICENSE has the MIT terms unchanged');
  assert.equal(pkg.license, 'MIT');
});

test('LICENSE and the papers travel in the npm package', () => {
  const files = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8' }))[0].files.map(
    (file: { path: string }) => file.path,
  ) as string[];
  for (const needed of ['LICENSE', 'dist/THIRD-PARTY-LICENSES.txt', 'dist/member-map.cdx.json']) assert.ok(files.includes(needed), needed);
  assert.match(readFileSync(join(ROOT, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} .+\n\nPermission is hereby granted/);
});
