/// <reference types="node" />
// The WordPress plugin that `npm run build` writes (scripts/wordpress-zip.js): dist/member-map-wordpress.zip.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url);
const file = (path: string) => fileURLToPath(new URL(path, root));
const pkg = JSON.parse(readFileSync(file('package.json'), 'utf8'));
const ZIP = file('dist/member-map-wordpress.zip');

/** The script and the files it finds beside itself: what the plugin serves from its folder; and the notices of what it bundles. */
const BUILT = [
  'member-map.iife.js',
  // its parts, loaded on first use
  'member-map-search.js',
  'member-map-list.js',
  'member-map-contact.js',
  'member-map-fullscreen.js',
  'member-map-basemap.json',
  'member-map-places.json',
  'member-map.css',
  'THIRD-PARTY-LICENSES.txt',
];
/** From the repository's root. */
const ROOT_FILES = ['LICENSE'];

interface Entry {
  name: string;
  data: Buffer;
  dosDate: number;
  dosTime: number;
  externalAttributes: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (data: Buffer) => {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

/** Reads a zip through its central directory (stored and deflated entries, no zip64), checking each CRC. */
function readZip(zip: Buffer): Entry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'end of central directory found');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory header');
    const method = zip.readUInt16LE(at + 10);
    const dosTime = zip.readUInt16LE(at + 12);
    const dosDate = zip.readUInt16LE(at + 14);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const externalAttributes = zip.readUInt32LE(at + 38);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    assert.equal(zip.readUInt32LE(local), 0x04034b50, `local header of ${name}`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressedSize);
    assert.ok(method === 0 || method === 8, `${name}: stored or deflated`);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    assert.equal(crc32(data), crc, `${name}: CRC`);
    entries.push({ name, data, dosDate, dosTime, externalAttributes });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Files of a folder, relative, with `/`. */
const listFiles = (folder: string, prefix = ''): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );

const zipEntries = () => {
  assert.ok(existsSync(ZIP), 'dist/member-map-wordpress.zip exists (run `npm run build` first)');
  return readZip(readFileSync(ZIP));
};
const contents = (entries: Entry[], name: string) => {
  const entry = entries.find((item) => item.name === `member-map/${name}`);
  assert.ok(entry, `member-map/${name} is in the zip`);
  return entry.data;
};

test('the zip holds the plugin in member-map/: its files, the script, the three files beside it and the licence papers, nothing else', () => {
  const entries = zipEntries();
  const names = entries.map((entry) => entry.name);
  for (const name of names) assert.match(name, /^member-map\//, `${name} is inside member-map/`);
  assert.equal(new Set(names).size, names.length, 'no entry twice');

  const files = names.filter((name) => !name.endsWith('/')).map((name) => name.slice('member-map/'.length));
  const source = listFiles(file('wordpress'));
  assert.deepEqual([...files].sort(), [...source, ...BUILT, ...ROOT_FILES].sort(), 'exactly the files of wordpress/, the built files and LICENSE');
  for (const required of ['member-map.php', 'readme.txt', 'uninstall.php', 'block/block.json', 'block/editor.js', ...BUILT, ...ROOT_FILES]) {
    assert.ok(files.includes(required), `member-map/${required}`);
  }
  for (const name of files) {
    assert.doesNotMatch(name, /\.map$|editor\.html|embed\.html|member-map-(editor|embed)|^cli\/|^types\//, `${name} does not belong in the plugin`);
  }
  // Folders: each one that holds a file, and no other.
  const folders = names.filter((name) => name.endsWith('/'));
  const needed = new Set(names.flatMap((name) => name.split('/').slice(0, -1).map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`)));
  assert.deepEqual(new Set(folders), needed);
});

test('member-map.php has the plugin header, with package.json\'s version', () => {
  const php = contents(zipEntries(), 'member-map.php').toString('utf8');
  const header = (field: string) => php.match(new RegExp(`^ \\* ${field}: *(.+)$`, 'm'))?.[1]?.trim();
  assert.equal(header('Plugin Name'), 'Mitgliederkarte (member-map)');
  assert.equal(header('Version'), pkg.version);
  assert.equal(header('Requires at least'), '6.1');
  assert.equal(header('Requires PHP'), '7.4');
  assert.equal(header('License'), pkg.license);
  assert.equal(header('Text Domain'), 'member-map');
  assert.match(header('Description') ?? '', /Mitglieder.*Karte/, 'a German description');
  assert.match(php, new RegExp(`define\\( 'MEMBER_MAP_VERSION', '${pkg.version.replaceAll('.', '\\.')}' \\);`));
});

test('the version is filled in everywhere, and the readme and block.json are WordPress\'s formats', () => {
  const entries = zipEntries();
  for (const entry of entries) {
    if (/\.(php|txt|json|js|css)$/.test(entry.name)) {
      assert.doesNotMatch(entry.data.toString('utf8'), /\{\{VERSION\}\}/, `${entry.name}: no placeholder left`);
    }
  }
  const readme = contents(entries, 'readme.txt').toString('utf8');
  assert.match(readme, /^=== Mitgliederkarte \(member-map\) ===$/m);
  assert.match(readme, new RegExp(`^Stable tag: ${pkg.version.replaceAll('.', '\\.')}$`, 'm'));
  assert.match(readme, /^Requires at least: 6\.1$/m);
  assert.match(readme, /^Requires PHP: 7\.4$/m);
  assert.match(readme, /^License: MIT$/m);
  for (const section of ['Description', 'Installation', 'Changelog']) assert.match(readme, new RegExp(`^== ${section} ==$`, 'm'));

  const block = JSON.parse(contents(entries, 'block/block.json').toString('utf8'));
  assert.equal(block.name, 'member-map/map');
  assert.ok([2, 3].includes(block.apiVersion), 'apiVersion 2 or 3');
  assert.equal(block.title, 'Mitgliederkarte');
  assert.equal(block.version, pkg.version);
  assert.equal(block.editorScript, 'member-map-block-editor');
  assert.deepEqual(Object.keys(block.attributes).sort(), ['height', 'lang', 'near', 'region', 'src', 'tiles']);
});

test('the built files are the ones in dist/, and the plugin files are wordpress/ with the version', () => {
  const entries = zipEntries();
  for (const name of BUILT) assert.ok(contents(entries, name).equals(readFileSync(file(`dist/${name}`))), `${name} as built`);
  for (const name of ROOT_FILES) assert.ok(contents(entries, name).equals(readFileSync(file(name))), `${name} as in the repository`);
  for (const name of listFiles(file('wordpress'))) {
    const expected = readFileSync(file(`wordpress/${name}`), 'utf8').replaceAll('{{VERSION}}', pkg.version);
    assert.equal(contents(entries, name).toString('utf8'), expected, name);
  }
});

test('the zip is the same on every build: sorted entries, fixed timestamps and modes', () => {
  const folder = mkdtempSync(join(tmpdir(), 'member-map-zip-'));
  try {
    const again = join(folder, 'again.zip');
    const run = spawnSync(process.execPath, [file('scripts/wordpress-zip.js'), again], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Pacific/Auckland' },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.ok(readFileSync(again).equals(readFileSync(ZIP)), 'byte for byte the same zip, in another time zone too');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const entries = zipEntries();
  const names = entries.map((entry) => entry.name);
  assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'entries in byte order');
  for (const entry of entries) {
    assert.deepEqual([entry.dosDate, entry.dosTime], [(0 << 9) | (1 << 5) | 1, 0], `${entry.name}: 1980-01-01 00:00`);
    const mode = entry.externalAttributes >>> 16;
    assert.equal(mode, entry.name.endsWith('/') ? 0o40755 : 0o100644, `${entry.name}: mode`);
  }
});

test('every PHP file stops when it is loaded outside WordPress', () => {
  const entries = zipEntries().filter((entry) => entry.name.endsWith('.php'));
  assert.ok(entries.length >= 2);
  for (const entry of entries) {
    const guard = entry.name === 'member-map/uninstall.php' ? 'WP_UNINSTALL_PLUGIN' : 'ABSPATH';
    assert.match(entry.data.toString('utf8'), new RegExp(`^<\\?php\\n[\\s\\S]*?if \\( ! defined\\( '${guard}' \\) \\) \\{\\n\\texit;\\n\\}`), entry.name);
  }
});

test('php -l accepts every PHP file of the plugin', (t) => {
  const php = spawnSync('php', ['--version'], { encoding: 'utf8' });
  if (php.error || php.status !== 0) {
    t.skip('php is not on PATH: `php -l` was not run (install php-cli to lint the plugin)');
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'member-map-php-'));
  try {
    const entries = zipEntries().filter((entry) => entry.name.endsWith('.php'));
    assert.ok(entries.length >= 2);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, entry.data);
      const lint = spawnSync('php', ['-l', path], { encoding: 'utf8' });
      assert.equal(lint.status, 0, `${entry.name}: ${lint.stdout}${lint.stderr}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the block's region list is the element's 16 Länder, codes and names, in the element's order", async () => {
  // The block editor's script is plain JavaScript without a build step, so it carries a copy that
  // scripts/wordpress-laender.js writes; this fails when the copy is stale.
  const { LAENDER } = await import('../../src/places/laender.js');
  const { EDITOR_SCRIPT, withLaender } = await import('../../scripts/wordpress-laender.js');
  const source = readFileSync(EDITOR_SCRIPT, 'utf8');
  assert.equal(source, withLaender(source, LAENDER), 'wordpress/block/editor.js: run node scripts/wordpress-laender.js');
  const listed = [...source.matchAll(/\[\s*'DE-([A-Z]{2})',\s*'([^']+)'\s*\]/g)].map(([, iso, name]) => `${iso} ${name}`);
  assert.deepEqual(listed, LAENDER.map((land) => `${land.iso} ${land.name}`));
});
