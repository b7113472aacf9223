/// <reference types="node" />
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { decode } from '../../src/import/decode.js';
import { distanceKm, importText, ROOT } from './helpers.js';

interface Feature {
  geometry: { coordinates: [number, number] };
  properties: Record<string, string>;
}

describe('sample spreadsheet data/members.csv', () => {
  it('is semicolon-separated UTF-8 with BOM and CRLF, as Excel saves "CSV UTF-8"', async () => {
    const bytes = await readFile(`${ROOT}/data/members.csv`);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const { text } = decode(bytes);
    assert.ok(text.startsWith('ID;Name;Funktion;Organisation;Kommune;Bundesland;'));
    assert.equal(text.split('\r\n').length, 65);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
  });

  it('imports cleanly into the members of data/members.geojson: same ids, same fields, positions within 8 km', async () => {
    const expected = JSON.parse(await readFile(`${ROOT}/data/members.geojson`, 'utf8')).features as Feature[];
    const { text } = decode(await readFile(`${ROOT}/data/members.csv`));
    const result = importText(text);
    assert.deepEqual(result.problems, []);
    assert.equal(result.complete, true);
    assert.deepEqual(result.stats, { rows: 63, byCoordinates: 3, byGazetteer: 60, skipped: 0, derivedIds: 0, blankRows: 0 });
    const actual = result.collection!.features;
    assert.deepEqual(
      actual.map((feature) => feature.properties.id),
      expected.map((feature) => feature.properties.id),
    );
    actual.forEach((feature, index) => {
      const want = expected[index]!;
      assert.deepEqual(feature.properties, want.properties, want.properties.id);
      const [lng, lat] = feature.geometry.coordinates;
      const [wantLng, wantLat] = want.geometry.coordinates;
      const km = distanceKm({ lat, lng }, { lat: wantLat, lng: wantLng });
      // A point inside the municipality (its centroid where that lies inside), not its town hall:
      // Rostock reaches out to Warnemünde, 6.7 km from the centre.
      assert.ok(km < 8, `${want.properties.id} is ${km.toFixed(1)} km off`);
    });
    // The Berlin and Hamburg district offices carry their own coordinates, which win.
    for (const id of ['berlin-2', 'berlin-3', 'hamburg-2']) {
      const mine = actual.find((feature) => feature.properties.id === id)!;
      const theirs = expected.find((feature) => feature.properties.id === id)!;
      assert.deepEqual(mine.geometry.coordinates, theirs.geometry.coordinates, id);
    }
  });

  it('keeps to the sample rules: no personal names, only example.org addresses', async () => {
    const result = importText(decode(await readFile(`${ROOT}/data/members.csv`)).text);
    for (const feature of result.collection!.features) {
      assert.equal(feature.properties.name, undefined);
      if (feature.properties.email) assert.match(feature.properties.email, /@example\.org$/);
    }
  });
});
