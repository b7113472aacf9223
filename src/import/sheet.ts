// The first sheet of an Excel workbook → the import's table. Platform-neutral and free of any
// library: it takes the rows as `read-excel-file` gives them (arrays of strings, numbers, booleans,
// Dates and null), whichever of its entries read the file — `read-excel-file/node` in the CLI,
// `read-excel-file/browser` on a web page.

import type { CsvRow } from './csv.js';
import type { SheetTable } from './import.js';

/** A number as the sheet shows it: at most 15 significant digits (Excel's precision), no exponent for whole numbers. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  // 0.1 + 0.2 is stored as 0.30000000000000004 and shown as 0.3.
  return String(Number(value.toPrecision(15)));
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date as ISO 8601: `2024-03-01`, or `2024-03-01T14:30:00` when it has a time of day. The reader
 * gives a sheet's date as that date and time in UTC (a workbook has no time zone).
 */
function dateText(value: Date): string {
  if (Number.isNaN(value.getTime())) return '';
  const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const seconds = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
  return seconds === 0 ? date : `${date}T${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
}

/**
 * One cell as text, the way a CSV export of the sheet would have it: a number as the sheet shows
 * it (8221000 → `8221000`, 49.3988 → `49.3988`; the importer gives an AGS or a PLZ its leading
 * zero back and reads either decimal separator), a date as ISO date, TRUE/FALSE for a boolean,
 * an empty cell as ''. Text is kept as it is (the importer trims it).
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  return String(value);
}

/**
 * The rows of a sheet as the import's table. Row `n` of the array is row `n + 1` of the sheet,
 * which is each row's `line` and `record` (1 = the header row), so the report names the row the
 * coordinator sees in Excel. There is no separator.
 */
export function sheetTable(rows: readonly (readonly unknown[])[]): SheetTable {
  return {
    rows: rows.map((row, index): CsvRow => ({
      cells: Array.isArray(row) ? row.map(cellText) : [], // (a row that is not an array: from plain JavaScript)
      line: index + 1,
      record: index + 1,
    })),
  };
}

/** `PK\x03\x04`: the start of a ZIP archive, and so of every `.xlsx` file. */
const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The start of an OLE2 compound file: a legacy binary `.xls` workbook (not readable; the reader says so). */
const isOle2 = (bytes: Uint8Array): boolean =>
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((byte, index) => bytes[index] === byte);

/**
 * Whether a file is to be read as an Excel workbook rather than as CSV text: by its content (a ZIP
 * archive, or a legacy `.xls` file, which the reader rejects with a clear reason) or by its name
 * (`.xlsx`). `name` is a path or a file name; without it only the content decides.
 */
export function isWorkbook(bytes: Uint8Array, name = ''): boolean {
  return isZip(bytes) || isOle2(bytes) || /\.xlsx$/i.test(name);
}
