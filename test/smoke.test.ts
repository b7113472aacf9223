import { expect } from '@open-wc/testing';
import { loadedMap, visibleCounts } from './helpers.js';

describe('smoke', () => {
  it('loads', async () => {
    const el = await loadedMap('members.geojson');
    const counts = visibleCounts(el);
    console.log(JSON.stringify(counts));
    expect(counts.total).to.equal(12);
  });
});
