/// <reference types="node" />
// parseCsv in steps (the workbench reads a big sheet in slices) gives exactly the rows, lines and
// errors of one parse, wherever the steps are cut.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { csvSteps, type CsvTable, type Delimiter } from '../../src/import/csv.js';

function run(text: string, delimiter: Delimiter, rowsPerStep: number): { table: CsvTable; steps: number } {
  const steps = csvSteps(text, delimiter, rowsPerStep);
  for (let count = 0; ; count++) {
    const step = steps.next();
    if (step.done) return { table: step.value, steps: count };
  }
}

const cell = fc.oneof(
  fc.constantFrom('', 'Köln', 'a;b', 'a,b', '"', 'x"y', ' ', '=1+1', "'+49"),
  fc.string({ unit: fc.constantFrom('a', 'ä', ';', ',', '\t', '"', '\n', '\r', ' ') }),
);
const quoted = (value: string) => (/[;,\t"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const sheet = fc.record({
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
  newline: fc.constantFrom('\r\n', '\n', '\r'),
  delimiter: fc.constantFrom<Delimiter>(';', ',', '\t'),
  trailing: fc.boolean(),
  raw: fc.boolean(), // cells unquoted: stray quotes and separators as a careless export has them
  hint: fc.boolean(),
});

describe('parseCsv in steps', () => {
  it('gives the same table as one parse, wherever it is cut', () => {
    fc.assert(
      fc.property(sheet, fc.integer({ min: 1, max: 5 }), ({ rows, newline, delimiter, trailing, raw, hint }, rowsPerStep) => {
        const text =
          (hint ? `sep=${delimiter}${newline}` : '') +
          rows.map((cells) => cells.map((value) => (raw ? value : quoted(value))).join(delimiter)).join(newline) +
          (trailing ? newline : '');
        const whole = run(text, delimiter, Infinity);
        assert.equal(whole.steps, 0);
        assert.deepEqual(run(text, delimiter, rowsPerStep).table, whole.table);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes one step per 2,000 rows of a big sheet', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `Gemeinde ${i};"Zeile\r\nmit Umbruch";x`).join('\r\n') + '\r\n';
    const { table, steps } = run(text, ';', 2000);
    assert.equal(table.rows.length, 20_000);
    assert.equal(steps, 9);
    assert.equal(table.rows[19_999]!.line, 39_999);
    assert.equal(table.rows[19_999]!.record, 20_000);
  });
});
