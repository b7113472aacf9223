/// <reference types="node" />
// CSV injection (CWE-1236): the export writes no cell a spreadsheet would run as a formula, and the
// import gives back exactly what was exported.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EXPORT_HEADERS, FIELDS } from '../../src/import/columns.js';
import { formatCsv, parseCsv } from '../../src/import/csv.js';
import { exportCsv, exportRows } from '../../src/import/export.js';
import { protectCell, unprotectCell } from '../../src/import/formula-guard.js';
import { formatCollection, memberFeature, PROPERTY_ORDER, type MemberFeatureCollection, type MemberProperties } from '../../src/import/geojson.js';
import { judge } from '../../src/import/validate.js';
import { importText } from './helpers.js';

const TRIGGER = /^[=+\-@\t\r]/;

describe('formula guard', () => {
  it('puts an apostrophe in front of a cell that a spreadsheet would run as a formula', () => {
    assert.equal(protectCell('=HYPERLINK("http://x","Klick")'), `'=HYPERLINK("http://x","Klick")`);
    assert.equal(protectCell('@SUM(1+1)'), "'@SUM(1+1)");
    assert.equal(protectCell('+49 6221 58-0'), "'+49 6221 58-0");
    assert.equal(protectCell('- Leitung -'), "'- Leitung -");
    assert.equal(protectCell('\t=1+1'), "'\t=1+1");
    assert.equal(protectCell('\r=1+1'), "'\r=1+1");
  });

  it('protects a value that already starts with apostrophe + trigger, and leaves every other value alone', () => {
    assert.equal(protectCell("'=x"), "''=x");
    assert.equal(protectCell("''+x"), "'''+x");
    for (const value of ["'s-Hertogenbosch", "'", "''", '', 'Heidelberg', ' =1', '06221 58-0', 'x=1', 'beteiligung@example.org']) {
      assert.equal(protectCell(value), value);
    }
  });

  it('undoes exactly the protection on import', () => {
    assert.equal(unprotectCell("'+49 6221 58-0"), '+49 6221 58-0');
    assert.equal(unprotectCell("'- Leitung -"), '- Leitung -');
    assert.equal(unprotectCell("''=x"), "'=x");
    for (const cell of ["'s-Hertogenbosch", "'", "''", '', '=1+1', '+49 6221 58-0', "x'=1"]) assert.equal(unprotectCell(cell), cell);
  });

  it('is a round trip for every string, and no protected cell starts with a trigger', () => {
    const dangerous = fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', ' ');
    const value = fc.oneof(fc.string(), fc.array(dangerous, { maxLength: 6 }).map((chars) => chars.join('')), fc.string().map((tail) => `'=${tail}`));
    fc.assert(
      fc.property(value, (text) => {
        const cell = protectCell(text);
        assert.equal(unprotectCell(cell), text);
        assert.doesNotMatch(cell, TRIGGER);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Values that a spreadsheet would run, or that look like the protection, at the start of every text field. */
const STARTS = [
  '=HYPERLINK("http://x","Klick")',
  '+49 6221 58-0',
  '- Leitung -',
  '@SUM(1+1)',
  '\t=1+1',
  '\r=1+1',
  "'=1+1",
  "''-x",
  "'\t=x",
  "'s-Hertogenbosch",
];

/** Text fields and the value each gets; the state must be a Bundesland, so it stays plain. */
const TEXT_FIELDS = PROPERTY_ORDER.filter((name) => name !== 'state');

function dangerousCollection(): MemberFeatureCollection {
  const features = STARTS.map((start, index) => {
    const properties = { state: 'Baden-Württemberg' } as MemberProperties;
    for (const name of TEXT_FIELDS) properties[name] = `${start} ${name} ${index}`;
    return memberFeature(properties, 49.3988, Number((8.6724 + index / 100).toFixed(4)));
  });
  features.push(
    memberFeature(
      { id: 'heidelberg', municipality: 'Heidelberg', state: 'Baden-Württemberg', phone: '+49 6221 58-0', role: '- Leitung -' },
      49.3988,
      8.6724,
    ),
  );
  return { type: 'FeatureCollection', features };
}

/** GeoJSON → (validator) → CSV, as `export` does it (the text after the byte order mark). */
function csvOf(collection: MemberFeatureCollection, lang: 'de' | 'en'): string {
  const verdict = judge(new TextEncoder().encode(formatCollection(collection)));
  if (verdict.kind !== 'usable') throw new Error('the collection must be usable');
  assert.deepEqual(verdict.skipped, []);
  const csv = exportCsv(verdict.members, verdict.features, verdict.skipped, lang);
  assert.equal(csv, `\uFEFF${formatCsv(exportRows(verdict.members, verdict.features, verdict.skipped, lang), ';')}`);
  return csv.slice(1);
}

/** The member file as the map reads it: text trimmed (a leading tab or CR is gone). */
const trimmed = (collection: MemberFeatureCollection) =>
  collection.features.map((feature) => ({
    ...feature,
    properties: Object.fromEntries(Object.entries(feature.properties).map(([key, value]) => [key, value.trim()])),
  }));

describe('export → import with formula-like values', () => {
  for (const lang of ['de', 'en'] as const) {
    it(`gives back every text field unchanged (${lang})`, () => {
      const collection = dangerousCollection();
      const csv = csvOf(collection, lang);
      const again = importText(csv);
      // An AGS that is not 8 digits is kept, with a warning; nothing else is reported.
      assert.deepEqual(new Set(again.problems.map((problem) => problem.code)), new Set(['bad-ags']));
      assert.equal(again.complete, true);
      assert.deepEqual(again.collection!.features, trimmed(collection));
    });
  }

  it('writes no cell that starts with =, +, -, @, tab or carriage return', () => {
    const csv = csvOf(dangerousCollection(), 'de');
    const table = parseCsv(csv);
    assert.equal(table.error, undefined);
    assert.deepEqual(table.rows[0]!.cells, FIELDS.map((field) => EXPORT_HEADERS.de[field]));
    const cells = table.rows.flatMap((row) => row.cells);
    assert.ok(cells.length > 100);
    for (const cell of cells) assert.doesNotMatch(cell, TRIGGER, JSON.stringify(cell));
    assert.match(csv, /;'\+49 6221 58-0;/);
    assert.match(csv, /;'- Leitung -;/);
    assert.match(csv, /\r\n"'=HYPERLINK\(""http:\/\/x"",""Klick""\) id 0";/);
    assert.match(csv, /;''\t=x name 8;/);
  });

  it('reads a protected cell the same way from any column, and a cell typed by hand as it is', () => {
    const csv = "ID;Funktion;Kommune;Bundesland;Telefon\r\n'=a;'- Leitung -;Heidelberg;BW;'+49 6221 58-0\r\nb;'s Amt;Heidelberg;BW;+49 6221 58-1\r\n";
    const result = importText(csv);
    assert.deepEqual(result.problems, []);
    const [first, second] = result.collection!.features.map((feature) => feature.properties);
    assert.deepEqual([first!.id, first!.role, first!.phone], ['=a', '- Leitung -', '+49 6221 58-0']);
    assert.deepEqual([second!.id, second!.role, second!.phone], ['b', "'s Amt", '+49 6221 58-1']);
  });
});
