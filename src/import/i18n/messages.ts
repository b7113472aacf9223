// Every text the data CLI prints. One dictionary per language implements this interface.

import type { SkipCode } from '../../data/members.js';
import type { Field } from '../columns.js';
import type { CsvErrorCode, Delimiter } from '../csv.js';
import type { Encoding } from '../decode.js';
import type { Place } from '../gazetteer.js';
import type { ImportStats } from '../import.js';
import type { ProblemCode, ProblemParams, Severity } from '../problems.js';

export type Lang = 'de' | 'en';

/** Whole-file verdicts of `validate` and `export` (the element's `MemberDataError` codes and a parse failure). */
export type FileErrorCode = 'invalid-json' | 'not-collection' | 'empty' | 'no-valid-members';

export interface Messages {
  severity: Record<Severity, string>;
  /** "Zeile 7", or "Zeile 9 (Tabellenzeile 7)" when multi-line cells shift the numbering. */
  line: (line: number, record?: number) => string;
  column: (header: string) => string;
  field: Record<Field, string>;
  problem: { [Code in ProblemCode]: (params: ProblemParams[Code]) => string };
  /**
   * Why a CSV file cannot be read, by the parser's error code, and what to fix; the report names the
   * line before it ("Zeile 3: …"). Used by the `csv-syntax` problem.
   */
  csvSyntax: Record<CsvErrorCode, string>;
  place: (place: Place) => string;
  encoding: Record<Encoding, string>;
  delimiter: Record<Delimiter, string>;

  /** `encoding` and `delimiter` are absent for an Excel file. */
  importHeading: (file: string, encoding?: Encoding, delimiter?: Delimiter) => string;
  importSummary: (stats: ImportStats) => string;
  derivedIds: (count: number) => string;
  written: (count: number, file: string) => string;
  notWritten: (skipped: number) => string;
  notWrittenFatal: string;
  nothingPlaced: string;
  partial: (skipped: number) => string;

  validateHeading: (file: string) => string;
  validateSummary: (valid: number, skipped: number) => string;
  /** One skipped feature: the element's own line (`features[3]: …`), glossed in the report language. */
  skippedFeature: (elementLine: string, code: SkipCode) => string;
  fileError: Record<FileErrorCode, string>;

  exportNotWritten: (skipped: number) => string;

  cannotRead: (file: string, reason: string) => string;
  /**
   * A file taken for an Excel workbook (ZIP content or `.xlsx` name) that the reader cannot open;
   * `detail` is the reader's reason (in English, for the terminal; the workbench leaves it out).
   */
  unreadableWorkbook: (file: string, detail?: string) => string;
  /** An Excel file whose parts would unpack to more than the limit (src/import/zip.ts), in whole MB. */
  workbookTooLarge: (file: string, unpackedMb: number, limitMb: number) => string;
  /** A legacy binary Excel file (.xls, Excel 97–2003), which cannot be read. */
  legacyXls: (file: string) => string;
  cannotWrite: (file: string, reason: string) => string;
  usageError: (detail: string) => string;
  usage: string;
}
