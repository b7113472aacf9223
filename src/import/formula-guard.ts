// CSV injection (CWE-1236): a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
// formula (`=HYPERLINK("http://x","Klick")`), and a leading tab or carriage return can hide such a
// start. Every cell the export writes goes through `protectCell`, every cell the import reads goes
// through `unprotectCell`, so the two are one rule and undo each other exactly. Platform-neutral.

/** What a spreadsheet may read as the start of a formula. */
const TRIGGER = '[=+\\-@\\t\\r]';

/**
 * A value that needs the apostrophe: a trigger, possibly after apostrophes. Values that already
 * start with `'` + trigger (`'=x`) are protected as well (`''=x`), so that `unprotectCell` — which
 * removes one apostrophe — gives them back unchanged.
 */
const NEEDS_GUARD = new RegExp(`^'*${TRIGGER}`);

/** A cell that `protectCell` wrote: one or more apostrophes, then a trigger. */
const GUARDED = new RegExp(`^'+${TRIGGER}`);

/**
 * The cell as it may be written to a spreadsheet: a value that a spreadsheet would run as a
 * formula gets a leading `'`, which makes Excel and LibreOffice treat it as text.
 * `+49 6221 58-0` → `'+49 6221 58-0`, `=SUM(1)` → `'=SUM(1)`, `'=x` → `''=x`; `'s-Hertogenbosch` and
 * everything else stays as it is.
 */
export function protectCell(value: string): string {
  return NEEDS_GUARD.test(value) ? `'${value}` : value;
}

/**
 * The value of a cell that may have been protected: a cell that starts with `'` followed by a
 * trigger (or by further apostrophes and then a trigger) loses its first apostrophe; nothing else
 * changes. `unprotectCell(protectCell(value)) === value` for every string.
 */
export function unprotectCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}
