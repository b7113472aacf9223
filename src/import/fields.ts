// The member fields, each written once. The column map (columns.ts), the member file's property
// order (geojson.ts), the import, the export and the workbench's form (editor/views.ts) are derived
// from this table. A new field is one entry here plus its name for the reports' sentences in each
// language's dictionary (src/import/i18n/, `field`; German uses the header), which the compiler
// asks for.

import type { Lang } from './i18n/messages.js';

/**
 * What a field holds, which decides how import, export and form treat it:
 * - `id`: a property; derived from municipality and role when the sheet has none; read-only in the form;
 * - `text`: a property, as written (trimmed);
 * - `land`: a property naming a Bundesland: the import writes its German name, the form offers the 16;
 * - `latitude`, `longitude`: the point's coordinates, in the member file's geometry, not its properties.
 */
export type FieldKind = 'id' | 'text' | 'land' | 'latitude' | 'longitude';

/**
 * Where the workbench's form asks for a field: `lead` and `grid` share the grid of fields (`lead`
 * first: what places the member), `position` is the coordinates' fieldset, `end` follows it.
 */
export type FormPlace = 'lead' | 'grid' | 'position' | 'end';

export interface FieldSpec<Key extends string = string> {
  key: Key;
  /**
   * The column's header as the export writes it, per language; the import reads both. The German
   * one also names the field in German reports; the form labels the field with its page's language.
   */
  header: Readonly<Record<Lang, string>>;
  /** Further headers the import reads; all headers are compared folded (text.ts: case, umlauts, punctuation). */
  aliases: readonly string[];
  kind: FieldKind;
  form: FormPlace;
  /** The form requires it (the import reports its own error for a row without it). */
  required?: boolean;
  /** The form's input: its type (default text), autocomplete token (default off) and keyboard. */
  input?: { type?: 'email' | 'tel' | 'url'; autocomplete?: string; inputmode?: 'decimal' };
}

const TABLE = [
  {
    key: 'id',
    header: { de: 'ID', en: 'ID' },
    aliases: ['Kennung', 'Mitglieds-ID', 'Member ID'],
    kind: 'id',
    form: 'end',
  },
  {
    key: 'name',
    header: { de: 'Name', en: 'Name' },
    aliases: ['Ansprechperson', 'Ansprechpartner', 'Ansprechpartnerin', 'Ansprechpartner:in', 'Kontaktperson', 'Person', 'Contact person'],
    kind: 'text',
    form: 'grid',
    input: { autocomplete: 'name' },
  },
  {
    key: 'role',
    header: { de: 'Funktion', en: 'Role' },
    aliases: ['Rolle', 'Function', 'Position', 'Amtsbezeichnung'],
    kind: 'text',
    form: 'grid',
  },
  {
    key: 'organisation',
    header: { de: 'Organisation', en: 'Organisation' },
    aliases: ['Organization', 'Verwaltung', 'Behörde', 'Dienststelle', 'Institution'],
    kind: 'text',
    form: 'grid',
    input: { autocomplete: 'organization' },
  },
  {
    key: 'municipality',
    header: { de: 'Kommune', en: 'Municipality' },
    aliases: ['Gemeinde', 'Stadt', 'Stadt/Gemeinde', 'Ort', 'City', 'Town'],
    kind: 'text',
    form: 'lead',
    required: true,
  },
  {
    key: 'state',
    header: { de: 'Bundesland', en: 'State' },
    aliases: ['Land', 'Federal state'],
    kind: 'land',
    form: 'lead',
  },
  {
    key: 'email',
    header: { de: 'E-Mail', en: 'Email' },
    aliases: ['E-Mail-Adresse', 'Mail', 'Email address'],
    kind: 'text',
    form: 'grid',
    input: { type: 'email', autocomplete: 'email' },
  },
  {
    key: 'phone',
    header: { de: 'Telefon', en: 'Phone' },
    aliases: ['Tel.', 'Telefonnummer', 'Telephone', 'Phone number'],
    kind: 'text',
    form: 'grid',
    input: { type: 'tel', autocomplete: 'tel' },
  },
  {
    key: 'url',
    header: { de: 'Website', en: 'Website' },
    aliases: ['Webseite', 'Internetseite', 'Internet', 'Homepage', 'URL', 'Web'],
    kind: 'text',
    form: 'grid',
    input: { type: 'url', autocomplete: 'url' },
  },
  {
    key: 'lat',
    header: { de: 'Breitengrad', en: 'Latitude' },
    aliases: ['Breite', 'lat'],
    kind: 'latitude',
    form: 'position',
    input: { inputmode: 'decimal' },
  },
  {
    key: 'lon',
    header: { de: 'Längengrad', en: 'Longitude' },
    aliases: ['Länge', 'lon', 'lng', 'long'],
    kind: 'longitude',
    form: 'position',
    input: { inputmode: 'decimal' },
  },
  {
    key: 'postcode',
    header: { de: 'PLZ', en: 'Postcode' },
    aliases: ['Postleitzahl', 'Postal code', 'ZIP', 'ZIP code'],
    kind: 'text',
    form: 'grid',
    input: { inputmode: 'decimal' },
  },
  {
    key: 'ags',
    header: { de: 'AGS', en: 'AGS' },
    aliases: ['Gemeindeschlüssel', 'Amtlicher Gemeindeschlüssel', 'Municipality key'],
    kind: 'text',
    form: 'grid',
    input: { inputmode: 'decimal' },
  },
] as const satisfies readonly FieldSpec[];

type Entry = (typeof TABLE)[number];

export type Field = Entry['key'];

/** The fields kept as properties of the member file: all but the coordinates, which are its geometry. */
export type PropertyName = Exclude<Entry, { kind: 'latitude' | 'longitude' }>['key'];

/** Every field, in the order of the export's columns and of the member file's properties. */
export const FIELD_TABLE: readonly FieldSpec<Field>[] = TABLE;

export const FIELDS: readonly Field[] = FIELD_TABLE.map((field) => field.key);

export const isProperty = (field: FieldSpec<Field>): field is FieldSpec<PropertyName> =>
  field.kind !== 'latitude' && field.kind !== 'longitude';
