/// <reference types="node" />
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { FIELDS } from '../../src/import/columns.js';
import { formatCsv, parseCsv } from '../../src/import/csv.js';
import { decode } from '../../src/import/decode.js';
import { exportRows } from '../../src/import/export.js';
import { unprotectCell } from '../../src/import/formula-guard.js';
import { formatCollection } from '../../src/import/geojson.js';
import { judge } from '../../src/import/validate.js';
import { distanceKm, fixture, importText, ROOT } from './helpers.js';

/** CSV text → GeoJSON text → (validator) → CSV text, as import and export do it. */
function roundTrip(csv: string, lang: 'de' | 'en') {
  const imported = importText(csv);
  assert.deepEqual(imported.problems, []);
  const geojson = formatCollection(imported.collection!);
  const verdict = judge(new TextEncoder().encode(geojson));
  assert.equal(verdict.kind, 'usable');
  if (verdict.kind !== 'usable') throw new Error('unreachable');
  const back = formatCsv(exportRows(verdict.members, verdict.features, verdict.skipped, lang), ';');
  return { geojson, back };
}

const cellsOf = (csv: string) => parseCsv(csv).rows.map((row) => row.cells);
/** Compares cells as the importer reads them: trimmed, line breaks as \n. */
const clean = (rows: string[][]) => rows.map((cells) => cells.map((cell) => cell.replace(/\r\n?/g, '\n').trim()));

describe('round trip CSV → GeoJSON → CSV', () => {
  it('keeps every field: quotes, separators and line breaks in cells, umlauts, phone, postcode and AGS', async () => {
    const { text } = decode(await readFile(fixture('roundtrip.csv')));
    const { back } = roundTrip(text, 'de');
    // The export protects the phone number against formula injection ('+49 …); that is all that differs.
    assert.deepEqual(clean(cellsOf(back).map((cells) => cells.map(unprotectCell))), clean(cellsOf(text)));
    assert.match(back, /;'\+49 351 000000;/);
    assert.match(back, /;01067;14612000\r\n/);
  });

  it('keeps every field with English headers and decimal points as well', async () => {
    const { text } = decode(await readFile(fixture('roundtrip.csv')));
    const { geojson, back } = roundTrip(text, 'en');
    const [header, ...rows] = cellsOf(back);
    assert.deepEqual(header, ['ID', 'Name', 'Role', 'Organisation', 'Municipality', 'State', 'Email', 'Phone', 'Website', 'Latitude', 'Longitude', 'Postcode', 'AGS']);
    assert.equal(rows[0]![FIELDS.indexOf('lat')], '51.0504');
    // …and importing the English export gives the very same member file.
    assert.equal(roundTrip(back, 'de').geojson, geojson);
  });

  it('fills in the coordinates the gazetteer found and keeps every other field of rows without coordinates', () => {
    const csv = 'ID;Funktion;Kommune;Bundesland;E-Mail\r\njena;Beauftragte für Bürgerbeteiligung;Jena;Thüringen;jena@example.org\r\n';
    const { back } = roundTrip(csv, 'de');
    const [header, row] = cellsOf(back);
    const value = (name: string) => row![header!.indexOf(name)]!;
    assert.deepEqual([value('ID'), value('Funktion'), value('Kommune'), value('Bundesland'), value('E-Mail')], ['jena', 'Beauftragte für Bürgerbeteiligung', 'Jena', 'Thüringen', 'jena@example.org']);
    const lat = Number(value('Breitengrad').replace(',', '.'));
    const lng = Number(value('Längengrad').replace(',', '.'));
    assert.ok(distanceKm({ lat, lng }, { lat: 50.9271, lng: 11.5892 }) < 5);
  });

  it('gives the sample member file back from its own export', async () => {
    const bytes = await readFile(`${ROOT}/data/members.geojson`);
    const verdict = judge(bytes);
    if (verdict.kind !== 'usable') throw new Error('the sample must be usable');
    const csv = formatCsv(exportRows(verdict.members, verdict.features, verdict.skipped, 'de'), ';');
    const again = importText(csv);
    assert.deepEqual(again.problems, []);
    assert.deepEqual(again.collection, JSON.parse(new TextDecoder().decode(bytes)));
  });
});
