import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseJsonStepwise } from '../src/data/json-stepwise.js';

/** Runs the stepwise parser to its end; returns the result and how often it paused. */
function run(text: string, stepwiseFrom?: number): { value: unknown; pauses: number } {
  const parsing = parseJsonStepwise(text, stepwiseFrom);
  let pauses = 0;
  for (;;) {
    const step = parsing.next();
    if (step.done) return { value: step.value, pauses };
    pauses += 1;
  }
}

function thrown(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return 'no error';
}

/** Features whose text holds everything the scanner must step over: quotes, brackets, commas, escapes. */
function trickyCollection(count: number) {
  return {
    features: Array.from({ length: count }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [8 + i / 1e4, 50] },
      properties: {
        id: `m-${i}`,
        municipality: i % 3 === 0 ? 'Frankfurt [Main], "Römer {Rathaus}, ' : `Ort \\ ${i} \u00e4\u{1f600}`,
        tags: [[1, [2, ',']], { ']': '}' }],
        note: null,
      },
    })),
    type: 'FeatureCollection',
    name: '"features": [1, 2]',
  };
}

describe('parseJsonStepwise (pure data module)', () => {
  it('gives what JSON.parse gives for a large collection, pausing between steps', () => {
    const collection = trickyCollection(5000);
    const text = JSON.stringify(collection, null, 1);
    expect(text.length).to.be.greaterThan(1_000_000);
    const { value, pauses } = run(text);
    expect(value).to.deep.equal(JSON.parse(text));
    // The scan in steps of 256 K characters, then the 5,000 features 300 at a time; a scan that went
    // wrong would fall back to one JSON.parse after its first step of features.
    expect(pauses).to.equal(Math.ceil(text.length / 2 ** 18) + Math.ceil(5000 / 300));
  });

  it('parses a small file in one step', () => {
    const text = JSON.stringify(trickyCollection(3));
    expect(run(text)).to.deep.equal({ value: JSON.parse(text), pauses: 0 });
  });

  it('falls back to one JSON.parse where the layout is not the usual one, with the same result', () => {
    const texts = [
      '{"features": [{"a": 1}], "type": "FeatureCollection", "features": [{"b": 2}, {"c": 3}]}', // the last key counts
      '{"\\u0066eatures": [{"a": 1}, {"b": 2}]}', // an escaped key
      '[{"features": [1, 2]}]', // no object at the root
      '  {"type": "FeatureCollection", "features": []}  ',
      '{"features": {"0": [1, 2]}}',
      '{"a": {"features": [1, 2]}, "features": [3, 4]}', // a nested "features" key
      '"features"',
    ];
    for (const text of texts) expect(run(text, 0).value, text).to.deep.equal(JSON.parse(text));
  });

  it('throws what JSON.parse throws for invalid JSON', () => {
    const texts = [
      '{"features": [{"a": 1},]}',
      '{"features": [{"a": 1}, {"b": }]}',
      '{"features": [1, 2], "type": }',
      '{"features": [1, 2',
      '{"features": [1, 2]} x',
      '',
    ];
    for (const text of texts) {
      expect(thrown(() => run(text, 0)), text).to.equal(thrown(() => JSON.parse(text)));
      expect(thrown(() => run(text, 0)), text).to.match(/^SyntaxError/);
    }
  });

  it('agrees with JSON.parse on any JSON value as features, and any other top-level keys (property)', () => {
    const keys = fc.string({ maxLength: 6 }).filter((key) => key !== 'features');
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 40 }), fc.dictionary(keys, fc.jsonValue(), { maxKeys: 3 }), fc.boolean(), (features, rest, pretty) => {
        const text = JSON.stringify({ ...rest, features, tail: rest }, null, pretty ? 2 : undefined);
        expect(run(text, 0).value).to.deep.equal(JSON.parse(text));
      }),
      { seed: 20261125, numRuns: 400 },
    );
  });
});
