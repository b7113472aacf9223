// Member file → spreadsheet rows, the way back to the coordinator's sheet. Every column the
// importer reads is written, so CSV → GeoJSON → CSV keeps every field.
//
// The rows are in sheet form: every cell is protected against formula injection (`protectCell`),
// which is exactly the form `importTable` reads (it removes the protection from every cell first),
// so `importTable` of these rows gives the member file back, whatever the values.

import type { Member, SkippedFeature } from '../data/members.js';
import { EXPORT_HEADERS, FIELDS, type Field } from './columns.js';
import { formatCsv } from './csv.js';
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
 * The header row and one row per valid member. `features` and `skipped` come from the validator:
 * members are the features not skipped, in order, so the two lists zip. Every cell is protected
 * against formula injection (`protectCell`: `+49 …` is written as `'+49 …`); the importer undoes
 * exactly that.
 */
export function exportRows(members: readonly Member[], features: readonly unknown[], skipped: readonly SkippedFeature[], lang: Lang): string[][] {
  const skippedAt = new Set(skipped.map((item) => item.index));
  const raw = features.filter((_, index) => !skippedAt.has(index));
  const rows = [FIELDS.map((field) => protectCell(EXPORT_HEADERS[lang][field]))];
  members.forEach((member, index) => {
    const feature = raw[index];
    const properties = isObject(feature) && isObject(feature.properties) ? feature.properties : {};
    const value: Record<Field, string> = {
      id: member.id,
      name: member.name ?? '',
      role: member.role ?? '',
      organisation: member.organisation ?? '',
      municipality: member.municipality,
      state: member.state ?? '',
      email: member.email ?? '',
      phone: member.phone ?? '',
      url: member.url ?? '',
      lat: decimal(member.lat, lang),
      lon: decimal(member.lng, lang),
      postcode: text(properties.postcode),
      ags: text(properties.ags),
    };
    rows.push(FIELDS.map((field) => protectCell(value[field])));
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
