// Offline place lookup in the official municipality gazetteer (BKG VG250, data/gazetteer/, shared with
// the element's place search). A name is placed only when exactly one municipality fits; otherwise
// the caller gets the candidates to report, never a guess. Platform-neutral: the data command loads
// the places file from disk (src/cli/load-gazetteer.ts), the workbench fetches it.
import { baseKey, byImportance, PlaceIndex, placeKey } from '../places/place-index.js';
import type { Land } from '../places/laender.js';
import type { Place } from '../places/places-file.js';
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

/** Where the places come from, for the report (the places file says the same; a test checks it). */
export const GAZETTEER_SOURCE = '© GeoBasis-DE / BKG 2016 (VG250, Gebietsstand 1.1.2016; Daten verändert)';

export { OTHER_NAMES } from '../places/place-index.js';

const MAX_SUGGESTIONS = 6;

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
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

// Two rows of the table below, reused: a sheet may have hundreds of unknown names, each compared
// with thousands of names.
let rowBefore = new Int32Array(64);
let rowNow = new Int32Array(64);

/**
 * Whether editDistance(a, b) <= most, computed only near the diagonal (a cell further than `most`
 * from it is more than `most` already) and given up as soon as a whole row is past `most`: most
 * names differ in their first letters, and are done with after a few characters.
 */
export function withinDistance(a: string, b: string, most: number): boolean {
  if (Math.abs(a.length - b.length) > most) return false;
  if (rowBefore.length <= b.length) {
    rowBefore = new Int32Array(b.length + 1);
    rowNow = new Int32Array(b.length + 1);
  }
  const far = most + 1; // stands for any distance past `most`
  for (let j = 0; j <= b.length; j++) rowBefore[j] = j <= most ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - most);
    const to = Math.min(b.length, i + most);
    rowNow[0] = i <= most ? i : far;
    if (from > 1) rowNow[from - 1] = far;
    let best = rowNow[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(rowBefore[j]! + 1, rowNow[j - 1]! + 1, rowBefore[j - 1]! + cost, far);
      rowNow[j] = value;
      if (value < best) best = value;
    }
    if (to < b.length) rowNow[to + 1] = far;
    if (best > most) return false;
    [rowBefore, rowNow] = [rowNow, rowBefore];
  }
  return rowBefore[b.length]! <= most;
}

/** Places with a similar name (a typo, a missing qualifier), in the given Land first. */
function similar(index: PlaceIndex, name: string, land: Land | undefined): Place[] {
  const key = placeKey(name);
  const found = [...index.named(key), ...index.withBase(key), ...index.named(baseKey(name))];
  if (found.length === 0 && key.length >= 4) {
    const most = key.length >= 8 ? 2 : 1;
    for (const [other, list] of index.names()) {
      if (withinDistance(other, key, most)) found.push(...list);
    }
  }
  const inLand = (place: Place) => Number(!land || place.land === land);
  return [...new Set(found)].sort((a, b) => inLand(b) - inLand(a) || byImportance(a, b)).slice(0, MAX_SUGGESTIONS);
}

export function createGazetteer(places: readonly Place[]): Gazetteer {
  const index = new PlaceIndex(places);
  const byAgs = (ags: string) => index.byAgs(ags);

  function lookup(query: Query): Lookup {
    if (query.ags) {
      const place = index.byAgs(query.ags);
      if (place) return { kind: 'found', place, by: 'ags' };
    }
    // "Oldenburg" in Niedersachsen is "Oldenburg (Oldb)": one candidate is no guess.
    const { candidates } = index.match(query.name, query.state);
    if (candidates.length === 1) return { kind: 'found', place: candidates[0]!, by: 'name' };
    if (candidates.length > 1) return { kind: 'ambiguous', candidates };
    return { kind: 'unknown', suggestions: similar(index, query.name, query.state) };
  }

  return { lookup, byAgs };
}
