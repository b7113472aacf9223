// Spreadsheet column headers (German or English, any case) → member fields (the headers are in
// fields.ts, with the fields).

import { FIELD_TABLE, type Field } from './fields.js';
import type { Lang } from './i18n/messages.js';
import { fold } from './text.js';

export { FIELDS, type Field } from './fields.js';

const FIELD_BY_KEY = new Map<string, Field>();
for (const field of FIELD_TABLE) {
  for (const header of [field.header.de, field.header.en, ...field.aliases]) FIELD_BY_KEY.set(fold(header), field.key);
}

/** The field a header names, or undefined for an unknown column. */
export function fieldOf(header: string): Field | undefined {
  return FIELD_BY_KEY.get(fold(header));
}

/** Headers that `export` writes, per report language; `import` reads both. */
export const EXPORT_HEADERS: Record<Lang, Record<Field, string>> = {
  de: headersIn('de'),
  en: headersIn('en'),
};

function headersIn(lang: Lang): Record<Field, string> {
  return Object.fromEntries(FIELD_TABLE.map((field) => [field.key, field.header[lang]])) as Record<Field, string>;
}

export interface Column {
  /** Position in the row (0-based). */
  index: number;
  /** The header as written in the file. */
  header: string;
  field?: Field;
}

export interface ColumnMap {
  columns: Column[];
  /** Where each known field is; a field named twice keeps its first column. */
  byField: Partial<Record<Field, Column>>;
  /** Columns whose header names a field that an earlier column already has. */
  duplicates: { column: Column; first: Column }[];
  /** Columns with a header that names no field (blank headers included). */
  unknown: Column[];
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = { columns: [], byField: {}, duplicates: [], unknown: [] };
  headers.forEach((raw, index) => {
    const header = raw.trim();
    const field = fieldOf(header);
    const column: Column = field ? { index, header, field } : { index, header };
    map.columns.push(column);
    if (!field) map.unknown.push(column);
    else if (map.byField[field]) map.duplicates.push({ column, first: map.byField[field] });
    else map.byField[field] = column;
  });
  return map;
}
