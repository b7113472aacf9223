/// <reference types="node" />
// Package-level checks, run by node's test runner after `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const file = (path: string) => fileURLToPath(new URL(path, root));

test('every export and the types point at files that the build wrote', () => {
  const targets: string[] = [pkg.main, pkg.module, pkg.types, pkg.customElements];
  for (const target of Object.values(pkg.exports) as (string | Record<string, string>)[]) {
    targets.push(...(typeof target === 'string' ? [target] : Object.values(target)));
  }
  for (const target of targets) assert.ok(existsSync(file(target)), `${target} exists`);
  assert.equal(pkg.exports['.'].default, './dist/member-map.js');
  assert.equal(pkg.exports['./define'].default, './dist/define.js');
});

test('the package resolves by its own name, as a bundler would import it', () => {
  assert.equal(fileURLToPath(import.meta.resolve('member-map')), file('dist/member-map.js'));
  assert.equal(fileURLToPath(import.meta.resolve('member-map/define')), file('dist/define.js'));
});

test('"." only exports the class; "./define" registers the element', () => {
  const index = readFileSync(file('dist/member-map.js'), 'utf8');
  const define = readFileSync(file('dist/define.js'), 'utf8');
  assert.doesNotMatch(index, /\.define\(/, 'importing "." registers nothing');
  assert.match(define, /\.define\(["'`]member-map["'`]\)/);
  assert.match(readFileSync(file('dist/types/index.d.ts'), 'utf8'), /export \{ MemberMap \}/);
});

interface ManifestAttribute {
  name: string;
  fieldName?: string;
  description?: string;
  type?: { text: string };
}

test('the manifest lists the whole public interface of DESIGN.md', () => {
  const manifest = JSON.parse(readFileSync(file(pkg.customElements), 'utf8'));
  const element = manifest.modules.flatMap((m: { declarations?: unknown[] }) => m.declarations ?? []).find(
    (d: { customElement?: boolean }) => d.customElement,
  );
  assert.equal(element.tagName, 'member-map');
  const names = (list: { name: string }[] = []) => list.map((item) => item.name);
  // The attributes are the manifest's own list: test/custom-elements.test.ts checks it against the
  // attributes the element observes. Here: each is described, typed and a property of the shipped types.
  const attributes: ManifestAttribute[] = element.attributes ?? [];
  assert.ok(attributes.length > 0, 'the manifest lists attributes');
  const types = readFileSync(file('dist/types/member-map.d.ts'), 'utf8');
  for (const { name, fieldName, description, type } of attributes) {
    assert.ok(description && type?.text && fieldName, `attribute ${name}: description, type and property in the manifest`);
    assert.match(types, new RegExp(`^ +(get )?${fieldName}[?!]?[:(]`, 'm'), `attribute ${name}: property ${fieldName} in the shipped types`);
  }
  assert.ok(names(element.members).includes('data'), 'property data');
  // member-map-pick: the workbench's placing (issue "The coordinator's workbench").
  assert.deepEqual(names(element.events).sort(), ['member-map-consent', 'member-map-error', 'member-map-load', 'member-map-pick', 'member-map-select']);
  for (const part of ['map', 'list', 'search', 'contact-button', 'contact-panel', 'consent', 'status', 'error']) {
    assert.ok(names(element.cssParts).includes(part), `part ${part}`);
  }
  for (const property of ['--member-map-height', '--member-map-accent', '--member-map-font', '--member-map-radius']) {
    assert.ok(names(element.cssProperties).includes(property), `custom property ${property}`);
  }
  assert.deepEqual(names(element.slots).sort(), ['contact', 'empty']);
});

test('the iframe resizer dist/member-map-frame.js is well under 1 KB, self-contained, and runs no code from text', () => {
  const resizer = readFileSync(file('dist/member-map-frame.js'), 'utf8');
  // The licence comment is part of what a site copies, and counted.
  assert.ok(Buffer.byteLength(resizer) < 1024, `${Buffer.byteLength(resizer)} bytes`);
  assert.doesNotMatch(resizer, /\bimport\b|\brequire\(|\beval\(|new Function|innerHTML|document\.write/);
  assert.match(resizer, /member-map:height/);
});

test('every shipped script is plain ASCII, so that a page in another character set reads it right', async () => {
  const { readdirSync } = await import('node:fs');
  const scripts = readdirSync(file('dist')).filter((name) => name.endsWith('.js'));
  assert.ok(scripts.includes('member-map.iife.js'));
  for (const name of scripts) {
    const text = readFileSync(file(`dist/${name}`), 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    assert.equal(at, -1, `${name}: "${text.slice(Math.max(0, at - 30), at + 10)}"`);
  }
});
