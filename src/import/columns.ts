// Spreadsheet column headers (German or English, any case) → member fields.

import { fold } from './text.js';

/** Every column the importer understands. `postcode` and `ags` are kept in the member file too. */
export const FIELDS = [
  'id',
  'name',
  'role',
  'organisation',
  'municipality',
  'state',
  'email',
  'phone',
  'url',
  'lat',
  'lon',
  'postcode',
  'ags',
] as const;

export type Field = (typeof FIELDS)[number];

const ALIASES: Record<Field, readonly string[]> = {
  id: ['ID', 'Kennung', 'Mitglieds-ID', 'Member ID'],
  name: ['Name', 'Ansprechperson', 'Ansprechpartner', 'Ansprechpartnerin', 'Ansprechpartner:in', 'Kontaktperson', 'Person', 'Contact person'],
  role: ['Funktion', 'Rolle', 'Role', 'Function', 'Position', 'Amtsbezeichnung'],
  organisation: ['Organisation', 'Organization', 'Verwaltung', 'Behörde', 'Dienststelle', 'Institution'],
  municipality: ['Kommune', 'Gemeinde', 'Stadt', 'Stadt/Gemeinde', 'Ort', 'Municipality', 'City', 'Town'],
  state: ['Bundesland', 'Land', 'State', 'Federal state'],
  email: ['E-Mail', 'Email', 'E-Mail-Adresse', 'Mail', 'Email address'],
  phone: ['Telefon', 'Tel.', 'Telefonnummer', 'Phone', 'Telephone', 'Phone number'],
  url: ['Website', 'Webseite', 'Internetseite', 'Internet', 'Homepage', 'URL', 'Web'],
  lat: ['Breitengrad', 'Breite', 'lat', 'Latitude'],
  lon: ['Längengrad', 'Länge', 'lon', 'lng', 'long', 'Longitude'],
  postcode: ['PLZ', 'Postleitzahl', 'Postcode', 'Postal code', 'ZIP', 'ZIP code'],
  ags: ['AGS', 'Gemeindeschlüssel', 'Amtlicher Gemeindeschlüssel', 'Municipality key'],
};

const FIELD_BY_KEY = new Map<string, Field>();
for (const field of FIELDS) for (const alias of ALIASES[field]) FIELD_BY_KEY.set(fold(alias), field);

/** The field a header names, or undefined for an unknown column. */
export function fieldOf(header: string): Field | undefined {
  return FIELD_BY_KEY.get(fold(header));
}

/** Headers that `export` writes, per report language; `import` reads both. */
export const EXPORT_HEADERS: Record<'de' | 'en', Record<Field, string>> = {
  de: {
    id: 'ID',
    name: 'Name',
    role: 'Funktion',
    organisation: 'Organisation',
    municipality: 'Kommune',
    state: 'Bundesland',
    email: 'E-Mail',
    phone: 'Telefon',
    url: 'Website',
    lat: 'Breitengrad',
    lon: 'Längengrad',
    postcode: 'PLZ',
    ags: 'AGS',
  },
  en: {
    id: 'ID',
    name: 'Name',
    role: 'Role',
    organisation: 'Organisation',
    municipality: 'Municipality',
    state: 'State',
    email: 'Email',
    phone: 'Phone',
    url: 'Website',
    lat: 'Latitude',
    lon: 'Longitude',
    postcode: 'Postcode',
    ags: 'AGS',
  },
};

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
