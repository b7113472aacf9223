// Writes dist/member-map-wordpress.zip, the WordPress plugin: the files of wordpress/ (the version
// from package.json written in for `{{VERSION}}`) and, beside them, the classic script, the files
// it finds next to itself, and the licence papers (LICENSE, THIRD-PARTY-LICENSES.txt). Everything sits in the folder member-map/, as WordPress's "Upload Plugin"
// expects. The last step of `npm run build`.
//
// `node scripts/wordpress-zip.js [out.zip]` writes elsewhere (the package test builds it twice).
//
// The zip is written with yazl (a devDependency), not with the `zip` command: it runs the same on
// every developer's machine and CI, Windows included, and it lets us fix what makes zips differ from
// run to run — entry order (sorted), timestamps (all 1980-01-01 00:00, DOS time only, no extended
// timestamp field, which would carry the time zone), file modes and compression level. Two builds of
// the same files give the same bytes.
import { createWriteStream, existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { CLASSIC_CHUNKS } from './classic-chunks.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const path = (...parts) => resolve(root, ...parts);

/** The plugin's folder inside the zip, and so in wp-content/plugins/. */
export const PLUGIN_FOLDER = 'member-map';

/** What the build writes into dist/ that the plugin serves: the script and the files beside it. */
export const DIST_FILES = [
  'member-map.iife.js',
  // Its parts that load on first use (scripts/classic-chunks.js).
  ...CLASSIC_CHUNKS.map((name) => `member-map-${name}.js`),
  'member-map-basemap.json',
  'member-map-places.json',
  'member-map.css',
  'THIRD-PARTY-LICENSES.txt',
];

/** From the repository's root: the plugin's own licence. */
export const ROOT_FILES = ['LICENSE'];

/** Replaced by package.json's version in every text file of wordpress/. */
export const VERSION_PLACEHOLDER = '{{VERSION}}';

export const ZIP_FILE = 'member-map-wordpress.zip';

/** 1980-01-01 00:00, the first DOS date. Local fields, so that its DOS time is the same in every zone. */
const MTIME = new Date(1980, 0, 1, 0, 0, 0);
const TEXT = /\.(php|txt|json|js|css|md)$/;

/** Files of a folder, as paths relative to it with `/`, recursively, in byte order. */
function listFiles(folder, prefix = '') {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const relative = `${prefix}${entry.name}`;
      if (entry.isDirectory()) return listFiles(resolve(folder, entry.name), `${relative}/`);
      return entry.isFile() ? [relative] : [];
    })
    .sort(byteOrder);
}

function byteOrder(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The zip's entries in order: path inside the zip → contents (null for a folder).
 *
 * @returns {Map<string, Buffer | null>}
 */
export function pluginEntries() {
  const { version } = JSON.parse(readFileSync(path('package.json'), 'utf8'));
  // The version lands in PHP strings and the plugin header: nothing but a plain version.
  if (!/^[0-9A-Za-z.+-]+$/.test(version)) throw new Error(`package.json's version ${JSON.stringify(version)} is not a plain version`);

  const files = new Map();
  for (const file of listFiles(path('wordpress'))) {
    let contents = readFileSync(path('wordpress', file));
    if (TEXT.test(file)) contents = Buffer.from(contents.toString('utf8').replaceAll(VERSION_PLACEHOLDER, version), 'utf8');
    files.set(file, contents);
  }
  const header = files.get('member-map.php')?.toString('utf8') ?? '';
  if (!new RegExp(`^ \\* Version: +${version.replaceAll('.', '\\.').replaceAll('+', '\\+')}$`, 'm').test(header)) {
    throw new Error(`wordpress/member-map.php has no "Version: ${VERSION_PLACEHOLDER}" in its header`);
  }
  for (const [folder, file] of [...DIST_FILES.map((name) => ['dist', name]), ...ROOT_FILES.map((name) => ['.', name])]) {
    if (files.has(file)) throw new Error(`wordpress/${file} would hide ${folder}/${file}`);
    const source = path(folder, file);
    if (!existsSync(source)) throw new Error(`${folder}/${file} is missing: run the other build steps first`);
    files.set(file, readFileSync(source));
  }

  const entries = new Map();
  for (const file of [...files.keys()].sort(byteOrder)) {
    // Each folder before its files (entries are sorted, so a parent comes first).
    const parts = file.split('/');
    for (let depth = 0; depth < parts.length; depth++) {
      const folder = [PLUGIN_FOLDER, ...parts.slice(0, depth)].join('/') + '/';
      if (!entries.has(folder)) entries.set(folder, null);
    }
    entries.set(`${PLUGIN_FOLDER}/${file}`, files.get(file));
  }
  return entries;
}

/** Writes the zip to `out` (through a temporary file, so that a failed run leaves no half zip). */
export function writePluginZip(out = path('dist', ZIP_FILE)) {
  const zip = new yazl.ZipFile();
  for (const [name, contents] of pluginEntries()) {
    const options = { mtime: MTIME, forceDosTimestamp: true };
    if (contents === null) zip.addEmptyDirectory(name, { ...options, mode: 0o40755 });
    else zip.addBuffer(contents, name, { ...options, mode: 0o100644, compressionLevel: 9 });
  }
  const partial = resolve(dirname(out), `.${ZIP_FILE}.partial`);
  return new Promise((done, fail) => {
    const stream = createWriteStream(partial);
    stream.on('error', fail);
    stream.on('close', () => {
      renameSync(partial, out);
      done(out);
    });
    zip.outputStream.on('error', fail).pipe(stream);
    zip.end();
  }).catch((error) => {
    rmSync(partial, { force: true });
    throw error;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await writePluginZip(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`wrote ${out}`);
}
