import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MemberDataError, TEXT_FIELDS, parseMembers, type Member, type MemberCollection } from '../src/data/members.js';
import { displayUrl, mailtoHref, normaliseEmail, telHref, webHref } from '../src/links.js';
import { foldText, groupByState, searchMembers } from '../src/search.js';

// Property-based tests (fast-check) over the pure modules: member data, links and search.
// A fixed seed keeps `npm test` reproducible; a failure prints the shrunk counterexample and the
// seed/path to replay it (`fc.assert(..., { seed, path })`).

const SEED = 20261125;
const RUNS = 3000;
const settings = (numRuns = RUNS): fc.Parameters<unknown> => ({ seed: SEED, numRuns, includeErrorInReport: true });

// ---------------------------------------------------------------------------------------------
// An independent reading of the data contract (README "Member data"), to compare parseMembers with

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A cell as text: trimmed non-empty strings, and finite numbers as spreadsheets write them. */
function cell(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function coordinatesOf(feature: Json): [number, number] | undefined {
  const geometry = feature.geometry;
  if (!isRecord(geometry) || geometry.type !== 'Point' || !Array.isArray(geometry.coordinates)) return undefined;
  const [lng, lat] = geometry.coordinates as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number') return undefined;
  if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) return undefined; // also false for NaN
  return [lng, lat];
}

type Expected =
  | { error: 'not-collection' | 'empty' | 'no-valid-members'; invalid: number[] }
  | { error?: undefined; valid: Array<{ index: number; member: Member }>; invalid: number[] };

function expectedResult(input: unknown): Expected {
  if (!isRecord(input) || input.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    return { error: 'not-collection', invalid: [] };
  }
  const features = input.features as unknown[];
  if (features.length === 0) return { error: 'empty', invalid: [] };
  const valid: Array<{ index: number; member: Member }> = [];
  const invalid: number[] = [];
  const ids = new Set<string>();
  for (let index = 0; index < features.length; index += 1) {
    const feature = features[index];
    const point = isRecord(feature) && feature.type === 'Feature' ? coordinatesOf(feature) : undefined;
    const properties = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    const id = cell(properties.id) ?? (isRecord(feature) ? cell(feature.id) : undefined);
    const municipality = cell(properties.municipality);
    if (!point || id === undefined || ids.has(id) || municipality === undefined) {
      invalid.push(index);
      continue;
    }
    ids.add(id);
    const member: Member = { id, municipality, lng: point[0], lat: point[1] };
    for (const field of TEXT_FIELDS) {
      const value = cell(properties[field]);
      if (value !== undefined) member[field] = value;
    }
    valid.push({ index, member });
  }
  if (valid.length === 0) return { error: 'no-valid-members', invalid };
  return { valid, invalid };
}

// Plain checks (chai would be the slowest part of thousands of runs); the message says what differs.
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}
const show = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
/** Members as comparable text: keys sorted, so that field order does not matter. */
const canonical = (members: Member[]) =>
  JSON.stringify(members.map((member) => Object.fromEntries(Object.entries(member).sort(([a], [b]) => a.localeCompare(b)))));

/** parseMembers against the contract; throws an error saying what differs. */
function checkParse(input: unknown): void {
  const expected = expectedResult(input);
  let result: MemberCollection;
  try {
    result = parseMembers(input);
  } catch (error) {
    check(error instanceof MemberDataError, () => `only MemberDataError may be thrown, got ${String(error)}`);
    const dataError = error as MemberDataError;
    check(dataError.code === expected.error, () => `error code ${dataError.code}, expected ${expected.error ?? 'no error'}`);
    check(typeof dataError.message === 'string' && dataError.message !== '', () => 'an error message');
    if (dataError.code === 'no-valid-members') checkSkipped(dataError.details.skipped ?? [], expected.invalid);
    return;
  }
  check(expected.error === undefined, () => `parseMembers returned although the data is unusable (${expected.error})`);
  if (expected.error !== undefined) return;
  const features = (input as { features: unknown[] }).features;
  check(
    result.members.length + result.skipped.length === features.length,
    () => `members (${result.members.length}) + skipped (${result.skipped.length}) != features (${features.length})`,
  );
  // Every valid feature is a member, in file order, with its id, coordinates and text.
  const wanted = expected.valid.map(({ member }) => member);
  check(result.members.length === wanted.length, () => `${result.members.length} members, expected ${wanted.length}`);
  result.members.forEach((member, i) => {
    const [got, want] = [canonical([member]), canonical([wanted[i]])];
    check(got === want, () => `member ${i} (features[${expected.valid[i].index}]) is ${got}, expected ${want}`);
  });
  checkSkipped(result.skipped, expected.invalid);
  for (const member of result.members) {
    for (const [key, value] of Object.entries(member)) {
      if (key === 'lat' || key === 'lng') continue;
      check(typeof value === 'string' && value === value.trim() && value !== '', () => `${key} ${show(value)} is not trimmed, non-empty text`);
    }
  }
}

function checkSkipped(skipped: Array<{ index: number; reason: string }>, invalid: number[]): void {
  const indices = skipped.map((item) => item.index);
  check(show(indices) === show(invalid), () => `skipped indices ${show(indices)}, expected ${show(invalid)}`);
  for (const item of skipped) {
    check(typeof item.reason === 'string' && item.reason.trim() !== '', () => `no reason for features[${item.index}]`);
  }
}

/** fast-check's predicates report only true/false; this keeps the assertion message. */
const holds =
  <T extends unknown[]>(check: (...args: T) => void) =>
  (...args: T) => {
    check(...args);
    return true;
  };

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Any JavaScript value a page could assign to `data` (not only JSON). */
const anyValue = fc.anything({
  maxDepth: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withTypedArray: true,
  withSparseArray: true,
});

const whitespace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\ufeff'), maxLength: 4 });
const ID_POOL = ['a', 'b', ' a ', 'A', '1', '01', '1.0', '', '  '];
const idValue = fc.oneof(
  fc.constantFrom<unknown>(...ID_POOL, 1, 1.0, 0, -0, NaN, Infinity, null, undefined, true),
  fc.string({ maxLength: 6 }),
  fc.integer(),
  whitespace,
);
const coordinate = fc.oneof(
  fc.double({ min: -200, max: 200 }),
  fc.double(), // NaN, ±Infinity, huge
  // the edges of the valid ranges, and just beyond
  fc.constantFrom<unknown>(-180, 180, -90, 90, 0, -0, 90.5, -90.5, 91, -91, 180.5, -180.5, 181, -181, 90.0000001, -90.0000001, 180.0000001, -180.0000001),
  fc.constantFrom<unknown>('8.4', '', null, undefined, true, [], [8.4], {}, Number.MAX_VALUE, Number.MIN_VALUE),
);
const text = fc.oneof(fc.string({ maxLength: 12 }), whitespace, fc.integer(), fc.double(), anyValue);

/** Features that are valid, almost valid, or junk: each field may take any of its odd values. */
const featureLike = fc.oneof(
  { weight: 6, arbitrary: fc.record(
    {
      type: fc.constantFrom<unknown>('Feature', 'Feature', 'Feature', 'feature', 'Point', undefined, 1),
      id: idValue,
      geometry: fc.oneof(
        fc.record(
          {
            type: fc.constantFrom<unknown>('Point', 'Point', 'Point', 'point', 'MultiPoint', 'LineString', null),
            coordinates: fc.oneof(
              fc.tuple(coordinate, coordinate),
              fc.tuple(coordinate, coordinate, coordinate),
              fc.array(coordinate, { maxLength: 3 }),
              anyValue,
            ),
          },
          { requiredKeys: [] },
        ),
        anyValue,
      ),
      properties: fc.oneof(
        fc.record(
          { id: idValue, municipality: text, name: text, role: text, organisation: text, state: text, email: text, phone: text, url: text },
          { requiredKeys: [] },
        ),
        anyValue,
      ),
    },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: anyValue },
);

const collectionLike = fc.record({
  type: fc.constantFrom<unknown>('FeatureCollection', 'FeatureCollection', 'FeatureCollection', 'featurecollection', 'Feature'),
  features: fc.oneof(
    { weight: 9, arbitrary: fc.array(featureLike, { maxLength: 12 }) },
    { weight: 1, arbitrary: anyValue }, // sparse arrays too: a hole is a skipped feature
  ),
});

// Mutations of a real file: set or delete a field anywhere a feature has one, swap or shift
// coordinates, copy a feature over another (duplicate ids), insert junk.
const PATHS: Array<Array<string | number>> = [
  ['type'], ['id'], ['geometry'], ['geometry', 'type'], ['geometry', 'coordinates'], ['geometry', 'coordinates', 0],
  ['geometry', 'coordinates', 1], ['properties'], ['properties', 'id'], ['properties', 'municipality'],
  ['properties', 'name'], ['properties', 'role'], ['properties', 'state'], ['properties', 'email'], ['properties', 'url'],
];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), path: fc.constantFrom(...PATHS), value: fc.oneof(coordinate, idValue, text) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), path: fc.constantFrom(...PATHS) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.oneof(featureLike, anyValue) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(file: { features: unknown[] }, mutations: Mutation[]): { type: string; features: unknown[] } {
  const features = structuredClone(file.features);
  for (const step of mutations) {
    if (features.length === 0) break;
    const i = step.at % features.length;
    if (step.kind === 'insert') features.splice(i, 0, step.value);
    else if (step.kind === 'remove') features.splice(i, 1);
    else if (step.kind === 'copy') features[step.to % features.length] = structuredClone(features[i]);
    else if (step.kind === 'swap') {
      const coordinates = (features[i] as { geometry?: { coordinates?: unknown } })?.geometry?.coordinates;
      if (Array.isArray(coordinates)) coordinates.reverse();
    } else {
      let target: unknown = features[i];
      for (const key of step.path.slice(0, -1)) target = isRecord(target) || Array.isArray(target) ? (target as Json)[key] : undefined;
      if (!isRecord(target) && !Array.isArray(target)) continue;
      const last = step.path[step.path.length - 1];
      if (step.kind === 'delete') delete (target as Json)[last];
      else (target as Json)[last] = step.value;
    }
  }
  return { type: 'FeatureCollection', features };
}


// ---------------------------------------------------------------------------------------------

describe('member data properties (fast-check)', () => {
  let sample: { features: unknown[] };
  before(async () => {
    sample = await (await fetch('/data/members.geojson')).json();
    expect(sample.features.length).to.be.greaterThan(50);
  });

  it('arbitrary values never make parseMembers throw anything but MemberDataError', () => {
    fc.assert(fc.property(anyValue, holds(checkParse)), settings());
    fc.assert(fc.property(fc.jsonValue(), holds(checkParse)), settings(1000));
    // JSON text, as a fetched file is read
    fc.assert(fc.property(fc.json(), (json) => holds(checkParse)(JSON.parse(json))), settings(1000));
  });

  it('every valid feature becomes a member and every other one is skipped with a reason', () => {
    fc.assert(fc.property(collectionLike, holds(checkParse)), settings());
  });

  // Regression (found by the property above with this seed): `features` may be a sparse array when it
  // comes through the `data` property; a hole was neither a member nor skipped.
  it('reports holes in a sparse features array as skipped', () => {
    checkParse({ type: 'FeatureCollection', features: [, { type: 'Feature' }] }); // eslint-disable-line no-sparse-arrays
  });

  it('mutated copies of the sample file lose no valid member', function () {
    this.timeout(20000); // about 2 ms per case; a busy machine doubles that
    checkParse(sample);
    expect(parseMembers(sample).skipped).to.deep.equal([]);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const input = mutate(sample, mutations);
        const before = show(input);
        checkParse(input);
        check(show(input) === before, () => 'parseMembers changed its input');
        return true;
      }),
      settings(1500),
    );
  });
});

describe('link properties (fast-check)', () => {
  // Strings built from the pieces that make URLs dangerous, and arbitrary Unicode.
  const piece = fc.constantFrom(
    'javascript:', 'JaVaScRiPt:', 'java\tscript:', 'java\nscript:', '&#106;avascript:', 'data:', 'vbscript:', 'http:',
    'https://', '//', 'www.', 'mailto:', 'tel:', 'example.org', '@', '(at)', ' [at] ', ' ', '\n', '\u0000', '\u0001',
    '<', '>', '"', "'", '`', '%0a', '%3A', '?', '#', '+49', '30', '1234', 'a', '.de', ':',
  );
  const whitespaceish = fc.constantFrom('', ' ', '\n', '\t');
  const urlish = fc.oneof(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')), fc.string(), fc.string({ unit: 'binary' }));

  it('webHref returns only http(s) URLs', () => {
    fc.assert(
      fc.property(urlish, (value) => {
        const href = webHref(value);
        if (href === undefined) return true;
        expect(href, JSON.stringify(value)).to.match(/^https?:\/\/[^\s]/);
        expect(new URL(href).protocol).to.be.oneOf(['http:', 'https:']);
        expect(displayUrl(href)).to.not.match(/^https?:/i);
        return true;
      }),
      settings(),
    );
  });

  // Addresses as coordinators type them, with hostile characters mixed into each part.
  const part = fc.string({
    unit: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(...'abcxyz019.-_+%&='.split('')) }, { weight: 1, arbitrary: piece }),
    minLength: 1,
    maxLength: 6,
  });
  const at = fc.constantFrom('@', '@', '@', '(at)', ' (at) ', '[at]', ' [AT] ', '@@');
  const address = fc
    .tuple(whitespaceish, part, at, part, fc.constantFrom('.de', '.org', '.de', '.x', ''), whitespaceish)
    .map((parts) => parts.join(''));

  it('mailtoHref returns only mailto: links that keep address and subject apart', () => {
    let links = 0;
    fc.assert(
      fc.property(fc.oneof(urlish, address), fc.oneof(fc.string(), urlish), (value, subject) => {
        const href = mailtoHref(value, subject);
        const address = normaliseEmail(value);
        expect(href === undefined, 'a link exactly when the address is valid').to.equal(address === undefined);
        if (href === undefined) return true;
        expect(address).to.match(/^[^\s@]+@[^\s@]+$/);
        expect(href.startsWith(`mailto:${encodeURI(address!)}`)).to.equal(true);
        expect(href, 'nothing that ends the attribute or the address').to.not.match(/[\s<>"`]/);
        expect(href.split('?'), 'one query, and only for the subject').to.have.length(subject ? 2 : 1);
        expect(href, 'no fragment').to.not.contain('#');
        if (subject) expect(decodeURIComponent(href.split('?subject=')[1])).to.equal(subject);
        links += 1;
        return true;
      }),
      settings(),
    );
    // Domains with `_`, `+`, `%`, `&` or `=` are not addresses, so about a fifth of the cases are.
    expect(links, 'enough valid addresses among the cases').to.be.greaterThan(150);
  });

  // Regression (found by the property above with this seed): `?` and `#` were accepted in an address and
  // left as they were by encodeURI, so "info@stadt?body=Hallo.de" made the data write the mail's body.
  it('keeps ? and # of an address out of the mailto: query', () => {
    for (const value of ['info@stadt?body=Hallo.de', 'a@b#c.de', 'a@?+49.de']) {
      const href = mailtoHref(value, 'Betreff');
      if (href !== undefined) expect(href.split('?')).to.have.length(2, href);
      if (href !== undefined) expect(href, href).to.not.contain('#');
    }
  });

  it('telHref returns tel: with digits only', () => {
    fc.assert(
      fc.property(urlish, (value) => {
        const href = telHref(value);
        if (href !== undefined) expect(href).to.match(/^tel:\+?\d{3,}$/);
        return true;
      }),
      settings(),
    );
  });
});

describe('search properties (fast-check)', () => {
  const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzäöüßÄÖÜABCÉéèñ'.split(''));
  const word = fc.string({ unit: letter, minLength: 1, maxLength: 8 });
  const words = fc.array(word, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));
  const member = fc.record(
    { municipality: words, name: fc.option(words, { nil: undefined }), role: fc.option(words, { nil: undefined }), state: fc.option(words, { nil: undefined }) },
    { requiredKeys: ['municipality'] },
  );
  const members = fc
    .array(member, { minLength: 1, maxLength: 15 })
    .map((list) => list.map((fields, i): Member => ({ ...fields, id: `m${i}`, lat: 50, lng: 8 })));
  const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{Mn}/gu, '');

  it('finds each member by its municipality, in any case and without accents, and keeps the order', () => {
    fc.assert(
      fc.property(members, fc.nat(), (list, pick) => {
        const target = list[pick % list.length];
        for (const query of [target.municipality, target.municipality.toUpperCase(), stripAccents(target.municipality)]) {
          const found = searchMembers(list, query);
          expect(found, JSON.stringify(query)).to.include(target);
          expect(list.filter((m) => found.includes(m)), 'a subsequence of the members').to.deep.equal(found);
        }
        expect(searchMembers(list, '   ')).to.equal(list);
        return true;
      }),
      settings(1000),
    );
  });

  it('another word never finds more', () => {
    fc.assert(
      fc.property(members, words, word, (list, query, extra) => {
        const narrower = searchMembers(list, `${query} ${extra}`);
        const wider = searchMembers(list, query);
        expect(narrower.every((m) => wider.includes(m))).to.equal(true);
        expect(foldText(query)).to.equal(foldText(query.toUpperCase()));
        return true;
      }),
      settings(1000),
    );
  });

  it('groups every member exactly once, by state', () => {
    fc.assert(
      fc.property(members, (list) => {
        const groups = groupByState([...list], '(ohne)');
        const grouped = groups.flatMap((group) => group.members);
        expect(grouped).to.have.length(list.length);
        for (const m of list) expect(grouped.filter((g) => g === m), m.id).to.have.length(1);
        for (const group of groups) {
          expect(group.members).to.not.have.length(0);
          for (const m of group.members) expect(m.state ?? '(ohne)').to.equal(group.state);
        }
        return true;
      }),
      settings(1000),
    );
  });
});
