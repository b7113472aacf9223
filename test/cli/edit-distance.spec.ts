/// <reference types="node" />
// The bounded edit distance that finds similar place names agrees with the plain one.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { editDistance, withinDistance } from '../../src/import/gazetteer.js';

describe('withinDistance', () => {
  it('answers editDistance(a, b) <= most for any two names', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'e', 'n', ' ', 'ü'), maxLength: 14 });
    fc.assert(
      fc.property(name, name, fc.integer({ min: 0, max: 3 }), (a, b, most) => {
        assert.equal(withinDistance(a, b, most), editDistance(a, b) <= most, `${JSON.stringify(a)} ${JSON.stringify(b)} ${most}`);
      }),
      { numRuns: 20_000 },
    );
  });

  it('handles names longer than its buffers, and near misses', () => {
    const long = 'sankt peter ording bad '.repeat(5);
    assert.equal(withinDistance(long, `${long}x`, 1), true);
    assert.equal(withinDistance(long, `x${long}y`, 1), false);
    assert.equal(withinDistance('nirgendwo am see', 'nirgendwo am sees', 2), true);
    assert.equal(withinDistance('koeln', 'koln', 1), true);
    assert.equal(withinDistance('koeln', 'kiel', 1), false);
    assert.equal(withinDistance('koeln', 'kiel', 2), true);
  });
});
