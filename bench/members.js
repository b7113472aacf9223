// Deterministic member files for the benchmark: N valid members (DESIGN.md "Member data") at
// distinct points spread uniformly over Germany's bounding box. Same seed and size → same bytes.

import { importTs } from '../scripts/import-ts.js';

/** Germany's bounding box (WGS 84, degrees). */
export const GERMANY = { west: 5.87, east: 15.04, south: 47.27, north: 55.06 };

/** The Länder's German names, from the element's own table (the order decides which one a member gets). */
const { LAENDER } = await importTs(new URL('../src/places/laender.ts', import.meta.url));
const STATES = LAENDER.map((land) => land.name);

const ROLES = [
  'Beauftragte für Bürgerbeteiligung',
  'Beauftragter für Bürgerbeteiligung',
  'Leitung Koordinierungsstelle Bürgerbeteiligung',
  'Referentin für Partizipation',
  'Referent für Partizipation',
];

/** mulberry32: a small 32-bit PRNG, good enough to scatter points reproducibly. */
export function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A GeoJSON FeatureCollection of `count` members; every feature is valid and every id unique. */
export function memberCollection(count, seed = 7) {
  const random = prng(seed * 1_000_003 + count);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const width = String(count).length;
  const features = [];
  for (let i = 1; i <= count; i++) {
    const number = String(i).padStart(width, '0');
    // 5 decimals ≈ 1 m: distinct points in practice, like one member per municipality.
    const lng = round5(GERMANY.west + random() * (GERMANY.east - GERMANY.west));
    const lat = round5(GERMANY.south + random() * (GERMANY.north - GERMANY.south));
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [lng, lat] },
      properties: {
        id: `bench-${number}`,
        role: pick(ROLES),
        organisation: `Gemeinde ${number}, Bürgerbeteiligung`,
        municipality: `Gemeinde ${number}`,
        state: pick(STATES),
        email: `beteiligung-${number}@example.org`,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

function round5(value) {
  return Math.round(value * 1e5) / 1e5;
}

/** Heidelberg's town hall (WGS 84): where every member of `onePointCollection` sits. */
export const ONE_POINT = { lng: 8.69079, lat: 49.41032 };

/**
 * `count` valid members of one municipality, all at the same coordinates (issue 7: "members of one
 * municipality at the same coordinates spiderfy without freezing"). Same seed and size → same bytes.
 */
export function onePointCollection(count, seed = 7) {
  const random = prng(seed * 1_000_003 + count);
  const width = String(count).length;
  const features = [];
  for (let i = 1; i <= count; i++) {
    const number = String(i).padStart(width, '0');
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [ONE_POINT.lng, ONE_POINT.lat] },
      properties: {
        id: `one-point-${number}`,
        role: ROLES[Math.floor(random() * ROLES.length)],
        organisation: `Stadt Heidelberg, Bürgerbeteiligung ${number}`,
        municipality: 'Heidelberg',
        state: 'Baden-Württemberg',
        email: `beteiligung-${number}@example.org`,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
