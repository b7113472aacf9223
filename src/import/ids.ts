// Stable member ids: a given id is kept; a missing one is derived from municipality and role, so
// the same sheet always yields the same ids, and made unique with -2, -3, … in row order.

import { slug } from './text.js';

export interface IdInput {
  id?: string;
  municipality?: string;
  role?: string;
}

export interface IdResult {
  id: string;
  derived: boolean;
  /** Index of the earlier row with the same given id (the element would skip this one). */
  duplicateOf?: number;
}

export function baseId(municipality = '', role = ''): string {
  return [slug(municipality), slug(role)].filter(Boolean).join('-') || 'mitglied';
}

export function assignIds(rows: readonly IdInput[]): IdResult[] {
  return [...idSteps(rows)];
}

/**
 * The ids one row at a time, in row order (what assignIds gives, for a caller that works in steps).
 * A row's derived id depends only on the given ids and the rows before it, so the work can be cut anywhere.
 */
export function* idSteps(rows: readonly IdInput[]): Generator<IdResult, void, void> {
  const given = new Map<string, number>();
  rows.forEach((row, index) => {
    if (row.id && !given.has(row.id)) given.set(row.id, index);
  });
  const taken = new Set(given.keys());
  for (const [index, row] of rows.entries()) {
    if (row.id) {
      const first = given.get(row.id)!;
      yield first === index ? { id: row.id, derived: false } : { id: row.id, derived: false, duplicateOf: first };
      continue;
    }
    const base = baseId(row.municipality, row.role);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    yield { id, derived: true };
  }
}
