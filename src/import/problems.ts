// What the importer can find wrong with a spreadsheet. Problems carry codes and values only; the
// report dictionaries (i18n/) turn them into German or English sentences.

import type { Field } from './columns.js';
import type { CsvErrorCode } from './csv.js';
import type { Place } from './gazetteer.js';

export type Severity = 'error' | 'warning';

/** The values each problem is reported with. */
export interface ProblemParams {
  /** The file has no content at all. */
  'empty-file': Record<string, never>;
  /** A header row and nothing else. */
  'no-data-rows': Record<string, never>;
  /** The CSV parser's error code (src/import/csv.ts), worded by the dictionaries. */
  'csv-syntax': { reason: CsvErrorCode };
  'no-municipality-column': { headers: string[] };
  'duplicate-column': { field: Field; first: string };
  /** Warning: a column that is not imported. */
  'unknown-column': { position: number };
  /** The row has more cells than the header has columns. */
  'extra-cells': { values: string[] };
  'missing-municipality': Record<string, never>;
  'unknown-state': { value: string };
  'bad-number': { value: string };
  'incomplete-coordinates': { missing: 'lat' | 'lon' };
  'outside-germany': { lat: number; lng: number; swapped: boolean };
  'ambiguous-municipality': { value: string; state?: string; candidates: Place[] };
  'unknown-municipality': { value: string; state?: string; suggestions: Place[] };
  /** Warning: the AGS cell is not an 8-digit key (the name is looked up instead). */
  'bad-ags': { value: string };
  /** Warning: the gazetteer has no place in that municipality (the name is looked up instead). */
  'unknown-ags': { value: string };
  'ags-state-mismatch': { ags: string; agsState: string; state: string };
  'duplicate-id': { id: string; firstLine: number };
}

export type ProblemCode = keyof ProblemParams;

export type Problem = {
  [Code in ProblemCode]: {
    code: Code;
    severity: Severity;
    /** Line of the CSV file (1 = header). */
    line?: number;
    /** Row as the spreadsheet numbers it, when a multi-line cell makes it differ from `line`. */
    record?: number;
    /** Column header as written in the file. */
    column?: string;
    params: ProblemParams[Code];
  };
}[ProblemCode];

/** Problems that stop the whole import: nothing is written, whatever the options. */
export const FATAL: ReadonlySet<ProblemCode> = new Set<ProblemCode>([
  'empty-file',
  'no-data-rows',
  'csv-syntax',
  'no-municipality-column',
  'duplicate-column',
]);
