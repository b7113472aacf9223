// Finding municipalities by name or AGS in the places file. Pure, shared by the element's search and
// the data command's import: both judge a name the same way.

import { LAENDER, type Land } from './laender.js';
import type { Place } from './places-file.js';

const SPELLED_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
const PLAIN: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };

function fold(text: string, umlauts: Record<string, string>): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüß]/g, (char) => umlauts[char] ?? char)
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The form a query is compared in: lower case, umlauts spelled out ("München" and "Muenchen" meet),
 * ß as ss, other accents dropped, every run of other characters a single space.
 */
export const placeKey = (text: string): string => fold(text, SPELLED_OUT);

/**
 * A place is found under its `placeKey` and under this form with umlauts as plain vowels, so that
 * "Munchen" finds München too, while "Neuenkirchen" and "Neunkirchen" stay apart.
 */
const plainKey = (text: string): string => fold(text, PLAIN);

// Words after which a name goes on with a qualifier: "Neustadt an der Aisch", "Weiden i.d. OPf.".
const QUALIFIERS = new Set(['am', 'an', 'im', 'in', 'i', 'a', 'bei', 'b', 'ob', 'vor', 'v', 'auf', 'unter', 'zu']);

/** A name without its qualifier: `Halle (Saale)` → `halle`, `Frankfurt am Main` → `frankfurt`. */
export function baseKey(name: string): string {
  return withoutQualifier(placeKey(name.split(/[(/,]/)[0] ?? ''));
}

function withoutQualifier(key: string): string {
  const words = key.split(' ');
  const at = words.findIndex((word, index) => index > 0 && QUALIFIERS.has(word));
  return (at > 0 ? words.slice(0, at) : words).join(' ');
}

/** Names in common use that differ from the official one, to the municipality's AGS. */
export const OTHER_NAMES: Readonly<Record<string, string>> = {
  'Weiden in der Oberpfalz': '09363000',
  'Halle an der Saale': '15002000',
  'Frankfurt an der Oder': '12053000',
};
/**
 * A table built on first use, not when the script loads: folding names (its Unicode tables and regular
 * expression) cost several milliseconds of every page's first paint, which needs none of these tables.
 */
function builtOnFirstUse<T>(build: () => T): () => T {
  let table: T | undefined;
  return () => (table ??= build());
}

const otherNames = builtOnFirstUse(() => new Map(Object.entries(OTHER_NAMES).map(([name, ags]) => [placeKey(name), ags])));

/** A title before the name in everyday writing ("Stadt Heidelberg"); "Markt …" is part of official names. */
export const TITLE = /^(stadt|gemeinde|landeshauptstadt|hansestadt|universitaetsstadt|kreisstadt) /;

const STATUS_RANK = { k: 3, s: 2, g: 1 } as const;

/** Larger places first: kreisfreie Städte, then Städte, then Gemeinden, each by area. */
export const byImportance = (a: Place, b: Place): number =>
  STATUS_RANK[b.status] - STATUS_RANK[a.status] || b.area - a.area;

const landKeys = builtOnFirstUse(() => {
  const keys = new Map<string, Land>();
  for (const land of LAENDER) {
    for (const name of [land.iso, `DE-${land.iso}`, land.name]) {
      keys.set(placeKey(name), land);
      keys.set(plainKey(name), land); // "Baden-Wurttemberg" as well as "Baden-Wuerttemberg"
    }
  }
  return keys;
});

/** The Land named by its German name (any umlaut spelling) or ISO code, or undefined. */
export const landNamed = (text: string): Land | undefined => landKeys().get(placeKey(text)) ?? landKeys().get(plainKey(text));

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
      const plain = plainKey(place.name);
      push(this.byName, placeKey(place.name), place);
      if (plain !== placeKey(place.name)) push(this.byName, plain, place);
      push(this.byBase, baseKey(place.name), place);
      const plainBase = withoutQualifier(plainKey(place.name.split(/[(/,]/)[0] ?? ''));
      if (plainBase !== baseKey(place.name)) push(this.byBase, plainBase, place);
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
    const other = this.byCode.get(otherNames().get(key) ?? '');
    if (other && inLand(other)) return { exact: [other], candidates: [other] };
    // "Stadt Heidelberg" is Heidelberg, unless a municipality is officially called so.
    if (TITLE.test(key) && !this.byName.has(key)) return this.match(name.replace(/^\s*\S+\s+/, ''), land);
    const exact = (this.byName.get(key) ?? []).filter(inLand).sort(byImportance);
    const qualified = baseKey(name) === key ? (this.byBase.get(key) ?? []).filter(inLand) : [];
    const candidates = [...new Set([...exact, ...qualified])].sort(byImportance);
    return { exact, candidates };
  }

  /** Every place whose whole name is `key` (a `placeKey`). */
  named(key: string): readonly Place[] {
    return this.byName.get(key) ?? [];
  }

  /** Every name (as `placeKey`) with its places. */
  names(): IterableIterator<[string, Place[]]> {
    return this.byName.entries();
  }

  /** Every place whose name without qualifier is `key` (a `baseKey`). */
  withBase(key: string): readonly Place[] {
    return this.byBase.get(key) ?? [];
  }
}

export type PlaceQuery =
  /** `others`: smaller municipalities of the same name, offered besides (Schwerin in Brandenburg). */
  | { kind: 'place'; place: Place; others?: Place[] }
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
  const { exact, candidates } = index.match(name, land);
  if (candidates.length === 1) return { kind: 'place', place: candidates[0]! };
  // A kreisfreie Stadt of exactly this name is meant unless another candidate is one too.
  const [city, ...rest] = candidates;
  if (city?.status === 'k' && exact.includes(city) && !rest.some((place) => place.status === 'k')) {
    return { kind: 'place', place: city, others: rest };
  }
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
