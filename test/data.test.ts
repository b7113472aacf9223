import { expect } from '@open-wc/testing';
import { MemberDataError, parseMembers, parseMembersStepwise } from '../src/data/members.js';

const point = (lng: unknown, lat: unknown) => ({ type: 'Point', coordinates: [lng, lat] });
const feature = (properties: Record<string, unknown>, geometry: unknown = point(8.67, 49.4)) => ({
  type: 'Feature',
  geometry,
  properties,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

function dataError(input: unknown): MemberDataError {
  try {
    parseMembers(input);
  } catch (error) {
    if (error instanceof MemberDataError) return error;
    throw error;
  }
  throw new Error('parseMembers did not throw');
}

describe('parseMembers (pure data module)', () => {
  it('turns features into members with [longitude, latitude] read correctly', () => {
    const { members, skipped } = parseMembers(
      collection(feature({ id: 'hd', municipality: 'Heidelberg', role: 'Beauftragte', state: 'Baden-Württemberg' })),
    );
    expect(skipped).to.deep.equal([]);
    expect(members).to.deep.equal([
      { id: 'hd', municipality: 'Heidelberg', role: 'Beauftragte', state: 'Baden-Württemberg', lat: 49.4, lng: 8.67 },
    ]);
  });

  it('trims text, drops empty and non-text values, and reads numbers as text', () => {
    const [member] = parseMembers(
      collection(feature({ id: 7, municipality: '  Köln ', name: '', role: { x: 1 }, phone: 4922112345, url: null })),
    ).members;
    expect(member).to.deep.equal({ id: '7', municipality: 'Köln', phone: '4922112345', lat: 49.4, lng: 8.67 });
  });

  it('takes the id from the feature when properties have none', () => {
    const input = collection({ ...feature({ municipality: 'Bonn' }), id: 'bn' });
    expect(parseMembers(input).members[0].id).to.equal('bn');
  });

  it('skips each kind of bad feature with its index and reason, keeping every valid one', () => {
    const input = collection(
      feature({ id: 'a', municipality: 'A' }),
      'text',
      feature({ id: 'line', municipality: 'L' }, { type: 'LineString', coordinates: [[8, 49], [9, 50]] }),
      feature({ id: 'nogeo', municipality: 'N' }, null),
      feature({ id: 'lat', municipality: 'L' }, point(8, 91)),
      feature({ id: 'lng', municipality: 'L' }, point(-181, 50)),
      feature({ id: 'nan', municipality: 'L' }, point(Number.NaN, 50)),
      feature({ id: 'str', municipality: 'L' }, point('8', '50')),
      feature({ id: 'short', municipality: 'L' }, { type: 'Point', coordinates: [8] }),
      feature({ municipality: 'No id' }),
      feature({ id: 'a', municipality: 'Duplicate' }),
      feature({ id: 'nomuni' }),
      feature({ id: 'b', municipality: 'B' }),
    );
    const { members, skipped } = parseMembers(input);
    expect(members.map((member) => member.id)).to.deep.equal(['a', 'b']);
    expect(skipped.map(({ index, code }) => [index, code])).to.deep.equal([
      [1, 'not-a-feature'],
      [2, 'no-point-geometry'],
      [3, 'no-point-geometry'],
      [4, 'bad-coordinates'],
      [5, 'bad-coordinates'],
      [6, 'bad-coordinates'],
      [7, 'bad-coordinates'],
      [8, 'bad-coordinates'],
      [9, 'missing-id'],
      [10, 'duplicate-id'],
      [11, 'missing-municipality'],
    ]);
    expect(skipped[9].reason).to.contain('"a"');
    for (const item of skipped) expect(item.reason).to.be.a('string').and.not.be.empty;
    expect(members.length + skipped.length).to.equal(input.features.length);
  });

  it('rejects input that is not a FeatureCollection', () => {
    for (const input of [null, 42, 'x', [], {}, { type: 'Feature' }, { type: 'FeatureCollection' }, { type: 'FeatureCollection', features: {} }]) {
      expect(dataError(input).code, JSON.stringify(input)).to.equal('not-collection');
    }
  });

  it('rejects an empty collection', () => {
    expect(dataError(collection()).code).to.equal('empty');
  });

  it('rejects a collection in which no feature can be shown, listing why', () => {
    const error = dataError(collection(feature({ municipality: 'x' }), feature({ id: 'y' })));
    expect(error.code).to.equal('no-valid-members');
    expect(error.details.skipped?.map((item) => item.code)).to.deep.equal(['missing-id', 'missing-municipality']);
  });

  it('can be run in steps that pause every few hundred features, with the same result', () => {
    const features = Array.from({ length: 1001 }, (_, i) => (i % 100 === 7 ? feature({ id: `m${i}` }) : feature({ id: `m${i}`, municipality: `Ort ${i}` })));
    const parsing = parseMembersStepwise(collection(...features));
    let pauses = 0;
    let step = parsing.next();
    while (!step.done) {
      pauses += 1;
      step = parsing.next();
    }
    expect(pauses).to.equal(4); // after features 250, 500, 750 and 1,000
    expect(step.value).to.deep.equal(parseMembers(collection(...features)));
    expect(step.value.members).to.have.length(991);
    expect(step.value.skipped.map((item) => item.index)).to.deep.equal(Array.from({ length: 10 }, (_, i) => i * 100 + 7));
  });

  it('throws the same errors when run in steps', () => {
    expect(() => parseMembersStepwise({ type: 'Feature' }).next()).to.throw(MemberDataError).with.property('code', 'not-collection');
    const parsing = parseMembersStepwise(collection(...Array.from({ length: 300 }, () => feature({}))));
    expect(parsing.next().done).to.equal(false);
    expect(() => parsing.next()).to.throw(MemberDataError).with.property('code', 'no-valid-members');
  });
});
