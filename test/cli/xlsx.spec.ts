/// <reference types="node" />
// Excel workbooks (.xlsx) in `import`: the first sheet, the same headers and the same members as CSV.

import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { readWorkbook } from '../../src/cli/read-workbook.js';
import { formatCsv } from '../../src/import/csv.js';
import { exportRows } from '../../src/import/export.js';
import { formatCollection, memberFeature, type MemberFeatureCollection } from '../../src/import/geojson.js';
import { importTable, type ImportResult } from '../../src/import/import.js';
import { formatProblem } from '../../src/import/report.js';
import { messagesFor } from '../../src/import/i18n/index.js';
import { cellText, isWorkbook, sheetTable } from '../../src/import/sheet.js';
import { judge } from '../../src/import/validate.js';
import { loadGazetteer } from '../../src/cli/load-gazetteer.js';
import { excelRows, NOTES_SHEET, xlsxBytes } from './fixtures/make-xlsx.js';
import { cli, fixture, importFixture, importText, ROOT, spawnCli, withTempDir } from './helpers.js';

/** An .xlsx file → members, with the pure pieces: the library's rows → sheetTable → importTable. */
async function importWorkbook(bytes: Uint8Array): Promise<ImportResult> {
  const rows = await readSheet(Buffer.from(bytes), { trim: false });
  return importTable(sheetTable(rows as unknown[][]), { gazetteer: loadGazetteer });
}

/** What CSV and Excel must agree on: everything but the separator. */
const outcome = ({ problems, stats, collection, complete }: ImportResult) => ({ problems, stats, collection, complete });

describe('sheet.ts: sheet rows → the import table', () => {
  it('writes numbers as the sheet shows them, dates as ISO dates, empty cells as empty text', () => {
    assert.equal(cellText(8221000), '8221000');
    assert.equal(cellText(1067), '1067');
    assert.equal(cellText(49.3988), '49.3988');
    assert.equal(cellText(-0.5), '-0.5');
    assert.equal(cellText(0.1 + 0.2), '0.3', 'at most 15 significant digits, as Excel shows it');
    assert.equal(cellText(49.398800000000001), '49.3988');
    assert.equal(cellText(81210000000), '81210000000');
    assert.equal(cellText(new Date(Date.UTC(2024, 2, 1))), '2024-03-01');
    assert.equal(cellText(new Date(Date.UTC(2024, 2, 1, 14, 30))), '2024-03-01T14:30:00');
    assert.equal(cellText(new Date(Number.NaN)), '');
    assert.equal(cellText(true), 'TRUE');
    assert.equal(cellText(false), 'FALSE');
    assert.equal(cellText(null), '');
    assert.equal(cellText(undefined), '');
    assert.equal(cellText(' Köln '), ' Köln ');
    assert.equal(cellText("'+49 6221 58-0"), "'+49 6221 58-0", 'the importer, not sheet.ts, removes the protection');
  });

  it('numbers each row as the sheet does (1 = header), with no separator', () => {
    const table = sheetTable([['Kommune', 'AGS'], [null, null], ['Heidelberg', 8221000]]);
    assert.equal(table.delimiter, undefined);
    assert.deepEqual(table.rows, [
      { cells: ['Kommune', 'AGS'], line: 1, record: 1 },
      { cells: ['', ''], line: 2, record: 2 },
      { cells: ['Heidelberg', '8221000'], line: 3, record: 3 },
    ]);
  });

  it('takes a file for a workbook by its content (ZIP, legacy .xls) or its .xlsx name', () => {
    const text = new TextEncoder().encode('ID;Kommune\r\n');
    assert.equal(isWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]), 'members.csv'), true);
    assert.equal(isWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])), true);
    assert.equal(isWorkbook(text, 'Mitglieder.XLSX'), true);
    assert.equal(isWorkbook(text, 'members.csv'), false);
    assert.equal(isWorkbook(text), false);
    assert.equal(isWorkbook(new TextEncoder().encode('PK;Kommune\r\n'), 'pk.csv'), false);
  });
});

describe('import of an Excel workbook', () => {
  it('the fixture is semicolon-bom.csv as Excel stores it: numbers as numbers, AGS without its zero, a second sheet', async () => {
    const bytes = await readFile(fixture('members.xlsx'));
    const sheets = await readXlsxFile(bytes, { trim: false });
    assert.deepEqual(sheets.map((sheet) => sheet.sheet), ['Mitglieder', NOTES_SHEET.name]);
    const rows = sheets[0]!.data as unknown[][];
    const wanted = excelRows(await readFile(fixture('semicolon-bom.csv')));
    // The reader pads short rows with null to the width of the sheet.
    assert.deepEqual(rows.map((row) => row.slice(0, 13)), wanted.map((row) => [...row, ...Array(13).fill(null)].slice(0, 13)));
    assert.equal(rows.length, 6);
    const [header, heidelberg, , , berlin, flensburg] = rows;
    const at = (name: string) => header!.indexOf(name);
    assert.equal(heidelberg![at('PLZ')], 69117);
    assert.equal(heidelberg![at('Telefon')], '+49 6221 000000');
    assert.equal(berlin![at('Breitengrad')], 52.5152);
    assert.equal(berlin![at('Längengrad')], 13.498);
    assert.equal(flensburg![at('AGS')], 1001000);
  });

  it('gives exactly the members the CSV gives (pure functions)', async () => {
    const fromExcel = await importWorkbook(await readFile(fixture('members.xlsx')));
    const fromCsv = await importFixture('semicolon-bom.csv');
    assert.equal(fromExcel.delimiter, undefined);
    assert.deepEqual(fromExcel.problems, []);
    assert.deepEqual(outcome(fromExcel), outcome(fromCsv));
    const flensburg = fromExcel.collection!.features.find((feature) => feature.properties.id === 'flensburg')!;
    assert.equal(flensburg.properties.ags, '01001000', 'the AGS got its leading zero back');
    const heidelberg = fromExcel.collection!.features.find((feature) => feature.properties.id === 'heidelberg')!;
    assert.equal(heidelberg.properties.postcode, '69117');
  });

  it('gives the 63 members of the sample sheet data/members.csv from its Excel twin', async () => {
    const csv = await readFile(join(ROOT, 'data/members.csv'));
    const workbook = await xlsxBytes([{ name: 'Tabelle1', rows: excelRows(csv) }]);
    const fromExcel = await importWorkbook(workbook);
    const fromCsv = importText(new TextDecoder().decode(csv));
    assert.equal(fromExcel.stats.rows, 63);
    assert.deepEqual(fromExcel.problems, []);
    assert.deepEqual(outcome(fromExcel), outcome(fromCsv));
  });

  it('removes the export’s formula protection from Excel cells too', async () => {
    const collection: MemberFeatureCollection = {
      type: 'FeatureCollection',
      features: [
        memberFeature({ id: 'hd', municipality: 'Heidelberg', state: 'Baden-Württemberg', phone: '+49 6221 58-0', role: '- Leitung -', name: '=HYPERLINK("http://x","Klick")', organisation: "'@x" }, 49.3988, 8.6724),
      ],
    };
    const verdict = judge(new TextEncoder().encode(formatCollection(collection)));
    if (verdict.kind !== 'usable') throw new Error('usable');
    // The export's rows, saved by Excel as a workbook: text cells as written, apostrophe included.
    const rows = exportRows(verdict.members, verdict.features, verdict.skipped, 'de').map((row) => row.map((cell) => (cell === '' ? null : cell)));
    assert.equal(rows[1]![7], "'+49 6221 58-0");
    const again = await importWorkbook(await xlsxBytes([{ name: 'Tabelle1', rows }]));
    assert.deepEqual(again.problems, []);
    assert.deepEqual(again.collection, collection);
    // …and the CSV export of the same rows gives the same.
    assert.deepEqual(importText(formatCsv(exportRows(verdict.members, verdict.features, verdict.skipped, 'de'))).collection, collection);
  });

  it('reports problems with the sheet’s row numbers, and reads only the first sheet', async () => {
    const workbook = await xlsxBytes([
      {
        name: 'Mitglieder',
        rows: [
          ['Kommune', 'Bundesland', 'AGS'],
          ['Heidelberg', 'Baden-Württemberg', 8221000],
          [null, null, null],
          ['Neustadt', null, null],
        ],
      },
      NOTES_SHEET,
    ]);
    const result = await importWorkbook(workbook);
    assert.deepEqual(result.stats, { rows: 2, byCoordinates: 0, byGazetteer: 1, skipped: 1, derivedIds: 2, blankRows: 1 });
    const lines = result.problems.map((problem) => formatProblem(problem, messagesFor('de')));
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^Fehler: Zeile 4, Spalte „Kommune“: „Neustadt“ ist mehrdeutig/);
    assert.equal(result.collection!.features[0]!.properties.ags, '08221000');
  });

  it('readWorkbook never throws: a broken file or a legacy .xls gives the reason', async () => {
    const broken = await readWorkbook(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.from('not a zip archive at all, just bytes')]));
    assert.ok('error' in broken && broken.error === 'unreadable', JSON.stringify(broken));
    const legacy = await readWorkbook(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    assert.ok('error' in legacy && legacy.error === 'legacy-xls', JSON.stringify(legacy));
    const text = await readWorkbook(Buffer.from('ID;Kommune\r\n'));
    assert.ok('error' in text && text.error === 'unreadable', JSON.stringify(text));
  });
});

describe('member-map-data import with an Excel workbook', () => {
  it('writes the same member file as for the CSV and says it read an Excel file', () =>
    withTempDir(async (dir) => {
      const fromExcel = join(dir, 'excel.geojson');
      const fromCsv = join(dir, 'csv.geojson');
      const { code, stdout, stderr } = await spawnCli(['import', fixture('members.xlsx'), '-o', fromExcel]);
      assert.equal(code, 0, stdout + stderr);
      assert.match(stdout, /^Import aus .*members\.xlsx \(Excel-Tabelle, erstes Blatt\)$/m);
      assert.match(stdout, /5 Zeilen gelesen: 1 mit Koordinaten platziert, 4 über das Ortsverzeichnis platziert, 0 übersprungen\./);
      assert.equal((await cli('import', fixture('semicolon-bom.csv'), '-o', fromCsv)).code, 0);
      assert.equal(await readFile(fromExcel, 'utf8'), await readFile(fromCsv, 'utf8'));
      const english = await cli('import', fixture('members.xlsx'), '-o', fromExcel, '--lang', 'en');
      assert.match(english.out, /^Importing .*members\.xlsx \(Excel workbook, first sheet\)$/m);
    }));

  it('takes a workbook by its content whatever its name', () =>
    withTempDir(async (dir) => {
      const renamed = join(dir, 'mitglieder.csv');
      await writeFile(renamed, await readFile(fixture('members.xlsx')));
      const { code, out } = await cli('import', renamed, '-o', join(dir, 'members.geojson'));
      assert.equal(code, 0, out);
      assert.match(out, /Excel-Tabelle, erstes Blatt/);
    }));

  it('exits 2 with a clear message, not a stack trace, on a broken .xlsx, and writes nothing', () =>
    withTempDir(async (dir) => {
      const broken = join(dir, 'kaputt.xlsx');
      const random = Buffer.alloc(2048);
      for (let index = 0; index < random.length; index++) random[index] = (index * 7919 + 13) % 251;
      await writeFile(broken, Buffer.concat([Buffer.from('PK\x03\x04'), random]));
      const output = join(dir, 'members.geojson');
      const { code, stdout, stderr } = await spawnCli(['import', broken, '-o', output]);
      assert.equal(code, 2);
      assert.match(stderr, /^.*kaputt\.xlsx kann nicht gelesen werden: keine lesbare Excel-Datei \(\.xlsx\)/);
      assert.match(stderr, /als „Excel-Arbeitsmappe \(\*\.xlsx\)“ oder als „CSV UTF-8“ speichern\.\n$/);
      assert.doesNotMatch(stderr, /^\s+at /m);
      assert.equal(stdout, '');
      assert.deepEqual(await readdir(dir), ['kaputt.xlsx']);

      // A CSV file named .xlsx, and an old binary .xls: the same, with the reason.
      const named = join(dir, 'text.xlsx');
      await writeFile(named, 'ID;Kommune\r\nhd;Heidelberg\r\n');
      const text = await cli('import', named, '-o', output, '--lang', 'en');
      assert.equal(text.code, 2);
      assert.match(text.err, /^Cannot read .*text\.xlsx: not a readable Excel file \(\.xlsx\)/);
      const legacy = join(dir, 'alt.xls');
      await writeFile(legacy, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random]));
      const old = await cli('import', legacy, '-o', output);
      assert.equal(old.code, 2);
      assert.match(old.err, /alt\.xls kann nicht gelesen werden: Das ist eine Excel-Datei im alten Format \.xls/);
      assert.deepEqual((await readdir(dir)).sort(), ['alt.xls', 'kaputt.xlsx', 'text.xlsx']);
    }));
});
