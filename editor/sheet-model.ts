// The workbench's model: the coordinator's sheet as rows of cells, the single source of truth. Every
// change (an edit, a new member, a resolved row) changes cells, and the data command's own import
// (src/import/) turns the sheet into the member file and the report again. Pure: no DOM.
// Cells are kept as a file has them, with the formula guard's apostrophe (`'=…`): `cell` reads a
// plain value, `setCells` writes one.

import { parseMembers } from '../src/data/members.js';
import { EXPORT_HEADERS, mapColumns, type ColumnMap, type Field } from '../src/import/columns.js';
import { exportRows } from '../src/import/export.js';
import type { Gazetteer } from '../src/import/gazetteer.js';
import type { MemberFeatureCollection } from '../src/import/geojson.js';
import { protectCell, unprotectCell } from '../src/import/formula-guard.js';
import { idSteps } from '../src/import/ids.js';
import { importSteps, type ImportProgress, type ImportResult, type SheetTable } from '../src/import/import.js';
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

/** Runs steps to their end at once (for small sheets and tests; the page runs big ones in slices). */
export function runSteps<T>(steps: Generator<unknown, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A table as read from a file → a sheet (ids not yet written: see withIdsSteps), or the problems that
 * stop it (no header, no municipality column, a CSV syntax error): those are reported as the data
 * command reports them.
 */
export function sheetOf(fileName: string, table: SheetTable, gazetteer: () => Gazetteer): { sheet?: Sheet; fatal?: Problem[] } {
  return runSteps(sheetSteps(fileName, table, gazetteer));
}

/** sheetOf in steps: the import's own first steps, up to its checks of the table as a whole. */
export function* sheetSteps(fileName: string, table: SheetTable, gazetteer: () => Gazetteer): Generator<ImportProgress, { sheet?: Sheet; fatal?: Problem[] }, void> {
  const steps = importSteps(table, { gazetteer });
  let step = steps.next();
  for (; !step.done && step.value.total === 0; step = steps.next()) yield step.value;
  const header = table.rows.find((row) => !isBlank(row.cells));
  // A sheet of headers only is a start: members can be added here.
  const stopped = step.done && !step.value.problems.some((problem) => problem.code === 'no-data-rows');
  if (stopped || !header) return { fatal: step.done ? step.value.problems : [] };
  const rows = table.rows.slice(table.rows.indexOf(header) + 1).filter((row) => !isBlank(row.cells));
  // The cells as read (a new table's own arrays: the sheet replaces them when it changes a row, never changes them).
  return { sheet: { fileName, header: [...header.cells], headerLine: header.line, rows: rows.map((row) => ({ cells: row.cells, line: row.line })) } };
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

// One column map per header row (a header array is never changed, only replaced): looking up a
// cell must not map the headers again for each of 20,000 rows.
const columnMaps = new WeakMap<readonly string[], ColumnMap>();
function columnsOf(header: readonly string[]): ColumnMap {
  let map = columnMaps.get(header);
  if (!map) columnMaps.set(header, (map = mapColumns(header)));
  return map;
}

/** The column of `field`, added (with its German export header) when the sheet has none. */
function columnOf(sheet: Sheet, field: Field): { sheet: Sheet; index: number } {
  const existing = columnsOf(sheet.header).byField[field];
  if (existing) return { sheet, index: existing.index };
  return { sheet: { ...sheet, header: [...sheet.header, EXPORT_HEADERS.de[field]] }, index: sheet.header.length };
}

/** The plain value of a field in a row ('' without such a column). */
export function cell(sheet: Sheet, row: SheetRow, field: Field): string {
  const column = columnsOf(sheet.header).byField[field];
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
  return runSteps(withIdsSteps(sheet));
}

/** withIds in steps (one per row), for a big sheet. */
export function* withIdsSteps(sheet: Sheet): Generator<ImportProgress, Sheet, void> {
  const inputs = sheet.rows.map((row) => ({
    id: cell(sheet, row, 'id'),
    get municipality() {
      return cell(sheet, row, 'municipality');
    },
    get role() {
      return cell(sheet, row, 'role');
    },
  }));
  if (inputs.every((input) => input.id)) return sheet;
  const { sheet: next, index } = columnOf(sheet, 'id');
  const rows = [...sheet.rows];
  let at = 0;
  for (const result of idSteps(inputs)) {
    if (result.derived) {
      const cells = [...rows[at]!.cells];
      while (cells.length <= index) cells.push('');
      cells[index] = protectCell(result.id);
      rows[at] = { ...rows[at]!, cells };
    }
    at++;
    yield { done: at, total: rows.length };
  }
  return { ...next, rows };
}

export interface Checked {
  /** The sheet this is the report of (while a changed sheet is checked, the page still has the last one). */
  sheet: Sheet;
  result: ImportResult;
  collection?: MemberFeatureCollection;
  /** The member file may be downloaded: every row placed and the element's own validator accepts it all. */
  valid: boolean;
  problemsOf(row: SheetRow): Problem[];
}

/** The data command's import on the sheet: the member file and the line-exact report. */
export function check(sheet: Sheet, gazetteer: () => Gazetteer): Checked {
  return runSteps(checkSteps(sheet, gazetteer));
}

/** check in steps (one per row), for a big sheet. */
export function* checkSteps(sheet: Sheet, gazetteer: () => Gazetteer): Generator<ImportProgress, Checked, void> {
  const result = yield* importSteps(tableOf(sheet), { gazetteer });
  const collection = result.collection;
  // The import itself makes sure that the element's validator accepts every feature it writes.
  const accepted = collection !== undefined && collection.features.length > 0;
  const byLine = new Map<number, Problem[]>();
  for (const problem of result.problems) {
    if (problem.line === undefined) continue;
    const list = byLine.get(problem.line);
    if (list) list.push(problem);
    else byLine.set(problem.line, [problem]);
  }
  return {
    sheet,
    result,
    ...(collection ? { collection } : {}),
    valid: result.complete && accepted && !result.problems.some((problem) => problem.severity === 'error'),
    problemsOf: (row) => byLine.get(row.line) ?? [],
  };
}
