// Finding municipalities by name or AGS in the places file. Pure, shared by the element's search and
// the data command's import: both judge a name the same way.

import { LAENDER, type Land } from './laender.js';
import type { Place } from './places-file.js';

const UMLAUTS: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };

/**
 * The form names are compared in: lower case, without accents, ß as ss, umlauts as their base letter
 * and "ae/oe/ue" likewise (so "München", "Muenchen" and "Munchen" meet), every run of other
 * characters a single space.
 */
export function placeKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüß]/g, (char) => UMLAUTS[char] ?? char)
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/([aou])e/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Words after which a name goes on with a qualifier: "Neustadt an der Aisch", "Weiden i.d. OPf.".
const QUALIFIERS = new Set(['am', 'an', 'im', 'in', 'i', 'a', 'bei', 'b', 'ob', 'vor', 'v', 'auf', 'unter', 'zu']);

/** A name without its qualifier: `Halle (Saale)` → `halle`, `Frankfurt am Main` → `frankfurt`. */
export function baseKey(name: string): string {
  const words = placeKey(name.split(/[(/,]/)[0] ?? '').split(' ');
  const at = words.findIndex((word, index) => index > 0 && QUALIFIERS.has(word));
  return (at > 0 ? words.slice(0, at) : words).join(' ');
}

const STATUS_RANK = { k: 3, s: 2, g: 1 } as const;

/** Larger places first: kreisfreie Städte, then Städte, then Gemeinden, each by area. */
export const byImportance = (a: Place, b: Place): number =>
  STATUS_RANK[b.status] - STATUS_RANK[a.status] || b.area - a.area;

const landKeys = new Map<string, Land>();
for (const land of LAENDER) {
  for (const name of [land.iso, `DE-${land.iso}`, land.name, land.english]) landKeys.set(placeKey(name), land);
}

/** The Land named by its German or English name or ISO code, or undefined. */
export const landNamed = (text: string): Land | undefined => landKeys.get(placeKey(text));

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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

export interface NameMatch {
  /** Places whose whole name is the name asked for. */
  exact: Place[];
  /** Those and, for a name without qualifier, every place of that name with one ("Frankfurt" → "Frankfurt (Oder)"). */
  candidates: Place[];
}

export class PlaceIndex {
  private readonly byName = new Map<string, Place[]>();
  private readonly byBase = new Map<string, Place[]>();
  private readonly byCode = new Map<string, Place>();

  constructor(readonly places: readonly Place[]) {
    for (const place of places) {
      push(this.byName, placeKey(place.name), place);
      push(this.byBase, baseKey(place.name), place);
      this.byCode.set(place.ags, place);
    }
  }

  byAgs(ags: string): Place | undefined {
    return this.byCode.get(ags);
  }

  /** The places a name may mean, optionally within one Land, larger places first. */
  match(name: string, land?: Land): NameMatch {
    const key = placeKey(name);
    const inLand = (place: Place) => !land || place.land === land;
    const exact = (this.byName.get(key) ?? []).filter(inLand).sort(byImportance);
    const qualified = baseKey(name) === key ? (this.byBase.get(key) ?? []).filter(inLand) : [];
    const candidates = [...new Set([...exact, ...qualified])].sort(byImportance);
    return { exact, candidates };
  }

  /** Places with a similar name (a typo, a missing qualifier), in the given Land first. */
  similar(name: string, land: Land | undefined, limit: number): Place[] {
    const key = placeKey(name);
    const found = [...(this.byName.get(key) ?? []), ...(this.byBase.get(key) ?? []), ...(this.byName.get(baseKey(name)) ?? [])];
    if (found.length === 0 && key.length >= 4) {
      const most = key.length >= 8 ? 2 : 1;
      for (const [other, list] of this.byName) {
        if (Math.abs(other.length - key.length) <= most && editDistance(other, key) <= most) found.push(...list);
      }
    }
    const inLand = (place: Place) => Number(!land || place.land === land);
    return [...new Set(found)].sort((a, b) => inLand(b) - inLand(a) || byImportance(a, b)).slice(0, limit);
  }
}

export type PlaceQuery =
  | { kind: 'place'; place: Place }
  | { kind: 'choices'; places: Place[] }
  | { kind: 'none' };

/**
 * What a visitor's search means as a place: an AGS, a municipality's name, or a name with its Land
 * after a comma ("Lichtenau, Bayern"). Several places of that name are choices.
 */
export function placeQuery(index: PlaceIndex, query: string): PlaceQuery {
  const text = query.trim();
  if (/^\d{8}$/.test(text)) {
    const place = index.byAgs(text);
    return place ? { kind: 'place', place } : { kind: 'none' };
  }
  const comma = text.lastIndexOf(',');
  const land = comma > 0 ? landNamed(text.slice(comma + 1)) : undefined;
  const name = land ? text.slice(0, comma) : text;
  if (placeKey(name).length < 2) return { kind: 'none' };
  const { candidates } = index.match(name, land);
  if (candidates.length === 1) return { kind: 'place', place: candidates[0]! };
  return candidates.length > 1 ? { kind: 'choices', places: candidates } : { kind: 'none' };
}

/**
 * The shortest query that means exactly this place: its name, else name and Land, else its AGS
 * (a few Länder have two municipalities of the same name).
 */
export function queryFor(index: PlaceIndex, place: Place): string {
  for (const query of [place.name, `${place.name}, ${place.land.name}`]) {
    const meant = placeQuery(index, query);
    if (meant.kind === 'place' && meant.place === place) return query;
  }
  return place.ags;
}
