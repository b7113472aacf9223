/// <reference types="node" />
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMembers, TEXT_FIELDS } from '../../src/data/members.js';
import { EXPORT_HEADERS, fieldOf, FIELDS, mapColumns } from '../../src/import/columns.js';
import { decode } from '../../src/import/decode.js';
import { messagesFor } from '../../src/import/i18n/index.js';
import { assignIds, baseId } from '../../src/import/ids.js';
import { normaliseAgs, type ImportResult } from '../../src/import/import.js';
import type { Problem } from '../../src/import/problems.js';
import { formatProblem } from '../../src/import/report.js';
import { distanceKm, importFixture, importText } from './helpers.js';

const byId = (result: ImportResult) => new Map((result.collection?.features ?? []).map((feature) => [feature.properties.id, feature] as const));
const position = (feature: { geometry: { coordinates: [number, number] } }) => ({
  lng: feature.geometry.coordinates[0],
  lat: feature.geometry.coordinates[1],
});
const summary = (problems: Problem[]) => problems.map((item) => [item.line, item.column, item.code]);

describe('column headers', () => {
  it('reads German and English headers in any case; unknown ones are marked as such', () => {
    const map = mapColumns(['KOMMUNE', 'bundesland', 'Funktion', 'Verwaltung', 'e-mail', 'Tel.', 'Webseite', 'Breitengrad', 'LÄNGENGRAD', 'plz', 'AGS', 'Bemerkung']);
    assert.deepEqual(
      map.columns.map((column) => column.field ?? null),
      ['municipality', 'state', 'role', 'organisation', 'email', 'phone', 'url', 'lat', 'lon', 'postcode', 'ags', null],
    );
    assert.deepEqual(map.unknown.map((column) => column.header), ['Bemerkung']);
    const english = mapColumns(['Name', 'Role', 'Organization', 'City', 'State', 'Email', 'Phone', 'Website', 'lat', 'lon']);
    assert.deepEqual(english.unknown, []);
    assert.deepEqual(Object.keys(english.byField).sort(), ['email', 'lat', 'lon', 'municipality', 'name', 'organisation', 'phone', 'role', 'state', 'url']);
  });

  it('names the issue\'s headers: Gemeinde/Stadt, Rolle, lat/lon, Längengrad', () => {
    for (const [header, field] of [['Gemeinde', 'municipality'], ['Stadt', 'municipality'], ['Rolle', 'role'], ['Längengrad', 'lon'], ['lon', 'lon'], ['lat', 'lat'], ['Website', 'url'], ['Telefon', 'phone']]) {
      assert.equal(fieldOf(header!), field, header);
    }
  });

  it('has a column for every property the element reads, and reads back what export writes', () => {
    for (const property of ['id', 'municipality', ...TEXT_FIELDS]) assert.ok((FIELDS as readonly string[]).includes(property), property);
    for (const lang of ['de', 'en'] as const) {
      for (const field of FIELDS) assert.equal(fieldOf(EXPORT_HEADERS[lang][field]), field, `${lang} ${field}`);
    }
  });
});

describe('import', () => {
  it('places small municipalities by official name within their Land, and any municipality by AGS', () => {
    const result = importText(
      'Kommune;Bundesland;AGS\r\nSipplingen;Baden-Württemberg;\r\nHallig Hooge;SH;\r\nGemeinde am See;;08435053\r\nMünchen;Bayern;\r\n',
    );
    assert.deepEqual(result.problems, []);
    const [sipplingen, hooge, byAgs, munich] = result.collection!.features.map((feature) => feature.geometry.coordinates);
    assert.ok(distanceKm({ lat: sipplingen![1], lng: sipplingen![0] }, { lat: 47.797, lng: 9.096 }) < 3, 'Sipplingen');
    assert.ok(distanceKm({ lat: hooge![1], lng: hooge![0] }, { lat: 54.57, lng: 8.55 }) < 5, 'Hallig Hooge');
    assert.deepEqual(byAgs, sipplingen, 'the AGS of Sipplingen places the row there, whatever its name');
    assert.ok(distanceKm({ lat: munich![1], lng: munich![0] }, { lat: 48.1374, lng: 11.5755 }) < 5, 'München');
    assert.equal(result.stats.byGazetteer, 4);
  });

  it('stops a row whose name fits several municipalities and lists them with their AGS', () => {
    const result = importText('Kommune\r\nFrankfurt\r\n');
    const ambiguous = result.problems[0] as Extract<Problem, { code: 'ambiguous-municipality' }>;
    assert.equal(ambiguous.code, 'ambiguous-municipality');
    assert.deepEqual(ambiguous.params.candidates.map((place) => place.ags), ['06412000', '12053000']);
    assert.match(formatProblem(ambiguous, messagesFor('de')), /Frankfurt am Main \(Hessen, AGS 06412000\); Frankfurt \(Oder\) \(Brandenburg, AGS 12053000\)/);
    assert.equal(result.stats.skipped, 1);
  });

  it('imports a semicolon file with BOM and German headers: coordinates win, the rest is placed by the gazetteer', async () => {
    const result = await importFixture('semicolon-bom.csv');
    assert.equal(result.encoding, 'utf-8-bom');
    assert.equal(result.delimiter, ';');
    assert.deepEqual(result.problems, []);
    assert.equal(result.complete, true);
    assert.deepEqual(result.stats, { rows: 5, byCoordinates: 1, byGazetteer: 4, skipped: 0, derivedIds: 0, blankRows: 0 });
    const members = byId(result);
    assert.deepEqual([...members.keys()], ['heidelberg', 'weyarn', 'halle-saale', 'berlin-lichtenberg', 'flensburg']);
    assert.deepEqual(members.get('berlin-lichtenberg')!.geometry.coordinates, [13.498, 52.5152]);
    assert.ok(distanceKm(position(members.get('heidelberg')!), { lat: 49.3988, lng: 8.6724 }) < 5);
    assert.ok(distanceKm(position(members.get('weyarn')!), { lat: 47.8586, lng: 11.7986 }) < 5);
    assert.ok(distanceKm(position(members.get('halle-saale')!), { lat: 51.4969, lng: 11.9688 }) < 5);
    assert.deepEqual(members.get('heidelberg')!.properties, {
      id: 'heidelberg',
      role: 'Beauftragte für Bürgerbeteiligung',
      organisation: 'Stadt Heidelberg, Koordinierungsstelle Bürgerbeteiligung',
      municipality: 'Heidelberg',
      state: 'Baden-Württemberg',
      email: 'beteiligung.heidelberg@example.org',
      phone: '+49 6221 000000',
      url: 'https://www.example.org/heidelberg',
      postcode: '69117',
    });
    // "SH" is written as the Land's name; the AGS that Excel shortened to 7 digits gets its zero back.
    assert.equal(members.get('flensburg')!.properties.state, 'Schleswig-Holstein');
    assert.equal(members.get('flensburg')!.properties.ags, '01001000');
  });

  it('imports a comma file without BOM, with English headers and quoted commas', async () => {
    const result = await importFixture('comma-utf8.csv');
    assert.equal(result.encoding, 'utf-8');
    assert.equal(result.delimiter, ',');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.stats, { rows: 3, byCoordinates: 1, byGazetteer: 2, skipped: 0, derivedIds: 3, blankRows: 0 });
    const [cologne, duesseldorf, wuerzburg] = result.collection!.features;
    assert.equal(cologne!.properties.organisation, 'City of Cologne, Office for Citizen Participation');
    assert.equal(cologne!.properties.state, 'Nordrhein-Westfalen');
    assert.equal(cologne!.properties.id, 'koeln-participation-officer');
    assert.ok(distanceKm(position(cologne!), { lat: 50.9375, lng: 6.9603 }) < 5);
    assert.ok(distanceKm(position(duesseldorf!), { lat: 51.2277, lng: 6.7735 }) < 5);
    assert.deepEqual(wuerzburg!.geometry.coordinates, [9.9534, 49.7913]);
    assert.equal(wuerzburg!.properties.state, 'Bayern');
  });

  it('imports Windows-1252 with lower- and upper-case headers, umlauts intact', async () => {
    const result = await importFixture('windows-1252.csv');
    assert.equal(result.encoding, 'windows-1252');
    assert.deepEqual(result.problems, []);
    assert.equal(result.complete, true);
    const municipalities = result.collection!.features.map((feature) => feature.properties.municipality);
    assert.deepEqual(municipalities, ['Köln', 'Düsseldorf', 'Würzburg', 'Saarbrücken']);
    assert.equal(result.collection!.features[0]!.properties.organisation, 'Stadt Köln – Büro für Öffentlichkeitsbeteiligung');
    assert.equal(result.collection!.features[0]!.properties.id, 'koeln-beauftragte-fuer-buergerbeteiligung');
    assert.ok(distanceKm(position(result.collection!.features[3]!), { lat: 49.2402, lng: 6.9969 }) < 5);
  });

  it('imports Excel\'s "Unicode-Text" (UTF-16 with BOM, tab-separated)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kommune\tBundesland\tFunktion\r\nKöln\tNordrhein-Westfalen\tBeauftragte\r\n', 'utf16le')]);
    const { text, encoding } = decode(bytes);
    const result = importText(text);
    assert.equal(encoding, 'utf-16le');
    assert.equal(result.delimiter, '\t');
    assert.deepEqual(result.problems, []);
    assert.equal(result.collection!.features[0]!.properties.municipality, 'Köln');
  });

  it('keeps line breaks of quoted multi-line cells and reports later rows with their file line', async () => {
    const result = await importFixture('multiline.csv');
    const heidelberg = result.collection!.features[0]!;
    assert.equal(heidelberg.properties.role, 'Beauftragte für\nBürgerbeteiligung');
    assert.equal(heidelberg.properties.organisation, 'Stadt Heidelberg\nKoordinierungsstelle "Bürgerbeteiligung"; Rathaus');
    assert.deepEqual(
      result.problems.map((item) => [item.line, item.record, item.column, item.code]),
      [[5, 3, 'Gemeinde', 'unknown-municipality']],
    );
    assert.equal(formatProblem(result.problems[0]!, messagesFor('de')).split(':')[1], ' Zeile 5 (Tabellenzeile 3), Spalte „Gemeinde“');
    assert.equal(result.collection!.features[1]!.properties.municipality, 'Jena');
    assert.equal(result.complete, false);
  });

  it('reports each problem row with line, column and reason, and places the rest', async () => {
    const result = await importFixture('problems.csv');
    assert.deepEqual(summary(result.problems), [
      [1, 'Bemerkung', 'unknown-column'],
      [2, 'Kommune', 'ambiguous-municipality'],
      [3, 'Kommune', 'unknown-municipality'],
      [5, 'ID', 'duplicate-id'],
      [6, 'Breitengrad', 'outside-germany'],
      [7, 'Kommune', 'missing-municipality'],
      [8, 'Bundesland', 'unknown-state'],
    ]);
    assert.equal(result.problems[0]!.severity, 'warning');
    assert.ok(result.problems.slice(1).every((item) => item.severity === 'error'));
    const ambiguous = result.problems[1] as Extract<Problem, { code: 'ambiguous-municipality' }>;
    assert.ok(ambiguous.params.candidates.length > 5);
    const duplicate = result.problems[3] as Extract<Problem, { code: 'duplicate-id' }>;
    assert.deepEqual(duplicate.params, { id: 'c', firstLine: 4 });
    const outside = result.problems[4] as Extract<Problem, { code: 'outside-germany' }>;
    assert.equal(outside.params.swapped, true);
    assert.deepEqual(result.stats, { rows: 8, byCoordinates: 0, byGazetteer: 2, skipped: 6, derivedIds: 1, blankRows: 0 });
    assert.deepEqual([...byId(result).keys()], ['c', 'f']);
    assert.equal(result.complete, false);
  });

  it('words every problem in German and English', async () => {
    const result = await importFixture('problems.csv');
    const de = result.problems.map((item) => formatProblem(item, messagesFor('de')));
    const en = result.problems.map((item) => formatProblem(item, messagesFor('en')));
    assert.match(de[1]!, /^Fehler: Zeile 2, Spalte „Kommune“: „Neustadt“ ist mehrdeutig\. In Frage kommen: .*Neustadt a\.d\. Aisch \(Bayern, AGS 09575153\)/);
    assert.match(en[1]!, /^Error: line 2, column "Kommune": "Neustadt" is ambiguous\. Candidates: /);
    assert.match(de[0]!, /^Hinweis: Zeile 1, Spalte „Bemerkung“: Unbekannte Spalte/);
    assert.match(de[3]!, /„c“ steht schon in Zeile 4/);
    assert.match(en[4]!, /look swapped/);
    for (const line of [...de, ...en]) assert.doesNotMatch(line, /undefined|\[object/);
  });

  it('stops on an empty file and on a file with only headers', async () => {
    for (const [name, code] of [['empty.csv', 'empty-file'], ['header-only.csv', 'no-data-rows']] as const) {
      const result = await importFixture(name);
      assert.deepEqual(result.problems.map((item) => item.code), [code], name);
      assert.equal(result.collection, undefined, name);
      assert.equal(result.complete, false, name);
    }
    for (const blank of ['\r\n\r\n', ';;;\r\n;;;\r\n', '   ']) {
      assert.deepEqual(importText(blank).problems.map((item) => item.code), ['empty-file'], JSON.stringify(blank));
    }
  });

  it('stops when there is no municipality column or a field has two columns', () => {
    assert.deepEqual(importText('Name;Funktion\nA;B\n').problems.map((item) => item.code), ['no-municipality-column']);
    const twice = importText('Kommune;Stadt\nKöln;Köln\n');
    assert.deepEqual(summary(twice.problems), [[1, 'Stadt', 'duplicate-column']]);
    assert.equal(twice.collection, undefined);
  });

  it('stops on broken quoting instead of importing garbage', () => {
    const result = importText('Kommune;Funktion\nKöln;x\nBonn;"offen\nJena;y\n');
    assert.deepEqual(summary(result.problems), [[3, undefined, 'csv-syntax']]);
    assert.equal(result.collection, undefined);
  });

  it('accepts decimal commas, rejects half or unreadable coordinates, and skips blank rows', () => {
    const result = importText(
      'Kommune;Breitengrad;Längengrad\nBonn;50,7374;7,0982\n;;\nBonn;50.7374;\nBonn;fünfzig;7\nBonn;"50.7374";"7.0982"\n',
    );
    assert.deepEqual(summary(result.problems), [
      [4, 'Breitengrad', 'incomplete-coordinates'],
      [5, 'Breitengrad', 'bad-number'],
    ]);
    assert.equal(result.stats.blankRows, 1);
    assert.deepEqual(result.collection!.features.map((feature) => feature.geometry.coordinates), [[7.0982, 50.7374], [7.0982, 50.7374]]);
  });

  it('rejects extra cells (an unquoted separator) and an AGS from another Land', () => {
    const result = importText('Kommune;Bundesland;AGS\nKöln;Nordrhein-Westfalen;05315000;oops\nKöln;Bayern;05315000\n');
    assert.deepEqual(summary(result.problems), [
      [2, undefined, 'extra-cells'],
      [3, 'AGS', 'ags-state-mismatch'],
    ]);
    assert.equal(result.stats.skipped, 2);
  });

  it('falls back to the name when the AGS is malformed or unknown, and says so', () => {
    const result = importText('Kommune;AGS\nKöln;12x\nJena;99999999\n');
    assert.deepEqual(summary(result.problems), [
      [2, 'AGS', 'bad-ags'],
      [3, 'AGS', 'unknown-ags'],
    ]);
    assert.ok(result.problems.every((item) => item.severity === 'warning'));
    assert.equal(result.complete, true);
    assert.equal(result.stats.byGazetteer, 2);
  });

  it('writes only what the element accepts in full', async () => {
    const result = await importFixture('semicolon-bom.csv');
    const { members, skipped } = parseMembers(JSON.parse(JSON.stringify(result.collection)));
    assert.deepEqual(skipped, []);
    assert.equal(members.length, 5);
  });
});

describe('ids', () => {
  it('keeps given ids, derives the others from municipality and role, unique and in row order', () => {
    const ids = assignIds([
      { id: 'koeln', municipality: 'Köln', role: 'Beauftragte' },
      { municipality: 'Köln', role: 'Beauftragte' },
      { municipality: 'Halle (Saale)', role: 'Referent für Bürgerbeteiligung' },
      { municipality: 'Köln', role: 'Beauftragte' },
      { id: 'koeln-beauftragte-2', municipality: 'Bonn' },
      { municipality: 'Köln', role: 'Beauftragte' },
      { id: 'koeln', municipality: 'Köln' },
    ]);
    assert.deepEqual(
      ids.map((item) => item.id),
      ['koeln', 'koeln-beauftragte', 'halle-saale-referent-fuer-buergerbeteiligung', 'koeln-beauftragte-3', 'koeln-beauftragte-2', 'koeln-beauftragte-4', 'koeln'],
    );
    assert.deepEqual(ids.map((item) => item.derived), [false, true, true, true, false, true, false]);
    assert.equal(ids[6]!.duplicateOf, 0);
    assert.equal(baseId('Tübingen'), 'tuebingen');
  });

  it('derives the same ids from the same sheet every time', () => {
    const text = 'Kommune;Funktion\nKöln;Beauftragte\nKöln;Beauftragte\nJena;Referent\n';
    const ids = () => importText(text).collection!.features.map((feature) => feature.properties.id);
    assert.deepEqual(ids(), ['koeln-beauftragte', 'koeln-beauftragte-2', 'jena-referent']);
    assert.deepEqual(ids(), ids());
  });

  it('normalises an AGS that Excel shortened or wrote as a 12-digit Regionalschlüssel', () => {
    assert.equal(normaliseAgs('8221000'), '08221000');
    assert.equal(normaliseAgs('08221000'), '08221000');
    assert.equal(normaliseAgs('082210000000'), '08221000');
    assert.equal(normaliseAgs('146280000260'), '14628260');
    assert.equal(normaliseAgs('abc'), undefined);
  });
});
