// Offline place lookup in the official municipality gazetteer (BKG VG250, data/gazetteer/, shared with
// the element's place search). A name is placed only when exactly one municipality fits; otherwise
// the caller gets the candidates to report, never a guess.

import placesFile from '../../data/gazetteer/member-map-places.json' with { type: 'json' };
import { PlaceIndex, placeKey } from '../places/place-index.js';
import { decodePlaces, type Place } from '../places/places-file.js';
import type { State } from './states.js';

export type { Place };

export interface Query {
  name: string;
  state?: State;
  ags?: string;
}

export type Lookup =
  | { kind: 'found'; place: Place; by: 'name' | 'ags' }
  | { kind: 'ambiguous'; candidates: Place[] }
  | { kind: 'unknown'; suggestions: Place[] };

export interface Gazetteer {
  lookup(query: Query): Lookup;
  /** The municipality with this AGS, or undefined. */
  byAgs(ags: string): Place | undefined;
}

/** Where the places come from, for the report and the documentation. */
export const GAZETTEER_SOURCE = placesFile.attribution;

/** Names in common use that differ from the official one, to the municipality's AGS. */
export const OTHER_NAMES: Readonly<Record<string, string>> = {
  'Weiden in der Oberpfalz': '09363000',
  'Halle an der Saale': '15002000',
  'Frankfurt an der Oder': '12053000',
};

const MAX_SUGGESTIONS = 6;

let shared: Gazetteer | undefined;

/** The gazetteer over every German municipality, built on first use. */
export function loadGazetteer(): Gazetteer {
  shared ??= createGazetteer(decodePlaces(placesFile));
  return shared;
}

export function createGazetteer(places: readonly Place[]): Gazetteer {
  const index = new PlaceIndex(places);
  const otherNames = new Map(Object.entries(OTHER_NAMES).map(([name, ags]) => [placeKey(name), ags]));
  const byAgs = (ags: string) => index.byAgs(ags);

  function lookup(query: Query): Lookup {
    if (query.ags) {
      const place = index.byAgs(query.ags);
      if (place) return { kind: 'found', place, by: 'ags' };
    }
    const other = index.byAgs(otherNames.get(placeKey(query.name)) ?? '');
    if (other && (!query.state || other.land === query.state)) return { kind: 'found', place: other, by: 'name' };
    // "Oldenburg" in Niedersachsen is "Oldenburg (Oldb)": one candidate is no guess.
    const { candidates } = index.match(query.name, query.state);
    if (candidates.length === 1) return { kind: 'found', place: candidates[0]!, by: 'name' };
    if (candidates.length > 1) return { kind: 'ambiguous', candidates };
    return { kind: 'unknown', suggestions: index.similar(query.name, query.state, MAX_SUGGESTIONS) };
  }

  return { lookup, byAgs };
}
