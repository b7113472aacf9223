/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GAZETTEER_SOURCE, OTHER_NAMES, type Lookup } from '../../src/import/gazetteer.js';
import { loadGazetteer, PLACES_ATTRIBUTION } from '../../src/cli/load-gazetteer.js';
import { ENGLISH_NAMES, findState, STATES } from '../../src/import/states.js';
import { distanceKm } from './helpers.js';

const gazetteer = loadGazetteer();
const state = (name: string) => findState(name)!;

function found(lookup: Lookup) {
  assert.equal(lookup.kind, 'found', JSON.stringify(lookup).slice(0, 300));
  return (lookup as Extract<Lookup, { kind: 'found' }>).place;
}

describe('gazetteer', () => {
  it('names its source as the places file does', () => {
    assert.equal(GAZETTEER_SOURCE, PLACES_ATTRIBUTION);
  });

  // Town-hall / centre positions of the municipalities, as published (WGS 84).
  const known = [
    { name: 'Köln', state: 'Nordrhein-Westfalen', lat: 50.9375, lng: 6.9603 },
    { name: 'Heidelberg', state: 'Baden-Württemberg', lat: 49.3988, lng: 8.6724 },
    { name: 'Weyarn', state: 'Bayern', lat: 47.8586, lng: 11.7986 },
    { name: 'Halle (Saale)', state: 'Sachsen-Anhalt', lat: 51.4969, lng: 11.9688 },
    { name: 'Flensburg', state: 'Schleswig-Holstein', lat: 54.7937, lng: 9.4469 },
    { name: 'Eberswalde', state: 'Brandenburg', lat: 52.8333, lng: 13.8167 },
    { name: 'München', state: 'Bayern', lat: 48.1374, lng: 11.5755 },
    { name: 'Freiburg im Breisgau', state: 'Baden-Württemberg', lat: 47.999, lng: 7.8421 },
  ];
  for (const place of known) {
    it(`places ${place.name} within 5 km of its true position`, () => {
      const result = found(gazetteer.lookup({ name: place.name, state: state(place.state) }));
      assert.equal(result.land.name, place.state);
      assert.ok(distanceKm(result, place) < 5, `${place.name} is ${distanceKm(result, place).toFixed(1)} km off`);
    });
  }

  it('knows small municipalities by their official name, within their Land', () => {
    for (const [name, land, ags] of [
      ['Sipplingen', 'BW', '08435053'],
      ['Weyarn', 'BY', '09182137'],
      ['Hallig Hooge', 'SH', '01054050'],
      ['Wust-Fischbeck', 'ST', '15090631'],
    ] as const) {
      const place = found(gazetteer.lookup({ name, state: state(land) }));
      assert.equal(place.ags, ags, name);
      assert.equal(place.name, name);
    }
  });

  it('places by AGS, also when the name in the sheet is informal', () => {
    const result = gazetteer.lookup({ name: 'Gemeinde Sipplingen am Bodensee', ags: '08435053' });
    assert.equal(result.kind, 'found');
    assert.equal((result as Extract<Lookup, { kind: 'found' }>).by, 'ags');
    assert.equal(found(result).name, 'Sipplingen');
  });

  it('lists both Frankfurts with their Land and AGS', () => {
    const lookup = gazetteer.lookup({ name: 'Frankfurt' });
    assert.equal(lookup.kind, 'ambiguous');
    const candidates = (lookup as Extract<Lookup, { kind: 'ambiguous' }>).candidates.map((place) => `${place.name}|${place.land.iso}|${place.ags}`);
    assert.deepEqual(candidates, ['Frankfurt am Main|HE|06412000', 'Frankfurt (Oder)|BB|12053000']);
  });

  it('finds a name without its umlauts spelled as such ("Koeln", "Muenchen")', () => {
    assert.equal(found(gazetteer.lookup({ name: 'Koeln' })).name, 'Köln');
    assert.equal(found(gazetteer.lookup({ name: 'Muenchen' })).ags, '09162000');
  });

  it('does not guess "Neustadt" without a Land: it lists the candidates', () => {
    const lookup = gazetteer.lookup({ name: 'Neustadt' });
    assert.equal(lookup.kind, 'ambiguous');
    const names = (lookup as Extract<Lookup, { kind: 'ambiguous' }>).candidates.map((place) => `${place.name}|${place.land.iso}`);
    for (const expected of ['Neustadt an der Weinstraße|RP', 'Neustadt a.d. Aisch|BY', 'Neustadt in Holstein|SH', 'Neustadt am Rübenberge|NI']) {
      assert.ok(names.includes(expected), `${expected} among ${names.join(', ')}`);
    }
  });

  it('uses the Land to narrow the candidates, and places the official name without asking', () => {
    const rp = gazetteer.lookup({ name: 'Neustadt', state: state('RP') });
    assert.equal(rp.kind, 'ambiguous');
    const names = (rp as Extract<Lookup, { kind: 'ambiguous' }>).candidates.map((place) => place.name);
    assert.deepEqual(names.sort(), ['Neustadt (Wied)', 'Neustadt an der Weinstraße', 'Neustadt/Westerwald']);
    assert.equal(found(gazetteer.lookup({ name: 'Neustadt an der Weinstraße', state: state('RP') })).ags, '07316000');
    const bavaria = gazetteer.lookup({ name: 'Neustadt', state: state('Bayern') });
    assert.equal(bavaria.kind, 'ambiguous');
    const candidates = (bavaria as Extract<Lookup, { kind: 'ambiguous' }>).candidates;
    assert.ok(candidates.length >= 3);
    assert.ok(candidates.every((place) => place.land.iso === 'BY'));
  });

  it('places an exact qualified name ("Neustadt an der Orla") without asking', () => {
    const place = found(gazetteer.lookup({ name: 'Neustadt an der Orla' }));
    assert.equal(place.land.iso, 'TH');
  });

  it('reports an unknown name with similar entries instead of placing it', () => {
    const typo = gazetteer.lookup({ name: 'Kölln', state: state('NW') });
    assert.equal(typo.kind, 'unknown');
    assert.ok((typo as Extract<Lookup, { kind: 'unknown' }>).suggestions.some((place) => place.name === 'Köln'));
    const invented = gazetteer.lookup({ name: 'Nirgendwo am See', state: state('BY') });
    assert.equal(invented.kind, 'unknown');
  });

  it('places a name without its qualifier when the Land has just one such municipality, never one of another Land', () => {
    // "Halle" in Sachsen-Anhalt is officially "Halle (Saale)"; in Nordrhein-Westfalen "Halle (Westf.)".
    assert.equal(found(gazetteer.lookup({ name: 'Halle', state: state('ST') })).name, 'Halle (Saale)');
    assert.equal(found(gazetteer.lookup({ name: 'Oldenburg', state: state('NI') })).name, 'Oldenburg (Oldb)');
    assert.equal(gazetteer.lookup({ name: 'Halle' }).kind, 'ambiguous');
    assert.equal(gazetteer.lookup({ name: 'Heidelberg', state: state('Bayern') }).kind, 'unknown');
  });

  it('finds a municipality by its AGS, whatever the name', () => {
    const place = found(gazetteer.lookup({ name: 'Stadt Köln', ags: '05315000' }));
    assert.equal(place.name, 'Köln');
    assert.equal(gazetteer.byAgs('99999999'), undefined);
  });

  it('maps every other name of its table to a municipality of the right Land', () => {
    for (const [name, ags] of Object.entries(OTHER_NAMES)) {
      const place = gazetteer.byAgs(ags);
      assert.ok(place, `${name}: no place with AGS ${ags}`);
      assert.equal(place.land.ags, ags.slice(0, 2), name);
      assert.equal(found(gazetteer.lookup({ name, state: place.land })).ags, ags, name);
    }
  });
});

describe('Bundesländer', () => {
  it('knows all 16 by German and English name and ISO code', () => {
    assert.equal(STATES.length, 16);
    for (const item of STATES) {
      for (const spelling of [item.name, ENGLISH_NAMES[item.iso]!, item.iso, `DE-${item.iso}`, item.name.toUpperCase()]) {
        assert.equal(findState(spelling), item, spelling);
      }
    }
    assert.equal(findState('Freistaat Bayern')?.iso, 'BY');
    assert.equal(findState('NRW')?.iso, 'NW');
    assert.equal(findState('Rheinpfalz'), undefined);
  });

  it('agrees with the gazetteer on each Land', () => {
    for (const [name, iso] of [['Köln', 'NW'], ['Kiel', 'SH'], ['Rostock', 'MV'], ['Erfurt', 'TH'], ['Mainz', 'RP'], ['Bremerhaven', 'HB']]) {
      const place = found(gazetteer.lookup({ name: name! }));
      assert.equal(place.land.iso, iso, name);
      assert.equal(place.ags.slice(0, 2), place.land.ags, name);
    }
  });
});
