// The workbench's model: the coordinator's sheet as rows of cells, the single source of truth. Every
// change (an edit, a new member, a resolved row) changes cells, and the data command's own import
// (src/import/) turns the sheet into the member file and the report again. Pure: no DOM.
// Cells are kept as a file has them, with the formula guard's apostrophe (`'=…`): `cell` reads a
// plain value, `setCells` writes one.

import { parseMembers } from '../src/data/members.js';
import { EXPORT_HEADERS, mapColumns, type Field } from '../src/import/columns.js';
import { exportRows } from '../src/import/export.js';
import type { Gazetteer } from '../src/import/gazetteer.js';
import type { MemberFeatureCollection } from '../src/import/geojson.js';
import { protectCell, unprotectCell } from '../src/import/formula-guard.js';
import { assignIds } from '../src/import/ids.js';
import { importTable, type ImportResult, type SheetTable } from '../src/import/import.js';
import type { Problem } from '../src/import/problems.js';

export interface SheetRow {
  cells: string[];
  /** The row's line in the file it came from (rows added here get the next free number). */
  line: number;
}

export interface Sheet {
  fileName: string;
  header: string[];
  headerLine: number;
  rows: SheetRow[];
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => (cell ?? '').trim() === '');

/**
 * A table as read from a file → a sheet, or the problems that stop it (no header, no municipality
 * column, a CSV syntax error): those are reported as the data command reports them.
 */
export function sheetOf(fileName: string, table: SheetTable, gazetteer: () => Gazetteer): { sheet?: Sheet; fatal?: Problem[] } {
  const header = table.rows.find((row) => !isBlank(row.cells));
  const probe = importTable(table, { gazetteer });
  // A sheet of headers only is a start: members can be added here.
  const stopped = !probe.collection && !probe.problems.some((problem) => problem.code === 'no-data-rows');
  if (stopped || !header) return { fatal: probe.problems };
  const rows = table.rows.slice(table.rows.indexOf(header) + 1).filter((row) => !isBlank(row.cells));
  return { sheet: withIds({ fileName, header: [...header.cells], headerLine: header.line, rows: rows.map((row) => ({ cells: [...row.cells], line: row.line })) }) };
}

/** An empty sheet with the data command's German headers. */
export function emptySheet(fileName: string): Sheet {
  return { fileName, header: Object.values(EXPORT_HEADERS.de), headerLine: 1, rows: [] };
}

/** A member file → a sheet with the headers and cells that `member-map-data export` writes. */
export function sheetOfCollection(fileName: string, json: unknown): Sheet {
  const { members, skipped } = parseMembers(json);
  const features = (json as { features: unknown[] }).features;
  const [header, ...rows] = exportRows(members, features, skipped, 'de');
  return { fileName, header: header!, headerLine: 1, rows: rows.map((cells, index) => ({ cells, line: index + 2 })) };
}

export const tableOf = (sheet: Sheet): SheetTable => ({
  rows: [
    { cells: sheet.header, line: sheet.headerLine, record: 1 },
    ...sheet.rows.map((row, index) => ({ cells: row.cells, line: row.line, record: index + 2 })),
  ],
});

/** The column of `field`, added (with its German export header) when the sheet has none. */
function columnOf(sheet: Sheet, field: Field): { sheet: Sheet; index: number } {
  const existing = mapColumns(sheet.header).byField[field];
  if (existing) return { sheet, index: existing.index };
  return { sheet: { ...sheet, header: [...sheet.header, EXPORT_HEADERS.de[field]] }, index: sheet.header.length };
}

/** The plain value of a field in a row ('' without such a column). */
export function cell(sheet: Sheet, row: SheetRow, field: Field): string {
  const column = mapColumns(sheet.header).byField[field];
  return column ? unprotectCell(row.cells[column.index] ?? '').trim() : '';
}

/** Sets cells of one row (by index); other rows are untouched. */
export function setCells(sheet: Sheet, index: number, values: Partial<Record<Field, string>>): Sheet {
  let next = sheet;
  const cells = [...(sheet.rows[index]?.cells ?? [])];
  for (const [field, value] of Object.entries(values) as [Field, string][]) {
    const column = columnOf(next, field);
    next = column.sheet;
    while (cells.length <= column.index) cells.push('');
    cells[column.index] = protectCell(value);
  }
  const rows = [...next.rows];
  rows[index] = { ...rows[index]!, cells };
  return { ...next, rows };
}

/** A new row at the end, with the next free line number and an id by the data command's rule. */
export function addRow(sheet: Sheet, values: Partial<Record<Field, string>>): Sheet {
  const line = Math.max(sheet.headerLine, ...sheet.rows.map((row) => row.line)) + 1;
  const added = { ...sheet, rows: [...sheet.rows, { cells: [], line }] };
  return withIds(setCells(added, sheet.rows.length, values));
}

export function removeRow(sheet: Sheet, index: number): Sheet {
  return { ...sheet, rows: sheet.rows.filter((_, at) => at !== index) };
}

/**
 * Rows without an id get one by the data command's rule, written into the sheet: an id stays what
 * it is when the role or municipality changes later, and the next import gives the same ids.
 */
export function withIds(sheet: Sheet): Sheet {
  const ids = assignIds(
    sheet.rows.map((row) => ({ id: cell(sheet, row, 'id'), municipality: cell(sheet, row, 'municipality'), role: cell(sheet, row, 'role') })),
  );
  let next = sheet;
  ids.forEach((result, index) => {
    if (result.derived) next = setCells(next, index, { id: result.id });
  });
  return next;
}

export interface Checked {
  result: ImportResult;
  collection?: MemberFeatureCollection;
  /** The member file may be downloaded: every row placed and the element's own validator accepts it all. */
  valid: boolean;
  problemsOf(row: SheetRow): Problem[];
}

/** The data command's import on the sheet: the member file and the line-exact report. */
export function check(sheet: Sheet, gazetteer: () => Gazetteer): Checked {
  const result = importTable(tableOf(sheet), { gazetteer });
  const collection = result.collection;
  const accepted = collection !== undefined && collection.features.length > 0 && parseMembers(collection).skipped.length === 0;
  return {
    result,
    ...(collection ? { collection } : {}),
    valid: result.complete && accepted && !result.problems.some((problem) => problem.severity === 'error'),
    problemsOf: (row) => result.problems.filter((problem) => problem.line === row.line),
  };
}
