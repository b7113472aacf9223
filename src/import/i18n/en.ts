import { GAZETTEER_SOURCE } from '../gazetteer.js';
import type { Messages } from './messages.js';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const quote = (text: string) => `"${text}"`;
const SHOWN = 8;
const list = (items: string[]) =>
  items.length <= SHOWN ? items.join('; ') : `${items.slice(0, SHOWN).join('; ')}; and ${items.length - SHOWN} more`;
const inState = (state?: string) => (state ? ` in ${state}` : '');

export const en: Messages = {
  severity: { error: 'Error', warning: 'Warning' },
  line: (line, record) => (record === undefined ? `line ${line}` : `line ${line} (spreadsheet row ${record})`),
  column: (header) => (header === '' ? 'column without header' : `column ${quote(header)}`),
  field: {
    id: 'id',
    name: 'name',
    role: 'role',
    organisation: 'organisation',
    municipality: 'municipality',
    state: 'state',
    email: 'email',
    phone: 'phone',
    url: 'website',
    lat: 'latitude',
    lon: 'longitude',
    postcode: 'postcode',
    ags: 'AGS',
  },
  problem: {
    'empty-file': () => 'The file is empty.',
    'no-data-rows': () => 'The file has a header row but no members.',
    'csv-syntax': ({ reason }) => en.csvSyntax[reason],
    'no-municipality-column': ({ headers }) =>
      `No municipality column found (expected e.g. "Kommune", "Gemeinde", "Stadt" or "Municipality"). Columns found: ${headers.map(quote).join(', ') || '(none)'}.`,
    'duplicate-column': ({ field, first }) =>
      `This column means the same (${en.field[field]}) as column ${quote(first)}. Rename or delete one of them.`,
    'unknown-column': ({ position }) => `Unknown column (no. ${position}); it is not imported.`,
    'extra-cells': ({ values }) =>
      `The row has more cells than the header has columns (${values.map(quote).join(', ')}). Is there an unquoted separator in a cell?`,
    'missing-municipality': () => 'The municipality is missing.',
    'unknown-state': ({ value }) => `Unknown state ${quote(value)}. Use a name or code (e.g. "Bayern", "Bavaria", "BY", "DE-BY").`,
    'bad-number': ({ value }) => `${quote(value)} is not a coordinate (expected a number such as 49.3988 or 49,3988).`,
    'incomplete-coordinates': ({ missing }) => `Only one coordinate given, the ${en.field[missing]} is missing. Give both or neither.`,
    'outside-germany': ({ lat, lng, swapped }) =>
      `The coordinates (latitude ${lat}, longitude ${lng}) are not in Germany.` +
      (swapped ? ' Latitude and longitude look swapped.' : ''),
    'ambiguous-municipality': ({ value, state, candidates }) =>
      `${quote(value)}${inState(state)} is ambiguous. Candidates: ${list(candidates.map(en.place))}. ` +
      'Add the state or the AGS, or give coordinates.',
    'unknown-municipality': ({ value, state, suggestions }) =>
      `${quote(value)}${inState(state)} is not in the gazetteer as written (official list of municipalities, ${GAZETTEER_SOURCE}). ` +
      (suggestions.length > 0 ? `Similar entries: ${list(suggestions.map(en.place))}. ` : '') +
      'Check the spelling, add the AGS, or give coordinates.',
    'bad-ags': ({ value }) => `${quote(value)} is not an AGS (8 digits); the municipality is looked up by name instead.`,
    'unknown-ags': ({ value }) => `The gazetteer has no municipality with AGS ${value}; the municipality is looked up by name instead.`,
    'ags-state-mismatch': ({ ags, agsState, state }) => `AGS ${ags} belongs to ${agsState}, but the state column says ${state}.`,
    'duplicate-id': ({ id, firstLine }) => `The id ${quote(id)} is already used on line ${firstLine}. Each id must be unique.`,
  },
  csvSyntax: {
    MissingQuotes:
      'A quote (") on this line is never closed, so the file cannot be read from here on. ' +
      'Add the missing closing quote or delete the extra one.',
    InvalidQuotes:
      'On this line a single quote (") stands in the text of a cell that is itself in quotes, so the file cannot be read from here on. ' +
      'A quote inside the text must be written twice (""): double the quote or delete it.',
    UndetectableDelimiter:
      'The separator between the columns cannot be recognised. Save the sheet in Excel or LibreOffice as "CSV UTF-8".',
    TooFewFields: 'This line has fewer cells than the header row has columns. Add the missing cells (empty cells with separators).',
    TooManyFields:
      'This line has more cells than the header row has columns. Is there a separator without quotes in a cell? ' +
      'Put the cell in quotes or delete the separator.',
  },
  place: (place) => `${place.name} (${place.land.name}, AGS ${place.ags})`,
  encoding: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8 with BOM',
    'utf-16le': 'UTF-16',
    'utf-16be': 'UTF-16 (big endian)',
    'windows-1252': 'Windows-1252',
  },
  delimiter: { ';': 'semicolon', ',': 'comma', '\t': 'tab' },

  importHeading: (file, encoding, delimiter) =>
    `Importing ${file} (${encoding && delimiter ? `encoding ${en.encoding[encoding]}, separator ${en.delimiter[delimiter]}` : 'Excel workbook, first sheet'})`,
  importSummary: (stats) =>
    `${plural(stats.rows, 'row', 'rows')} read: ${stats.byCoordinates} placed by coordinates, ` +
    `${stats.byGazetteer} placed by the gazetteer, ${stats.skipped} skipped.`,
  derivedIds: (count) =>
    `${plural(count, 'id was', 'ids were')} derived from municipality and role. To keep them stable, ` +
    'keep an "ID" column (the export command writes one).',
  written: (count, file) => `${plural(count, 'member', 'members')} written to ${file}.`,
  notWritten: (skipped) =>
    `Nothing written: ${plural(skipped, 'row', 'rows')} could not be imported. ` +
    'Fix the lines above (or use --allow-partial to write the others).',
  notWrittenFatal: 'Nothing written.',
  nothingPlaced: 'Nothing written: no row could be imported.',
  partial: (skipped) => `${plural(skipped, 'row is', 'rows are')} missing from the output (--allow-partial).`,

  validateHeading: (file) => `Checking ${file} (with the map's own validator)`,
  validateSummary: (valid, skipped) =>
    `${plural(valid, 'member is', 'members are')} shown, ${plural(skipped, 'feature is', 'features are')} skipped.`,
  // The element's reasons are English already.
  skippedFeature: (elementLine) => elementLine,
  fileError: {
    'invalid-json': 'The file is not valid JSON.',
    'not-collection': 'The file is not a GeoJSON FeatureCollection.',
    empty: 'The FeatureCollection has no features.',
    'no-valid-members': 'No feature of the file can be shown.',
  },

  exportNotWritten: (skipped) =>
    `Nothing written: ${plural(skipped, 'feature is', 'features are')} invalid (use --allow-partial to write the valid ones).`,

  cannotRead: (file, reason) => `Cannot read ${file}: ${reason}`,
  unreadableWorkbook: (file, detail) =>
    `Cannot read ${file}: not a readable Excel file (.xlsx)${detail ? ` (${detail})` : ''}. ` +
    'Open it in Excel or LibreOffice and save it again as "Excel Workbook (*.xlsx)" or as "CSV UTF-8".',
  workbookTooLarge: (file, unpacked, limit) =>
    `Not reading ${file}: unpacked, the Excel file would take ${unpacked.toLocaleString('en-GB')} MB; at most ${limit} MB are allowed. ` +
    'Open it in Excel or LibreOffice, keep only the sheet with the members and save it again as "Excel Workbook (*.xlsx)" or as "CSV UTF-8".',
  legacyXls: (file) =>
    `Cannot read ${file}: it is an Excel file in the old .xls format (Excel 97–2003). ` +
    'In Excel, use File → Save As to save it as "Excel Workbook (*.xlsx)" or as "CSV UTF-8".',
  cannotWrite: (file, reason) => `Cannot write ${file}: ${reason}`,
  usageError: (detail) => `${detail}\nHelp: member-map-data --help`,
  usage: `member-map-data – member spreadsheet (CSV or Excel) ⇄ members.geojson

Usage:
  member-map-data import <sheet.csv|sheet.xlsx> -o <members.geojson> [--allow-partial] [--lang de|en]
  member-map-data validate <members.geojson> [--lang de|en]
  member-map-data export <members.geojson> -o <sheet.csv> [--allow-partial] [--lang de|en]

import    reads the sheet – CSV (comma, semicolon or tab; UTF-8, UTF-16 or Windows-1252) or the
          first sheet of an Excel file (.xlsx) –, places every row by its coordinates or the
          gazetteer, and writes the file only when every row was placed.
validate  checks a member file exactly as the map checks it.
export    writes the member file as a spreadsheet (semicolon, UTF-8 with BOM, for Excel). Cells
          that start with = + - @ (such as "+49 …") get a ' in front so that Excel does not run
          them as formulas; import removes it again.

--allow-partial  write the other rows despite errors (exit code 0)
--lang           language of the report: de (default) or en
Exit codes: 0 written or valid, 1 errors in the data, 2 wrong usage or unreadable file.`,
};
