/// <reference types="node" />
// The field table (src/import/fields.ts) is the only list of member fields: every place that lists
// fields lists exactly the table's, in its order, and a value in any field's column travels
// through import, member file and export. The workbench's form is checked in the browser
// (test/member-form-fields.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXPORT_HEADERS, fieldOf, mapColumns } from '../../src/import/columns.js';
import { formatCsv } from '../../src/import/csv.js';
import { exportRows } from '../../src/import/export.js';
import { FIELD_TABLE, FIELDS, type Field } from '../../src/import/fields.js';
import { formatCollection, PROPERTY_ORDER } from '../../src/import/geojson.js';
import { LANGS, messagesFor } from '../../src/import/i18n/index.js';
import { fold } from '../../src/import/text.js';
import { judge } from '../../src/import/validate.js';
import { importText } from './helpers.js';

const keys = FIELD_TABLE.map((field) => field.key);
const isCoordinate = (field: (typeof FIELD_TABLE)[number]) => field.kind === 'latitude' || field.kind === 'longitude';

/** Values that the import keeps as they are: one per field, each different from the others. */
const SAMPLE: Partial<Record<Field, string>> = {
  municipality: 'Heidelberg',
  state: 'Baden-Württemberg',
  email: 'beteiligung@example.org',
  url: 'https://www.example.org/',
  lat: '49.4093',
  lon: '8.6942',
  postcode: '69117',
  ags: '08221000',
};
const sample = (field: Field): string => SAMPLE[field] ?? `Wert von ${field}`;

describe('the field table', () => {
  it('names each field once, and no header names two fields', () => {
    assert.equal(new Set(keys).size, keys.length);
    const owner = new Map<string, Field>();
    for (const field of FIELD_TABLE) {
      for (const header of [field.header.de, field.header.en, ...field.aliases]) {
        const other = owner.get(fold(header));
        assert.ok(other === undefined || other === field.key, `"${header}" names ${other} and ${field.key}`);
        owner.set(fold(header), field.key);
        assert.equal(fieldOf(header), field.key, header);
      }
    }
  });

  it('is the list of fields, of export headers and of the member file\'s properties', () => {
    assert.deepEqual(FIELDS, keys);
    for (const lang of LANGS) {
      assert.deepEqual(Object.keys(EXPORT_HEADERS[lang]), keys, lang);
      assert.deepEqual(Object.values(EXPORT_HEADERS[lang]), FIELD_TABLE.map((field) => field.header[lang]), lang);
    }
    assert.deepEqual(PROPERTY_ORDER, FIELD_TABLE.filter((field) => !isCoordinate(field)).map((field) => field.key));
  });

  it('has a name for every field, and only for them, in each report language', () => {
    for (const lang of LANGS) {
      const names = messagesFor(lang).field;
      assert.deepEqual(Object.keys(names).sort(), [...keys].sort(), lang);
      for (const key of keys) assert.ok(names[key].trim(), `${lang} ${key}`);
    }
  });
});

describe('every field of the table', () => {
  it('is imported from its column, written to the member file and exported again, in the table\'s order', () => {
    const headers = FIELD_TABLE.map((field) => field.header.de);
    const values = keys.map(sample);
    const imported = importText(formatCsv([headers, values], ';'));
    assert.deepEqual(imported.problems, []);
    assert.deepEqual(Object.keys(mapColumns(headers).byField), keys);

    const [feature] = imported.collection!.features;
    const properties = Object.fromEntries(FIELD_TABLE.filter((field) => !isCoordinate(field)).map((field) => [field.key, sample(field.key)]));
    assert.deepEqual(Object.entries(feature!.properties), Object.entries(properties), 'properties, in order');
    assert.deepEqual(feature!.geometry.coordinates, [Number(sample('lon')), Number(sample('lat'))]);

    const verdict = judge(new TextEncoder().encode(formatCollection(imported.collection!)));
    if (verdict.kind !== 'usable') throw new Error(`the member file is not usable: ${verdict.kind}`);
    for (const lang of LANGS) {
      const [header, row] = exportRows(verdict.members, verdict.features, verdict.skipped, lang);
      assert.deepEqual(header, FIELD_TABLE.map((field) => field.header[lang]), `${lang} headers`);
      // German spreadsheets write the coordinates with a decimal comma.
      const expected = FIELD_TABLE.map((field) => (lang === 'de' && isCoordinate(field) ? sample(field.key).replace('.', ',') : sample(field.key)));
      assert.deepEqual(row, expected, `${lang} values`);
    }
  });
});
