/// <reference types="node" />
// The pure place modules shared by the element's search and the data command: the places file, the
// name index, distances and the Länder table, checked against the real gazetteer files.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';
import type { Member } from '../../src/data/members.js';
import { LAENDER, type Land } from '../../src/places/laender.js';
import { distanceKm, isLocal, nearestMembers } from '../../src/places/nearest.js';
import { searchMembers } from '../../src/search.js';
import { baseKey, PlaceIndex, placeKey, placeQuery, queryFor, type PlaceQuery } from '../../src/places/place-index.js';
import { decodePlaces, type Place } from '../../src/places/places-file.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8'));

const placesFile = readJson('data/gazetteer/member-map-places.json') as { type: string; format: string; places: string };
const places = decodePlaces(placesFile);
const index = new PlaceIndex(places);

const land = (iso: string): Land => {
  const found = LAENDER.find((item) => item.iso === iso);
  assert.ok(found, `no Land ${iso}`);
  return found;
};

const describeQuery = (result: PlaceQuery): string =>
  result.kind === 'place'
    ? `place ${result.place.name}|${result.place.land.iso}|${result.place.ags}`
    : result.kind === 'choices'
      ? `choices ${result.places.map((place) => `${place.name}|${place.land.iso}|${place.ags}`).join(', ')}`
      : 'none';

function placeOf(query: string): Place {
  const result = placeQuery(index, query);
  assert.equal(result.kind, 'place', `${query}: ${describeQuery(result)}`);
  return (result as Extract<PlaceQuery, { kind: 'place' }>).place;
}

function choicesOf(query: string): Place[] {
  const result = placeQuery(index, query);
  assert.equal(result.kind, 'choices', `${query}: ${describeQuery(result)}`);
  return (result as Extract<PlaceQuery, { kind: 'choices' }>).places;
}

/** The places file's line encoding, written independently of the decoder (as scripts/gazetteer.js writes it). */
function encodePlaces(list: readonly Place[]): string {
  let previous = { ags: '', lat: 0, lng: 0 };
  return list
    .map((place) => {
      const lat = Math.round(place.lat * 1000);
      const lng = Math.round(place.lng * 1000);
      const ags = place.ags.slice(0, 5) === previous.ags.slice(0, 5) ? place.ags.slice(5) : place.ags;
      const line = [place.name, ags, lat - previous.lat, lng - previous.lng, place.status, place.area].join('\t');
      previous = { ags: place.ags, lat, lng };
      return line;
    })
    .join('\n');
}

describe('places file (decodePlaces)', () => {
  it('decodes all 11,084 municipalities of the gazetteer', () => {
    assert.equal(placesFile.type, 'member-map-places');
    assert.equal(places.length, 11_084);
  });

  it('gives every place an 8-digit AGS, unique and in ascending order', () => {
    const seen = new Set<string>();
    let previous = '';
    for (const place of places) {
      assert.match(place.ags, /^\d{8}$/, place.name);
      assert.ok(!seen.has(place.ags), `AGS ${place.ags} twice`);
      seen.add(place.ags);
      assert.ok(place.ags > previous, `${place.ags} after ${previous}`);
      previous = place.ags;
    }
    assert.equal(seen.size, 11_084);
  });

  it('gives every place the Land of the first two digits of its AGS', () => {
    for (const place of places) {
      assert.ok(LAENDER.includes(place.land), `${place.name}: not a Land of LAENDER`);
      assert.equal(place.land.ags, place.ags.slice(0, 2), `${place.name} ${place.ags}`);
    }
    const perLand = new Map<string, number>();
    for (const place of places) perLand.set(place.land.iso, (perLand.get(place.land.iso) ?? 0) + 1);
    assert.deepEqual([...perLand.keys()].sort(), LAENDER.map((item) => item.iso).sort(), 'every Land has places');
    // The city states: Berlin and Hamburg are one municipality each, Bremen is two (Bremen, Bremerhaven).
    assert.equal(perLand.get('BE'), 1);
    assert.equal(perLand.get('HH'), 1);
    assert.equal(perLand.get('HB'), 2);
  });

  it('places every municipality inside Germany and inside its own Land’s box', () => {
    for (const place of places) {
      const label = `${place.name} ${place.ags} at ${place.lat},${place.lng}`;
      assert.ok(place.lat >= 47.2 && place.lat <= 55.1, label);
      assert.ok(place.lng >= 5.8 && place.lng <= 15.1, label);
      const [south, west, north, east] = place.land.bounds;
      assert.ok(place.lat >= south && place.lat <= north && place.lng >= west && place.lng <= east, `${label} outside ${place.land.iso}`);
    }
  });

  it('gives every place a name, a status and a positive whole area', () => {
    for (const place of places) {
      assert.ok(place.name.trim() !== '' && place.name === place.name.trim(), `name of ${place.ags}: ${JSON.stringify(place.name)}`);
      assert.ok(['k', 's', 'g'].includes(place.status), `${place.ags}: status ${place.status}`);
      assert.ok(Number.isInteger(place.area) && place.area >= 1, `${place.ags}: area ${place.area}`);
    }
  });

  it('decodes to what the file was encoded from: re-encoding the places gives the file’s lines back', () => {
    assert.equal(encodePlaces(places), placesFile.places);
  });

  it('decodes a hand-made file with full and short AGS and coordinate differences', () => {
    const file = {
      type: 'member-map-places',
      attribution: 'test',
      source: 'test',
      format: 'test',
      places: [
        'Alpha\t01051001\t54000\t9000\tg\t17',
        'Beta\t002\t27\t-28\ts\t7',
        'Gamma (Test)\t08221000\t-4628\t-300\tk\t109',
        'Delta\t005\t1\t1\tg\t3',
        'Eßlingen am Test\t08222000\t-1\t0\ts\t12',
      ].join('\n'),
    };
    const decoded = decodePlaces(file);
    assert.deepEqual(decoded, [
      { name: 'Alpha', ags: '01051001', land: land('SH'), lat: 54, lng: 9, status: 'g', area: 17 },
      { name: 'Beta', ags: '01051002', land: land('SH'), lat: 54.027, lng: 8.972, status: 's', area: 7 },
      { name: 'Gamma (Test)', ags: '08221000', land: land('BW'), lat: 49.399, lng: 8.672, status: 'k', area: 109 },
      { name: 'Delta', ags: '08221005', land: land('BW'), lat: 49.4, lng: 8.673, status: 'g', area: 3 },
      { name: 'Eßlingen am Test', ags: '08222000', land: land('BW'), lat: 49.399, lng: 8.673, status: 's', area: 12 },
    ]);
    assert.equal(decoded[0]!.land, land('SH'), 'the Land is the shared LAENDER entry');
    assert.equal(encodePlaces(decoded), file.places);
  });

  it('throws for something that is not a places file', () => {
    for (const value of [
      null,
      undefined,
      'member-map-places',
      [],
      {},
      { type: 'FeatureCollection', features: [] },
      { type: 'member-map-places' },
      { type: 'member-map-places', places: ['Alpha\t01051001\t54000\t9000\tg\t17'] },
      { type: 'member-map-basemap', places: 'Alpha\t01051001\t54000\t9000\tg\t17' },
    ]) {
      assert.throws(() => decodePlaces(value), /not a member-map places file/, JSON.stringify(value));
    }
  });

  it('throws for a bad line, naming its number', () => {
    const good = 'Alpha\t01051001\t54000\t9000\tg\t17';
    const bad: Array<[string, string]> = [
      ['short AGS on the first line', 'Beta\t002\t27\t-28\ts\t7'],
      ['AGS of 5 digits', 'Beta\t01051\t27\t-28\ts\t7'],
      ['AGS with letters', 'Beta\t0105100x\t27\t-28\ts\t7'],
      ['AGS of no Land', 'Beta\t17051002\t27\t-28\ts\t7'],
      ['no name', '\t01051002\t27\t-28\ts\t7'],
      ['unknown status', 'Beta\t01051002\t27\t-28\tx\t7'],
      ['latitude not a number', 'Beta\t01051002\tnorth\t-28\ts\t7'],
      ['longitude missing', 'Beta\t01051002\t27'],
      ['not tab-separated', 'Beta 01051002 27 -28 s 7'],
    ];
    for (const [what, line] of bad) {
      const first = what === 'short AGS on the first line';
      const text = first ? line : `${good}\n${line}`;
      assert.throws(() => decodePlaces({ type: 'member-map-places', places: text }), new RegExp(`bad line ${first ? 1 : 2}\\b`), what);
    }
  });
});

describe('place names (placeKey, baseKey)', () => {
  it('compares "München", "Muenchen" and "MÜNCHEN" as one name, and keeps "Neuenkirchen" apart from "Neunkirchen"', () => {
    const keys = ['München', 'Muenchen', 'MÜNCHEN', 'Mu\u0308nchen'].map(placeKey);
    assert.deepEqual(new Set(keys), new Set(['muenchen']));
    assert.notEqual(placeKey('Münster'), placeKey('München'));
    assert.notEqual(placeKey('Neuenkirchen'), placeKey('Neunkirchen'));
  });

  it('ignores a trailing line break of the places text', () => {
    const places = decodePlaces({ type: 'member-map-places', places: 'Kiel\t01002000\t54284\t10142\tk\t112\n' });
    assert.deepEqual(places.map((place) => place.ags), ['01002000']);
  });

  it('compares "Gießen" and "Giessen" as one name', () => {
    assert.equal(placeKey('Gießen'), placeKey('Giessen'));
    assert.equal(placeKey('GIESSEN'), 'giessen');
    assert.notEqual(placeKey('Gießen'), placeKey('Giesen'));
  });

  it('turns punctuation and spaces into single spaces', () => {
    assert.equal(placeKey('  Halle (Saale) '), 'halle saale');
    assert.equal(placeKey('Neustadt a.d. Aisch'), 'neustadt a d aisch');
  });

  it('drops the qualifier of a name', () => {
    assert.equal(baseKey('Frankfurt am Main'), 'frankfurt');
    assert.equal(baseKey('Halle (Saale)'), 'halle');
    assert.equal(baseKey('Frankfurt (Oder)'), 'frankfurt');
    assert.equal(baseKey('Neustadt/Westerwald'), 'neustadt');
    assert.equal(baseKey('Bad Homburg vor der Höhe'), 'bad homburg');
    assert.equal(baseKey('Heidelberg'), 'heidelberg');
    assert.equal(baseKey('Sankt Augustin'), 'sankt augustin');
    // A name that starts with such a word keeps it.
    assert.equal(baseKey('Am Mellensee'), 'am mellensee');
    assert.equal(baseKey('An der Schmücke'), 'an der schmuecke');
  });
});

describe('place search (placeQuery, queryFor)', () => {
  it('finds a municipality by its name, also spelled without umlauts', () => {
    assert.equal(placeOf('Heidelberg').ags, '08221000');
    assert.equal(placeOf('Muenchen').ags, '09162000');
    assert.equal(placeOf('  muenchen ').ags, '09162000');
    assert.equal(placeOf('Sipplingen').ags, '08435053');
    assert.equal(placeOf('Sipplingen').name, 'Sipplingen');
  });

  it('offers both Frankfurts for "Frankfurt", the larger first', () => {
    const choices = choicesOf('Frankfurt').map((place) => `${place.name}|${place.ags}`);
    assert.deepEqual(choices, ['Frankfurt am Main|06412000', 'Frankfurt (Oder)|12053000']);
  });

  it('finds a municipality by its whole official name', () => {
    const place = placeOf('Frankfurt am Main');
    assert.equal(place.ags, '06412000');
    assert.equal(place.land.iso, 'HE');
    assert.equal(placeOf('Frankfurt (Oder)').ags, '12053000');
  });

  it('finds a municipality by its AGS', () => {
    const place = placeOf('08221000');
    assert.equal(place.name, 'Heidelberg');
    assert.equal(placeOf(' 08435053 ').name, 'Sipplingen');
    assert.equal(placeQuery(index, '99999999').kind, 'none');
  });

  it('finds nothing for a name no municipality has', () => {
    assert.equal(placeQuery(index, 'Xyzzyville').kind, 'none');
    assert.equal(placeQuery(index, '').kind, 'none');
    assert.equal(placeQuery(index, 'Lichtenau, Atlantis').kind, 'none');
  });

  it('offers every Lichtenau, and only the Bavarian one with ", Bayern"', () => {
    const all = choicesOf('Lichtenau');
    assert.deepEqual(all.map((place) => `${place.land.iso}|${place.ags}`).sort(), ['BW|08216028', 'BY|09571175', 'NW|05774028', 'SN|14522330']);
    for (const query of ['Lichtenau, Bayern', 'Lichtenau, BY', 'Lichtenau,DE-BY', 'lichtenau, bayern']) {
      const place = placeOf(query);
      assert.equal(place.land.iso, 'BY', query);
      assert.equal(place.ags, '09571175', query);
    }
  });

  it('finds one well-known municipality per Land in that Land', () => {
    const capitals: Array<[string, string, string]> = [
      ['Kiel', 'SH', '01002000'],
      ['Hamburg', 'HH', '02000000'],
      ['Hannover', 'NI', '03241001'],
      ['Bremen', 'HB', '04011000'],
      ['Düsseldorf', 'NW', '05111000'],
      ['Wiesbaden', 'HE', '06414000'],
      ['Mainz', 'RP', '07315000'],
      ['Stuttgart', 'BW', '08111000'],
      ['München', 'BY', '09162000'],
      ['Saarbrücken', 'SL', '10041100'],
      ['Berlin', 'BE', '11000000'],
      ['Potsdam', 'BB', '12054000'],
      ['Schwerin', 'MV', '13004000'],
      ['Dresden', 'SN', '14612000'],
      ['Magdeburg', 'ST', '15003000'],
      ['Erfurt', 'TH', '16051000'],
    ];
    assert.deepEqual(capitals.map(([, iso]) => iso).sort(), LAENDER.map((item) => item.iso).sort(), 'one per Land');
    for (const [name, iso, ags] of capitals) {
      // With its Land, the name means exactly this municipality.
      const inLand = placeOf(`${name}, ${land(iso).name}`);
      assert.equal(inLand.land.iso, iso, name);
      assert.equal(inLand.ags, ags, name);
      assert.equal(inLand.name, name);
      // Alone, the name means it too, or (Schwerin in Brandenburg) offers it first.
      const alone = placeQuery(index, name);
      const first = alone.kind === 'place' ? alone.place : alone.kind === 'choices' ? alone.places[0] : undefined;
      assert.equal(first?.ags, ags, `${name}: ${describeQuery(alone)}`);
    }
  });

  it('gives every one of the 11,084 places a query that finds exactly that place', () => {
    let failures = 0;
    const examples: string[] = [];
    for (const place of places) {
      const query = queryFor(index, place);
      assert.ok([place.name, `${place.name}, ${place.land.name}`, place.ags].includes(query), `${place.ags}: query ${query}`);
      const result = placeQuery(index, query);
      if (result.kind !== 'place' || result.place !== place) {
        failures++;
        if (examples.length < 5) examples.push(`${place.name} ${place.ags}: "${query}" → ${describeQuery(result)}`);
      }
    }
    assert.equal(failures, 0, examples.join('; '));
  });

  it('uses the plain name when it is unique, else name and Land', () => {
    assert.equal(queryFor(index, placeOf('08221000')), 'Heidelberg');
    assert.equal(queryFor(index, placeOf('09571175')), 'Lichtenau, Bayern');
    // Schwerin is also a village in Brandenburg, but the kreisfreie Stadt is meant by its name alone.
    assert.equal(queryFor(index, placeOf('13004000')), 'Schwerin');
  });
});

/** Haversine, written here independently of src/places/nearest.ts (atan2 form). */
function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6371.0088;
  const toRad = Math.PI / 180;
  const φ1 = a.lat * toRad;
  const φ2 = b.lat * toRad;
  const Δφ = (b.lat - a.lat) * toRad;
  const Δλ = (b.lng - a.lng) * toRad;
  const h = Math.min(1, Math.sin(Δφ / 2) ** 2 + Math.cos(φ1) * Math.cos(φ2) * Math.sin(Δλ / 2) ** 2);
  return 2 * R * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

describe('distances (distanceKm)', () => {
  it('agrees with an independent haversine', () => {
    let seed = 20240601;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const points = Array.from({ length: 400 }, () => ({ lat: random() * 180 - 90, lng: random() * 360 - 180 }));
    for (let i = 0; i + 1 < points.length; i += 2) {
      const [a, b] = [points[i]!, points[i + 1]!];
      const expected = haversineKm(a, b);
      assert.ok(Math.abs(distanceKm(a, b) - expected) < 1e-6, `${JSON.stringify([a, b])}: ${distanceKm(a, b)} ≠ ${expected}`);
      assert.ok(Math.abs(distanceKm(b, a) - expected) < 1e-6, 'symmetric');
    }
    // Germany-sized distances, from the places file itself.
    for (let i = 0; i + 1 < places.length; i += 997) {
      assert.ok(Math.abs(distanceKm(places[i]!, places[i + 1]!) - haversineKm(places[i]!, places[i + 1]!)) < 1e-6);
    }
  });

  it('measures Berlin to München as about 504 km', () => {
    const berlin = { lat: 52.52, lng: 13.405 };
    const muenchen = { lat: 48.1374, lng: 11.5755 };
    const km = distanceKm(berlin, muenchen);
    assert.ok(Math.abs(km - 504) <= 2, `${km} km`);
  });

  it('is 0 for one point and half the circumference for antipodes', () => {
    assert.equal(distanceKm({ lat: 49.4, lng: 8.7 }, { lat: 49.4, lng: 8.7 }), 0);
    // (asin near π/2 loses some precision: within 10 m.)
    const km = distanceKm({ lat: 10, lng: 20 }, { lat: -10, lng: -160 });
    assert.ok(Math.abs(km - Math.PI * 6371.0088) < 0.01, `${km} km`);
    // One degree of latitude along a meridian.
    assert.ok(Math.abs(distanceKm({ lat: 50, lng: 10 }, { lat: 51, lng: 10 }) - (Math.PI * 6371.0088) / 180) < 1e-9);
  });
});

describe('nearest members (nearestMembers, isLocal)', () => {
  const heidelberg = placeOf('08221000');
  const member = (id: string, municipality: string, state: string | undefined, lat: number, lng: number): Member =>
    state === undefined ? { id, municipality, lat, lng } : { id, municipality, state, lat, lng };

  // Two members of Heidelberg itself (one of them farther away than some others), and others around.
  const members: Member[] = [
    member('berlin', 'Berlin', 'Berlin', 52.52, 13.405),
    member('local-far', 'Heidelberg', 'BW', 49.0, 8.4),
    member('schwetzingen', 'Schwetzingen', 'Baden-Württemberg', 49.383, 8.572),
    member('mannheim', 'Mannheim', 'Baden-Württemberg', 49.488, 8.466),
    member('namesake', 'Heidelberg', 'Sachsen', 49.405, 8.68),
    member('local-near', 'Stadt Heidelberg', 'Baden-Württemberg', 49.41, 8.69),
    member('stuttgart', 'Stuttgart', 'Baden-Württemberg', 48.7758, 9.1829),
  ];

  it('lists the municipality’s own members first, then the nearest others, each part by distance', () => {
    const nearby = nearestMembers(members, heidelberg, 4);
    assert.deepEqual(
      nearby.map((item) => [item.member.id, item.local]),
      [
        ['local-near', true],
        ['local-far', true],
        ['namesake', false],
        ['schwetzingen', false],
      ],
    );
    for (const item of nearby) assert.equal(item.km, distanceKm(heidelberg, item.member), item.member.id);
    // The far local member is farther than the others listed after it: locals come first regardless.
    assert.ok(nearby[1]!.km > nearby[3]!.km);
  });

  it('lists all others by distance when count allows', () => {
    const nearby = nearestMembers(members, heidelberg, 100);
    assert.equal(nearby.length, members.length);
    assert.deepEqual(
      nearby.map((item) => item.member.id),
      ['local-near', 'local-far', 'namesake', 'schwetzingen', 'mannheim', 'stuttgart', 'berlin'],
    );
    const others = nearby.filter((item) => !item.local);
    for (let i = 1; i < others.length; i++) assert.ok(others[i - 1]!.km <= others[i]!.km, 'others by distance');
  });

  it('lists all of the municipality’s own members, even more than count', () => {
    for (const count of [0, 1, 2]) {
      const nearby = nearestMembers(members, heidelberg, count);
      assert.deepEqual(
        nearby.map((item) => item.member.id),
        ['local-near', 'local-far'],
        `count ${count}`,
      );
    }
    assert.deepEqual(
      nearestMembers(members, heidelberg, 3).map((item) => item.member.id),
      ['local-near', 'local-far', 'namesake'],
    );
  });

  it('lists only the nearest others when the municipality has no members', () => {
    const sipplingen = placeOf('Sipplingen');
    const nearby = nearestMembers(members, sipplingen, 2);
    assert.equal(nearby.length, 2);
    assert.ok(nearby.every((item) => !item.local));
    const expected = [...members].sort((a, b) => distanceKm(sipplingen, a) - distanceKm(sipplingen, b)).slice(0, 2);
    assert.deepEqual(
      nearby.map((item) => item.member.id),
      expected.map((item) => item.id),
    );
    assert.deepEqual(nearestMembers([], sipplingen, 5), []);
  });

  it('counts "Stadt Heidelberg" in Baden-Württemberg (by name or code) as Heidelberg’s, not in another Land', () => {
    for (const state of ['Baden-Württemberg', 'BW', 'DE-BW', 'baden-wuerttemberg']) {
      assert.equal(isLocal(member('m', 'Stadt Heidelberg', state, 49.4, 8.7), heidelberg), true, state);
    }
    for (const state of ['Bayern', 'BY', 'Hessen', 'Sachsen']) {
      assert.equal(isLocal(member('m', 'Stadt Heidelberg', state, 49.4, 8.7), heidelberg), false, state);
    }
    assert.equal(isLocal(member('m', 'Heidelberg', 'Baden-Württemberg', 49.4, 8.7), heidelberg), true);
    assert.equal(isLocal(member('m', 'Heidelberg', undefined, 49.4, 8.7), heidelberg), true, 'no state: the name decides');
    assert.equal(isLocal(member('m', 'Mannheim', 'Baden-Württemberg', 49.4, 8.7), heidelberg), false);
    assert.equal(isLocal(member('m', 'Stadt Heidelberger', 'Baden-Württemberg', 49.4, 8.7), heidelberg), false);
  });
});

describe('Länder bounds', () => {
  type Topology = Parameters<typeof feature>[0];
  type TopoObject = Parameters<typeof feature>[1];
  const file = readJson('data/gazetteer/laender.json') as { topology: Topology };
  const topology = file.topology;
  const geometries = (topology.objects.laender as unknown as { geometries: Array<{ properties: { iso: string } }> }).geometries;

  /** [south, west, north, east] of every coordinate of a GeoJSON geometry. */
  function boxOf(coordinates: unknown): [number, number, number, number] {
    const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
    let count = 0;
    const walk = (value: unknown): void => {
      if (!Array.isArray(value)) return;
      if (typeof value[0] === 'number') {
        const [lng, lat] = value as [number, number];
        box[0] = Math.min(box[0], lat);
        box[1] = Math.min(box[1], lng);
        box[2] = Math.max(box[2], lat);
        box[3] = Math.max(box[3], lng);
        count++;
      } else value.forEach(walk);
    };
    walk(coordinates);
    assert.ok(count >= 4, 'a polygon has coordinates');
    return box;
  }

  it('has one polygon per Land', () => {
    assert.deepEqual(geometries.map((item) => item.properties.iso).sort(), LAENDER.map((item) => item.iso).sort());
    assert.equal(LAENDER.length, 16);
    assert.equal(new Set(LAENDER.map((item) => item.ags)).size, 16);
  });

  for (const geometry of geometries) {
    it(`${geometry.properties.iso}: bounds contain its polygon, at most 0.1° larger on each side`, () => {
      const result = feature(topology, geometry as unknown as TopoObject);
      assert.ok(!('features' in result), 'one feature');
      assert.ok(result.geometry.type === 'Polygon' || result.geometry.type === 'MultiPolygon', result.geometry.type);
      const [south, west, north, east] = boxOf((result.geometry as { coordinates: unknown }).coordinates);
      const bounds = land(geometry.properties.iso).bounds;
      const label = `${geometry.properties.iso}: polygon box ${[south, west, north, east].map((x) => x.toFixed(4)).join(', ')}, bounds ${bounds.join(', ')}`;
      assert.ok(bounds[0] <= south && bounds[1] <= west && bounds[2] >= north && bounds[3] >= east, `${label}: does not contain`);
      const slack = 0.1 + 1e-9;
      assert.ok(south - bounds[0] <= slack && west - bounds[1] <= slack && bounds[2] - north <= slack && bounds[3] - east <= slack, `${label}: too large`);
    });
  }
});

describe('spellings a visitor types', () => {
  it('finds München as "Munchen" too, but "Neuenkirchen" is not "Neunkirchen"', () => {
    const munchen = placeQuery(index, 'Munchen');
    assert.equal(munchen.kind === 'place' && munchen.place.ags, '09162000');
    const neuenkirchen = placeQuery(index, 'Neuenkirchen, Nordrhein-Westfalen');
    const names = neuenkirchen.kind === 'choices' ? neuenkirchen.places.map((place) => place.name) : neuenkirchen.kind === 'place' ? [neuenkirchen.place.name] : [];
    assert.ok(names.length > 0);
    assert.ok(names.every((name) => name.startsWith('Neuenkirchen')), names.join(', '));
  });

  it('answers "Schwerin" with the kreisfreie Stadt and offers the village of that name besides', () => {
    const schwerin = placeQuery(index, 'Schwerin');
    assert.equal(schwerin.kind, 'place');
    if (schwerin.kind !== 'place') return;
    assert.equal(schwerin.place.ags, '13004000');
    assert.deepEqual(schwerin.others?.map((place) => place.land.iso), ['BB']);
    // Two kreisfreie Städte: no guess.
    assert.equal(placeQuery(index, 'Frankfurt').kind, 'choices');
  });
});

describe('one set of name rules for the visitor and the import', () => {
  it('knows the common names and a leading "Stadt …" in the visitor\'s search as the import does', () => {
    for (const [query, ags] of [
      ['Halle an der Saale', '15002000'],
      ['Weiden in der Oberpfalz', '09363000'],
      ['Stadt Heidelberg', '08221000'],
      ['Landeshauptstadt München', '09162000'],
    ] as const) {
      const meant = placeQuery(index, query);
      assert.equal(meant.kind === 'place' && meant.place.ags, ags, query);
    }
    // "Markt …" is part of official names: not stripped.
    const markt = placeQuery(index, 'Markt Wald');
    assert.equal(markt.kind === 'place' && markt.place.name, 'Markt Wald');
  });

  it('lets the members\' text search meet "Muenchen" and "München" too', () => {
    const members: Member[] = [{ id: 'm', municipality: 'München', lat: 48.1, lng: 11.6 }, { id: 'k', municipality: 'Köln', lat: 50.9, lng: 6.9 }];
    assert.deepEqual(searchMembers(members, 'Muenchen').map((member) => member.id), ['m']);
    assert.deepEqual(searchMembers(members, 'koeln').map((member) => member.id), ['k']);
    assert.deepEqual(searchMembers(members, 'KÖLN').map((member) => member.id), ['k']);
  });
});
