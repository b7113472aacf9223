// Reads the places file (member-map-places.json, written by scripts/gazetteer.js from BKG's VG250):
// every German municipality with its official name, AGS and a point inside it. Pure: no DOM, no
// Node, so the element and the data command read it the same way.

import { landOfAgs, type Land } from './laender.js';

/** k: kreisfreie Stadt, s: Stadt, g: Gemeinde. */
export type PlaceStatus = 'k' | 's' | 'g';

export interface Place {
  /** Official name (VG250 `GEN`), e.g. `Frankfurt (Oder)`. */
  name: string;
  /** Amtlicher Gemeindeschlüssel, 8 digits. */
  ags: string;
  land: Land;
  /** A point inside the municipality (not its centroid, which may lie outside). */
  lat: number;
  lng: number;
  status: PlaceStatus;
  /** Area in km², for ranking places of the same name. */
  area: number;
}

export interface PlacesFile {
  type: 'member-map-places';
  attribution: string;
  source: string;
  format: string;
  places: string;
}

/** Coordinates are stored in thousandths of a degree. */
const COORDINATE_SCALE = 1000;
const STATUSES = new Set(['k', 's', 'g']);

/** The places of a places file; throws when `file` is not one. */
export function decodePlaces(file: unknown): Place[] {
  const data = file as Partial<PlacesFile> | null;
  if (data?.type !== 'member-map-places' || typeof data.places !== 'string') throw new Error('not a member-map places file');
  const places: Place[] = [];
  let ags = '';
  let lat = 0;
  let lng = 0;
  for (const line of data.places.split('\n')) {
    if (line === '') continue; // a trailing line break
    const [name, code, dLat, dLng, status, area] = line.split('\t');
    // The AGS is given in full when Land or Kreis change, else only its last three digits.
    ags = code?.length === 3 ? ags.slice(0, 5) + code : (code ?? '');
    lat += Number(dLat);
    lng += Number(dLng);
    const land = landOfAgs(ags);
    const numbers = [dLat, dLng, area].map((cell) => (cell?.trim() ? Number(cell) : NaN));
    if (!name || !land || !/^\d{8}$/.test(ags) || !STATUSES.has(status!) || !numbers.every(Number.isFinite)) {
      throw new Error(`places file: bad line ${places.length + 1}`);
    }
    places.push({
      name,
      ags,
      land,
      lat: lat / COORDINATE_SCALE,
      lng: lng / COORDINATE_SCALE,
      status: status as PlaceStatus,
      area: Number(area),
    });
  }
  return places;
}
