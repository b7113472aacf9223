// Member file → spreadsheet rows, the way back to the coordinator's sheet. Every column the
// importer reads is written, so CSV → GeoJSON → CSV keeps every field.
//
// The rows are in sheet form: every cell is protected against formula injection (`protectCell`),
// which is exactly the form `importTable` reads (it removes the protection from every cell first),
// so `importTable` of these rows gives the member file back, whatever the values.

import type { Member, SkippedFeature } from '../data/members.js';
import { formatCsv } from './csv.js';
import { FIELD_TABLE, type Field, type FieldSpec } from './fields.js';
import { protectCell } from './formula-guard.js';
import type { Lang } from './i18n/index.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function text(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' ? value.trim() : '';
}

/** Numbers as the language's spreadsheets write them: German Excel reads `49,3988`, not `49.3988`. */
const decimal = (value: number, lang: Lang): string => (lang === 'de' ? String(value).replace('.', ',') : String(value));

/**
 * A member's cell for one field. The id is the validator's (it may come from the feature's own `id`);
 * every other property is read as the validator reads it, so the fields that the element does not
 * show (postcode, AGS) travel too.
 */
function cellOf(field: FieldSpec<Field>, member: Member, properties: Record<string, unknown>, lang: Lang): string {
  switch (field.kind) {
    case 'id':
      return member.id;
    case 'latitude':
      return decimal(member.lat, lang);
    case 'longitude':
      return decimal(member.lng, lang);
    case 'text':
    case 'land':
      return text(properties[field.key]);
  }
}

/**
 * The header row and one row per valid member. `features` and `skipped` come from the validator:
 * members are the features not skipped, in order, so the two lists zip. Every cell is protected
 * against formula injection (`protectCell`: `+49 …` is written as `'+49 …`); the importer undoes
 * exactly that.
 */
export function exportRows(members: readonly Member[], features: readonly unknown[], skipped: readonly SkippedFeature[], lang: Lang): string[][] {
  const skippedAt = new Set(skipped.map((item) => item.index));
  const raw = features.filter((_, index) => !skippedAt.has(index));
  const rows = [FIELD_TABLE.map((field) => protectCell(field.header[lang]))];
  members.forEach((member, index) => {
    const feature = raw[index];
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
    rows.push(FIELD_TABLE.map((field) => protectCell(cellOf(field, member, properties, lang))));
  });
  return rows;
}

/**
 * The export as CSV text, as `member-map-data export` writes it: semicolon-separated, CRLF, with a
 * byte order mark first (Excel reads the file as Windows-1252 without it). Encode it as UTF-8.
 */
export function exportCsv(members: readonly Member[], features: readonly unknown[], skipped: readonly SkippedFeature[], lang: Lang): string {
  return `\uFEFF${formatCsv(exportRows(members, features, skipped, lang), ';')}`;
}
