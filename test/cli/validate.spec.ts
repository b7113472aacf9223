/// <reference types="node" />
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { MemberDataError, parseMembers, type SkippedFeature } from '../../src/data/members.js';
import { cli, elementFixture, importFixture, ROOT } from './helpers.js';

/** What the element itself concludes from a file (its fetch + parse path, without a browser). */
async function elementVerdict(path: string): Promise<{ code: string; skipped: SkippedFeature[]; count: number }> {
  const text = new TextDecoder().decode(await readFile(path));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { code: 'invalid-json', skipped: [], count: 0 };
  }
  try {
    const { members, skipped } = parseMembers(json);
    return { code: 'ok', skipped, count: members.length };
  } catch (error) {
    assert.ok(error instanceof MemberDataError);
    return { code: error.code, skipped: error.details.skipped ?? [], count: 0 };
  }
}

const FIXTURES = ['mixed.geojson', 'no-valid.geojson', 'empty.geojson', 'not-collection.geojson', 'invalid.geojson', 'members.geojson'];

describe('validate', () => {
  for (const name of FIXTURES) {
    it(`agrees with the element's validator on ${name}`, async () => {
      const path = elementFixture(name);
      const expected = await elementVerdict(path);
      for (const lang of ['de', 'en']) {
        const { code, out } = await cli('validate', path, '--lang', lang);
        const lines = out.split('\n');
        // Exactly the element's skipped features, in its order, with its reason text.
        const printed = lines.filter((line) => line.startsWith('  features[')).map((line) => line.trim());
        assert.equal(printed.length, expected.skipped.length);
        expected.skipped.forEach((item, index) => {
          assert.ok(printed[index]!.startsWith(`features[${item.index}]: ${item.reason}`), printed[index]);
        });
        assert.equal(code, expected.code === 'ok' && expected.skipped.length === 0 ? 0 : 1);
        if (expected.code === 'ok') assert.match(out, new RegExp(`^${expected.count} (Mitglied|member)`, 'm'));
      }
    });
  }

  it('names the reason of an unusable file in the chosen language', async () => {
    assert.match((await cli('validate', elementFixture('invalid.geojson'))).out, /kein gültiges JSON/);
    assert.match((await cli('validate', elementFixture('not-collection.geojson'), '--lang', 'en')).out, /not a GeoJSON FeatureCollection/);
    assert.match((await cli('validate', elementFixture('empty.geojson'), '--lang', 'en')).out, /has no features/);
  });

  it('reports the mixed fixture\'s seven skipped features with the element\'s codes', async () => {
    const expected = await elementVerdict(elementFixture('mixed.geojson'));
    assert.deepEqual(
      expected.skipped.map((item) => item.code),
      ['no-point-geometry', 'bad-coordinates', 'no-point-geometry', 'missing-id', 'duplicate-id', 'missing-municipality', 'not-a-feature'],
    );
    const { out } = await cli('validate', elementFixture('mixed.geojson'));
    assert.match(out, /features\[5\]: property "id" is used by an earlier feature \("hd"\) \(ID doppelt\)/);
    assert.match(out, /^3 Mitglieder werden angezeigt, 7 Einträge werden übersprungen\.$/m);
  });

  it('accepts the sample member file', async () => {
    const { code, out } = await cli('validate', `${ROOT}/data/members.geojson`, '--lang', 'en');
    assert.equal(code, 0);
    assert.match(out, /^63 members are shown, 0 features are skipped\.$/m);
  });
});

describe('schema.json', () => {
  const load = async () => {
    const schema = JSON.parse(await readFile(`${ROOT}/schema.json`, 'utf8'));
    return new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTuples: false }).compile(schema);
  };
  const json = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

  it('accepts the sample file and what the importer writes', async () => {
    const validate = await load();
    assert.ok(validate(await json(`${ROOT}/data/members.geojson`)), JSON.stringify(validate.errors));
    const imported = await importFixture('semicolon-bom.csv');
    assert.ok(validate(JSON.parse(JSON.stringify(imported.collection))), JSON.stringify(validate.errors));
  });

  it('rejects exactly the features the element skips (except duplicate ids, which a schema cannot see)', async () => {
    const validate = await load();
    const mixed = await json(elementFixture('mixed.geojson'));
    const { skipped } = parseMembers(mixed);
    const skippedAt = new Set(skipped.filter((item) => item.code !== 'duplicate-id').map((item) => item.index));
    mixed.features.forEach((feature: unknown, index: number) => {
      const alone = validate({ type: 'FeatureCollection', features: [feature] });
      assert.equal(alone, !skippedAt.has(index), `features[${index}]`);
    });
  });

  it('rejects files the element cannot use at all', async () => {
    const validate = await load();
    for (const name of ['empty.geojson', 'not-collection.geojson']) {
      assert.equal(validate(await json(elementFixture(name))), false, name);
    }
  });
});
