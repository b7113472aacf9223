/// <reference types="node" />
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { detectDelimiter, formatCsv, parseCsv } from '../../src/import/csv.js';
import { decode } from '../../src/import/decode.js';
import { decodeWindows1252 } from '../../src/import/decode.js';
import { fixture } from './helpers.js';

describe('decoding spreadsheet exports', () => {
  it('reads UTF-8 with a byte order mark and drops the mark', async () => {
    const bytes = await readFile(fixture('semicolon-bom.csv'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const { text, encoding } = decode(bytes);
    assert.equal(encoding, 'utf-8-bom');
    assert.ok(text.startsWith('ID;Name;'), 'no BOM character left in front of the first header');
    assert.match(text, /Baden-Württemberg/);
  });

  it('reads UTF-8 without a byte order mark', async () => {
    const { text, encoding } = decode(await readFile(fixture('comma-utf8.csv')));
    assert.equal(encoding, 'utf-8');
    assert.match(text, /Köln,North Rhine-Westphalia/);
  });

  it('recognises Windows-1252 and converts it: "Köln" survives, and so does the 0x96 dash', async () => {
    const bytes = await readFile(fixture('windows-1252.csv'));
    assert.ok(bytes.includes(Buffer.from([0x4b, 0xf6, 0x6c, 0x6e])), 'the fixture really holds K 0xF6 l n');
    assert.ok(bytes.includes(0x96));
    const { text, encoding } = decode(bytes);
    assert.equal(encoding, 'windows-1252');
    assert.match(text, /^kommune;/);
    assert.match(text, /\nKöln;Nordrhein-Westfalen;/);
    assert.match(text, /Stadt Köln – Büro für Öffentlichkeitsbeteiligung/);
    assert.match(text, /Straßen- und Grünflächenamt/);
    assert.doesNotMatch(text, /\uFFFD/);
  });

  it('reads UTF-16 with a byte order mark (Excel "Unicode-Text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kommune\tFunktion\r\nKöln\tx\r\n', 'utf16le')]);
    const { text, encoding } = decode(bytes);
    assert.equal(encoding, 'utf-16le');
    assert.equal(text, 'Kommune\tFunktion\r\nKöln\tx\r\n');
  });
});

describe('CSV parsing', () => {
  it('detects semicolon, comma and tab from the header row, ignoring separators in quotes', () => {
    assert.equal(detectDelimiter('Kommune;Funktion;Organisation\r\na,b,c,d,e\r\n'), ';');
    assert.equal(detectDelimiter('Kommune,Funktion\n"a;b;c";d\n'), ',');
    assert.equal(detectDelimiter('"Stadt; Gemeinde",Funktion,Organisation\n'), ',');
    assert.equal(detectDelimiter('Kommune\tFunktion\n'), '\t');
    assert.equal(detectDelimiter('sep=;\nKommune,Funktion\n'), ';');
  });

  it('keeps quoted separators, doubled quotes and line breaks inside a cell, and numbers lines as the file does', async () => {
    const { text } = decode(await readFile(fixture('multiline.csv')));
    const table = parseCsv(text);
    assert.equal(table.delimiter, ';');
    assert.equal(table.error, undefined);
    const [header, first, second, third] = table.rows;
    assert.deepEqual(header!.cells, ['Gemeinde', 'Rolle', 'Organisation', 'Bundesland']);
    assert.deepEqual(first!.cells, [
      'Heidelberg',
      'Beauftragte für\r\nBürgerbeteiligung',
      'Stadt Heidelberg\r\nKoordinierungsstelle "Bürgerbeteiligung"; Rathaus',
      'Baden-Württemberg',
    ]);
    assert.deepEqual([first!.line, first!.record], [2, 2]);
    assert.deepEqual([second!.line, second!.record], [5, 3]);
    assert.deepEqual([third!.line, third!.record], [7, 4]);
  });

  it('reports an unterminated quote with the line it starts on', () => {
    const table = parseCsv('Kommune;Funktion\nKöln;x\nBonn;"offen\nJena;y\n');
    assert.deepEqual(table.error, { line: 3, code: 'MissingQuotes' });
    assert.deepEqual(
      table.rows.map((row) => row.cells[0]),
      ['Kommune', 'Köln'],
    );
  });

  it('reports the line of the broken cell\'s opening quote, also when its row started lines before', () => {
    // The row starts on line 3; its first quoted cell runs on to line 4 and is closed, the next one (line 4) is not.
    const unclosed = parseCsv('Kommune;Funktion;Organisation\r\nKöln;x;y\r\nBonn;"Beauftragte für\r\nBürgerbeteiligung";"Stadt Bonn\r\nJena;x;y\r\n');
    assert.deepEqual(unclosed.error, { line: 4, code: 'MissingQuotes' });
    // A lone quote inside a quoted cell (it should have been doubled).
    const lone = parseCsv('Kommune;Funktion\nKöln;x\n\nBonn;"Büro "Bürgerbeteiligung" im Rathaus"\n');
    assert.deepEqual(lone.error, { line: 4, code: 'InvalidQuotes' });
  });

  it('writes cells with separators, quotes and line breaks so that they read back unchanged', () => {
    const rows = [
      ['a;b', 'say "hi"', 'two\nlines', '+49 351 0', ''],
      ['Köln', 'x', 'y', 'z', 'w'],
    ];
    const text = formatCsv(rows, ';');
    assert.ok(text.endsWith('\r\n'));
    assert.deepEqual(
      parseCsv(text, ';').rows.filter((row) => row.cells.some(Boolean)).map((row) => row.cells),
      rows,
    );
  });
});

describe('Windows-1252 without a library', () => {
  it('maps 0x80–0x9F to their Windows characters and the rest as Latin-1', () => {
    assert.equal(decodeWindows1252(Uint8Array.from([0x80, 0x84, 0x93, 0x94, 0x96, 0x9f, 0xe4, 0xdf, 0x41])), '€„“”–Ÿäß' + 'A');
    assert.equal(decodeWindows1252(new Uint8Array(20000).fill(0xfc)), 'ü'.repeat(20000));
  });
});
