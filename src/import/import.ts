// Spreadsheet text → member features, with every row either placed or reported. Pure: it reads
// no file and writes none (see commands.ts), so the tests drive it directly.

import { parseMembersStepwise, type MemberCollection } from '../data/members.js';
import { mapColumns, type Column, type Field } from './columns.js';
import { inGermany, parseCoordinate, round6 } from './coordinates.js';
import { parseCsv, type CsvRow, type CsvTable, type Delimiter } from './csv.js';
import type { Gazetteer } from './gazetteer.js';
import {
  memberFeature,
  PROPERTY_ORDER,
  type MemberFeature,
  type MemberFeatureCollection,
  type MemberProperties,
  type PropertyName,
} from './geojson.js';
import { idSteps } from './ids.js';
import { unprotectCell } from './formula-guard.js';
import { FATAL, type Problem, type ProblemCode, type ProblemParams } from './problems.js';
import { findState, stateByAgs, type State } from './states.js';

export interface ImportStats {
  /** Data rows (blank rows are not counted). */
  rows: number;
  byCoordinates: number;
  byGazetteer: number;
  skipped: number;
  derivedIds: number;
  blankRows: number;
}

export interface ImportResult {
  /** The CSV separator (none for a spreadsheet file). */
  delimiter?: Delimiter;
  problems: Problem[];
  stats: ImportStats;
  /** The placed members; absent when a fatal problem stopped the import. */
  collection?: MemberFeatureCollection;
  /** True when every data row was placed and nothing fatal happened. */
  complete: boolean;
}

export interface ImportOptions {
  /** Called only when a row needs a place looked up (loading the gazetteer takes a moment). */
  gazetteer: () => Gazetteer;
}

interface Placement {
  lat: number;
  lng: number;
  by: 'coordinates' | 'gazetteer';
}

const problem = <Code extends ProblemCode>(
  code: Code,
  params: ProblemParams[Code],
  where: { row?: CsvRow; column?: Column | undefined } = {},
): Problem => {
  const item = {
    code,
    severity: code === 'unknown-column' || code === 'bad-ags' || code === 'unknown-ags' ? 'warning' : 'error',
    params,
  } as Problem;
  if (where.row) {
    item.line = where.row.line;
    if (where.row.record !== where.row.line) item.record = where.row.record;
  }
  if (where.column) item.column = where.column.header;
  return item;
};

const isBlank = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === '');

/** Cell text, trimmed, with the line breaks of multi-line cells as plain `\n`. */
const clean = (value: string | undefined): string => (value ?? '').replace(/\r\n?/g, '\n').trim();

/** The AGS as 8 digits: Excel drops the leading zero (`8221000`), a 12-digit ARS contains it. */
export function normaliseAgs(value: string): string | undefined {
  const digits = value.replace(/\s/g, '');
  if (/^\d{7}$/.test(digits)) return `0${digits}`;
  if (/^\d{8}$/.test(digits)) return digits;
  if (/^\d{11,12}$/.test(digits)) {
    const ars = digits.padStart(12, '0');
    return ars.slice(0, 5) + ars.slice(9);
  }
  return undefined;
}

/** A postcode that Excel turned into a number (`1067`) gets its leading zero back. */
export const normalisePostcode = (value: string): string => (/^\d{4}$/.test(value) ? `0${value}` : value);

/** A table of rows from any source: a CSV file, or the first sheet of an Excel file (no separator). */
export type SheetTable = Omit<CsvTable, 'delimiter'> & { delimiter?: Delimiter };

export function importMembers(text: string, options: ImportOptions): ImportResult {
  return importTable(parseCsv(text), options);
}

/**
 * The import itself, on rows that were read from CSV text or from a spreadsheet. Every cell first
 * loses the apostrophe that the export's formula protection put in front of it (`'+49 …` → `+49 …`).
 */
export function importTable(sheet: SheetTable, options: ImportOptions): ImportResult {
  const steps = importSteps(sheet, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How far an import in steps has come: `done` of `total` data rows. */
export interface ImportProgress {
  done: number;
  total: number;
}

/** Rows per step while the table is prepared. */
const PREPARE_ROWS = 500;

/**
 * The import as steps, for a caller that must not block (the workbench imports a big sheet in
 * slices and shows its progress): it yields while it prepares the table (`total` 0, every 500
 * rows), once when the table as a whole has passed its checks (`done` 0 of `total` rows), then after
 * every row, and returns what importTable returns. Each step is short; the caller decides when to
 * pause. It returns without a step of `total` > 0 when the table cannot be imported at all (no
 * header, no municipality column, a CSV syntax error, no data rows).
 */
export function* importSteps(sheet: SheetTable, options: ImportOptions): Generator<ImportProgress, ImportResult, void> {
  const unprotected: CsvRow[] = [];
  for (let at = 0; at < sheet.rows.length; at += PREPARE_ROWS) {
    for (const row of sheet.rows.slice(at, at + PREPARE_ROWS)) {
      // A row without a protected cell is taken as it is (a big sheet makes less garbage).
      unprotected.push(row.cells.some((cell) => unprotectCell(cell) !== cell) ? { ...row, cells: row.cells.map(unprotectCell) } : row);
    }
    if (at + PREPARE_ROWS < sheet.rows.length) yield { done: 0, total: 0 };
  }
  const table: SheetTable = { ...sheet, rows: unprotected };
  const separator = table.delimiter ? { delimiter: table.delimiter } : {};
  const problems: Problem[] = [];
  const stats: ImportStats = { rows: 0, byCoordinates: 0, byGazetteer: 0, skipped: 0, derivedIds: 0, blankRows: 0 };
  const stop = (item: Problem): ImportResult => ({ ...separator, problems: [...problems, item], stats, complete: false });

  if (table.error) {
    return stop({ ...problem('csv-syntax', { reason: table.error.code }), line: table.error.line });
  }
  // The first row with any content holds the headers; a file of blank rows (or `;;;`) is empty.
  const header = table.rows.find((row) => !isBlank(row.cells));
  if (!header) return stop(problem('empty-file', {}));
  const headerAt = table.rows.indexOf(header);
  const data = table.rows.slice(headerAt + 1);
  const columns = mapColumns(header.cells);

  const duplicate = columns.duplicates[0];
  if (duplicate) {
    const { column, first } = duplicate;
    return stop(problem('duplicate-column', { field: column.field!, first: first.header }, { row: header, column }));
  }
  if (!columns.byField.municipality) {
    return stop(problem('no-municipality-column', { headers: columns.columns.map((column) => column.header) }, { row: header }));
  }
  for (const column of columns.unknown) {
    const used = data.some((row) => clean(row.cells[column.index]) !== '');
    if (column.header !== '' || used) {
      problems.push(problem('unknown-column', { position: column.index + 1 }, { row: header, column }));
    }
  }

  const rows = data.filter((row) => !isBlank(row.cells));
  stats.blankRows = data.length - rows.length;
  stats.rows = rows.length;
  if (rows.length === 0) return stop(problem('no-data-rows', {}, { row: header }));
  yield { done: 0, total: rows.length };

  const cell = (row: CsvRow, field: Field): string => {
    const column = columns.byField[field];
    return column ? clean(row.cells[column.index]) : '';
  };
  // Ids row by row (deriving one takes a moment), municipality and role read only for a row that
  // needs its id derived: a big sheet's first step stays short.
  const ids = idSteps(
    rows.map((row) => ({
      id: cell(row, 'id'),
      get municipality() {
        return cell(row, 'municipality');
      },
      get role() {
        return cell(row, 'role');
      },
    })),
  );
  const features: MemberFeature[] = [];

  for (const [index, row] of rows.entries()) {
    if (index > 0) yield { done: index, total: rows.length };
    const found: Problem[] = [];
    const at = (field: Field) => ({ row, column: columns.byField[field] });
    const report = <Code extends ProblemCode>(code: Code, params: ProblemParams[Code], field?: Field) =>
      found.push(problem(code, params, field ? at(field) : { row }));

    const extra = row.cells.slice(header.cells.length).map(clean).filter(Boolean);
    if (extra.length > 0) report('extra-cells', { values: extra });

    const { id, derived, duplicateOf } = ids.next().value!;
    if (derived) stats.derivedIds++;
    if (duplicateOf !== undefined) report('duplicate-id', { id, firstLine: rows[duplicateOf]!.line }, 'id');

    const municipality = cell(row, 'municipality');
    if (municipality === '') report('missing-municipality', {}, 'municipality');

    const stateText = cell(row, 'state');
    let state: State | undefined;
    if (stateText !== '') {
      state = findState(stateText);
      if (!state) report('unknown-state', { value: stateText }, 'state');
    }

    const agsText = cell(row, 'ags');
    let ags: string | undefined;
    if (agsText !== '') {
      ags = normaliseAgs(agsText);
      if (!ags) report('bad-ags', { value: agsText }, 'ags');
      else if (state && stateByAgs(ags) !== state) {
        report('ags-state-mismatch', { ags, agsState: stateByAgs(ags)?.name ?? '?', state: state.name }, 'ags');
      }
    }

    const placement = coordinatesOf(row, cell, report);
    const blocked = found.some((item) => item.severity === 'error');
    let place: Placement | undefined = placement ?? undefined;
    if (!blocked && placement === undefined) {
      const gazetteer = options.gazetteer();
      let query = { name: municipality, ...(state ? { state } : {}), ...(ags ? { ags } : {}) };
      if (ags && !gazetteer.byAgs(ags)) {
        report('unknown-ags', { value: ags }, 'ags');
        query = { name: municipality, ...(state ? { state } : {}) };
      }
      const lookup = gazetteer.lookup(query);
      const where = { value: municipality, ...(state ? { state: state.name } : {}) };
      if (lookup.kind === 'found') place = { lat: lookup.place.lat, lng: lookup.place.lng, by: 'gazetteer' };
      else if (lookup.kind === 'ambiguous') report('ambiguous-municipality', { ...where, candidates: lookup.candidates }, 'municipality');
      else report('unknown-municipality', { ...where, suggestions: lookup.suggestions }, 'municipality');
    }
    problems.push(...found);

    if (!place || found.some((item) => item.severity === 'error')) {
      stats.skipped++;
      continue;
    }
    if (place.by === 'coordinates') stats.byCoordinates++;
    else stats.byGazetteer++;
    // Every property as the sheet has it, then those that the checks above have read and normalised.
    const properties: MemberProperties = {
      ...(Object.fromEntries(PROPERTY_ORDER.map((name) => [name, cell(row, name)])) as Record<PropertyName, string>),
      id,
      municipality,
      state: state?.name ?? '',
      postcode: normalisePostcode(cell(row, 'postcode')),
      ags: ags ?? agsText,
    };
    features.push(memberFeature(properties, round6(place.lat), round6(place.lng)));
  }
  yield { done: rows.length, total: rows.length };

  const collection: MemberFeatureCollection = { type: 'FeatureCollection', features };
  if (features.length > 0) {
    // The element's validator, in its own steps (a few hundred features each).
    const validating = parseMembersStepwise(collection);
    for (let step = validating.next(); ; step = validating.next()) {
      if (step.done) {
        assertElementAccepts(step.value);
        break;
      }
      yield { done: rows.length, total: rows.length };
    }
  }
  return {
    ...separator,
    problems,
    stats,
    collection,
    complete: stats.skipped === 0 && !problems.some((item) => FATAL.has(item.code)),
  };
}

/**
 * Reads the coordinate columns. `undefined`: none given (look the place up); `null`: given but
 * unusable (reported); otherwise the placement.
 */
function coordinatesOf(
  row: CsvRow,
  cell: (row: CsvRow, field: Field) => string,
  report: <Code extends ProblemCode>(code: Code, params: ProblemParams[Code], field?: Field) => void,
): Placement | null | undefined {
  const latText = cell(row, 'lat');
  const lngText = cell(row, 'lon');
  if (latText === '' && lngText === '') return undefined;
  if (latText === '') return void report('incomplete-coordinates', { missing: 'lat' }, 'lon'), null;
  if (lngText === '') return void report('incomplete-coordinates', { missing: 'lon' }, 'lat'), null;
  const lat = parseCoordinate(latText);
  const lng = parseCoordinate(lngText);
  if (lat === undefined) report('bad-number', { value: latText }, 'lat');
  if (lng === undefined) report('bad-number', { value: lngText }, 'lon');
  if (lat === undefined || lng === undefined) return null;
  if (!inGermany(lat, lng)) {
    report('outside-germany', { lat, lng, swapped: inGermany(lng, lat) }, 'lat');
    return null;
  }
  return { lat, lng, by: 'coordinates' };
}

/** What the importer writes, the element's own validator must accept in full. */
function assertElementAccepts({ skipped }: MemberCollection): void {
  if (skipped.length > 0) {
    throw new Error(`internal error: the element would skip ${skipped.map((item) => `features[${item.index}]: ${item.reason}`).join('; ')}`);
  }
}
