import { EXPORT_HEADERS } from '../columns.js';
import { GAZETTEER_SOURCE } from '../gazetteer.js';
import type { SkipCode } from '../../data/members.js';
import type { Messages } from './messages.js';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const quote = (text: string) => `„${text}“`;
const SHOWN = 8;
const list = (items: string[]) =>
  items.length <= SHOWN ? items.join('; ') : `${items.slice(0, SHOWN).join('; ')}; und ${items.length - SHOWN} weitere`;
const inState = (state?: string) => (state ? ` in ${state}` : '');
const number = (value: number) => String(value).replace('.', ',');

const SKIP_CODES: Record<SkipCode, string> = {
  'not-a-feature': 'kein GeoJSON-Feature',
  'no-point-geometry': 'keine Punkt-Geometrie',
  'bad-coordinates': 'ungültige Koordinaten',
  'missing-id': 'ID fehlt',
  'duplicate-id': 'ID doppelt',
  'missing-municipality': 'Kommune fehlt',
};

export const de: Messages = {
  severity: { error: 'Fehler', warning: 'Hinweis' },
  line: (line, record) => (record === undefined ? `Zeile ${line}` : `Zeile ${line} (Tabellenzeile ${record})`),
  column: (header) => (header === '' ? 'Spalte ohne Überschrift' : `Spalte ${quote(header)}`),
  // German nouns read the same in a sentence as in a column's header: one table for both.
  field: EXPORT_HEADERS.de,
  problem: {
    'empty-file': () => 'Die Datei ist leer.',
    'no-data-rows': () => 'Die Datei enthält nur die Überschriftenzeile, aber keine Mitglieder.',
    'csv-syntax': ({ reason }) => de.csvSyntax[reason],
    'no-municipality-column': ({ headers }) =>
      `Keine Spalte für die Kommune gefunden (erwartet z. B. „Kommune“, „Gemeinde“ oder „Stadt“). Gefundene Spalten: ${headers.map(quote).join(', ') || '(keine)'}.`,
    'duplicate-column': ({ field, first }) =>
      `Diese Spalte meint dasselbe (${de.field[field]}) wie die Spalte ${quote(first)}. Bitte eine der beiden umbenennen oder löschen.`,
    'unknown-column': ({ position }) => `Unbekannte Spalte (Nr. ${position}), sie wird nicht übernommen.`,
    'extra-cells': ({ values }) =>
      `Die Zeile hat mehr Zellen als die Überschrift Spalten (${values.map(quote).join(', ')}). Steht ein Trennzeichen ohne Anführungszeichen in einer Zelle?`,
    'missing-municipality': () => 'Die Kommune fehlt.',
    'unknown-state': ({ value }) => `Unbekanntes Bundesland ${quote(value)}. Erlaubt sind die Namen oder Kürzel (z. B. „Bayern“, „BY“, „DE-BY“).`,
    'bad-number': ({ value }) => `${quote(value)} ist keine Koordinate (erwartet eine Zahl wie 49,3988 oder 49.3988).`,
    'incomplete-coordinates': ({ missing }) =>
      `Nur eine Koordinate angegeben, der ${de.field[missing]} fehlt. Beide angeben oder beide leer lassen.`,
    'outside-germany': ({ lat, lng, swapped }) =>
      `Die Koordinaten (Breite ${number(lat)}, Länge ${number(lng)}) liegen nicht in Deutschland.` +
      (swapped ? ' Breiten- und Längengrad sind vermutlich vertauscht.' : ''),
    'ambiguous-municipality': ({ value, state, candidates }) =>
      `${quote(value)}${inState(state)} ist mehrdeutig. In Frage kommen: ${list(candidates.map(de.place))}. ` +
      'Bitte Bundesland oder AGS eintragen oder Koordinaten angeben.',
    'unknown-municipality': ({ value, state, suggestions }) =>
      `${quote(value)}${inState(state)} steht so nicht im Ortsverzeichnis (amtliches Gemeindeverzeichnis, ${GAZETTEER_SOURCE}). ` +
      (suggestions.length > 0 ? `Ähnliche Einträge: ${list(suggestions.map(de.place))}. ` : '') +
      'Bitte Schreibweise prüfen, die AGS eintragen oder Koordinaten angeben.',
    'bad-ags': ({ value }) => `${quote(value)} ist kein Amtlicher Gemeindeschlüssel (8 Ziffern); die Kommune wird über ihren Namen gesucht.`,
    'unknown-ags': ({ value }) => `Zum AGS ${value} kennt das Ortsverzeichnis keine Kommune; die Kommune wird über ihren Namen gesucht.`,
    'ags-state-mismatch': ({ ags, agsState, state }) => `Der AGS ${ags} gehört zu ${agsState}, eingetragen ist aber ${state}.`,
    'duplicate-id': ({ id, firstLine }) => `Die ID ${quote(id)} steht schon in Zeile ${firstLine}. Jede ID darf nur einmal vorkommen.`,
  },
  csvSyntax: {
    MissingQuotes:
      'Ein Anführungszeichen (") in dieser Zeile wird nicht geschlossen, deshalb ist die Datei ab hier nicht lesbar. ' +
      'Bitte das fehlende schließende Anführungszeichen ergänzen oder das überzählige löschen.',
    InvalidQuotes:
      'In dieser Zeile steht ein einzelnes Anführungszeichen (") im Text einer Zelle, die selbst in Anführungszeichen steht; ' +
      'deshalb ist die Datei ab hier nicht lesbar. Ein Anführungszeichen im Text muss doppelt geschrieben werden (""): ' +
      'Bitte das Anführungszeichen verdoppeln oder löschen.',
    UndetectableDelimiter:
      'Das Trennzeichen zwischen den Spalten ist nicht zu erkennen. Bitte die Tabelle in Excel oder LibreOffice als „CSV UTF-8“ speichern.',
    TooFewFields:
      'Diese Zeile hat weniger Zellen als die Überschriftenzeile Spalten. Bitte die fehlenden Zellen ergänzen (leere Zellen mit Trennzeichen).',
    TooManyFields:
      'Diese Zeile hat mehr Zellen als die Überschriftenzeile Spalten. Steht ein Trennzeichen ohne Anführungszeichen in einer Zelle? ' +
      'Bitte die Zelle in Anführungszeichen setzen oder das Trennzeichen löschen.',
  },
  place: (place) => `${place.name} (${place.land.name}, AGS ${place.ags})`,
  encoding: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8 mit BOM',
    'utf-16le': 'UTF-16',
    'utf-16be': 'UTF-16 (Big Endian)',
    'windows-1252': 'Windows-1252',
  },
  delimiter: { ';': 'Semikolon', ',': 'Komma', '\t': 'Tabulator' },

  importHeading: (file, encoding, delimiter) =>
    `Import aus ${file} (${encoding && delimiter ? `Zeichensatz ${de.encoding[encoding]}, Trennzeichen ${de.delimiter[delimiter]}` : 'Excel-Tabelle, erstes Blatt'})`,
  importSummary: (stats) =>
    `${plural(stats.rows, 'Zeile', 'Zeilen')} gelesen: ${stats.byCoordinates} mit Koordinaten platziert, ` +
    `${stats.byGazetteer} über das Ortsverzeichnis platziert, ${stats.skipped} übersprungen.`,
  derivedIds: (count) =>
    `${plural(count, 'ID wurde', 'IDs wurden')} aus Kommune und Funktion gebildet. Damit IDs stabil bleiben, ` +
    'eine Spalte „ID“ führen (der Befehl export schreibt sie).',
  written: (count, file) => `${plural(count, 'Mitglied', 'Mitglieder')} nach ${file} geschrieben.`,
  notWritten: (skipped) =>
    `Nichts geschrieben: ${plural(skipped, 'Zeile konnte', 'Zeilen konnten')} nicht übernommen werden. ` +
    'Bitte die Zeilen oben korrigieren (oder mit --allow-partial nur die übrigen schreiben).',
  notWrittenFatal: 'Nichts geschrieben.',
  nothingPlaced: 'Nichts geschrieben: keine Zeile konnte übernommen werden.',
  partial: (skipped) => `${plural(skipped, 'Zeile fehlt', 'Zeilen fehlen')} in der Ausgabe (--allow-partial).`,

  validateHeading: (file) => `Prüfung von ${file} (mit dem Prüfmodul der Karte)`,
  validateSummary: (valid, skipped) =>
    `${plural(valid, 'Mitglied wird', 'Mitglieder werden')} angezeigt, ${plural(skipped, 'Eintrag wird', 'Einträge werden')} übersprungen.`,
  skippedFeature: (elementLine, code) => `${elementLine} (${SKIP_CODES[code]})`,
  fileError: {
    'invalid-json': 'Die Datei ist kein gültiges JSON.',
    'not-collection': 'Die Datei ist keine GeoJSON-FeatureCollection.',
    empty: 'Die FeatureCollection enthält keine Einträge.',
    'no-valid-members': 'Kein Eintrag der Datei kann angezeigt werden.',
  },

  exportNotWritten: (skipped) =>
    `Nichts geschrieben: ${plural(skipped, 'Eintrag ist', 'Einträge sind')} ungültig (oder mit --allow-partial nur die gültigen schreiben).`,

  cannotRead: (file, reason) => `${file} kann nicht gelesen werden: ${reason}`,
  unreadableWorkbook: (file, detail) =>
    `${file} kann nicht gelesen werden: keine lesbare Excel-Datei (.xlsx)${detail ? ` (${detail})` : ''}. ` +
    'Bitte in Excel oder LibreOffice öffnen und erneut als „Excel-Arbeitsmappe (*.xlsx)“ oder als „CSV UTF-8“ speichern.',
  workbookTooLarge: (file, unpacked, limit) =>
    `${file} wird nicht gelesen: Entpackt wäre die Excel-Datei ${unpacked.toLocaleString('de-DE')} MB groß, erlaubt sind höchstens ${limit} MB. ` +
    'Bitte in Excel oder LibreOffice öffnen, nur das Blatt mit den Mitgliedern behalten und erneut als „Excel-Arbeitsmappe (*.xlsx)“ oder als „CSV UTF-8“ speichern.',
  legacyXls: (file) =>
    `${file} kann nicht gelesen werden: Das ist eine Excel-Datei im alten Format .xls (Excel 97–2003). ` +
    'Bitte in Excel mit Datei → Speichern unter als „Excel-Arbeitsmappe (*.xlsx)“ oder als „CSV UTF-8“ speichern.',
  cannotWrite: (file, reason) => `${file} kann nicht geschrieben werden: ${reason}`,
  usageError: (detail) => `${detail}\nHilfe: member-map-data --help`,
  usage: `member-map-data – Mitgliederliste (CSV oder Excel) ⇄ members.geojson

Aufruf:
  member-map-data import <tabelle.csv|tabelle.xlsx> -o <members.geojson> [--allow-partial] [--lang de|en]
  member-map-data validate <members.geojson> [--lang de|en]
  member-map-data export <members.geojson> -o <tabelle.csv> [--allow-partial] [--lang de|en]

import    liest die Tabelle – CSV (Komma, Semikolon oder Tabulator; UTF-8, UTF-16 oder
          Windows-1252) oder das erste Blatt einer Excel-Datei (.xlsx) –, platziert jede Zeile
          über ihre Koordinaten oder das Ortsverzeichnis und schreibt die Datei nur, wenn jede Zeile
          platziert wurde.
validate  prüft eine Mitgliederdatei genau so, wie die Karte sie prüft.
export    schreibt die Mitgliederdatei als Tabelle (Semikolon, UTF-8 mit BOM, für Excel). Zellen,
          die mit = + - @ beginnen (z. B. „+49 …“), bekommen ein ' davor, damit Excel sie nicht als
          Formel ausführt; import entfernt es wieder.

--allow-partial  trotz Fehlern die übrigen Zeilen schreiben (Exit-Code 0)
--lang           Sprache der Meldungen: de (Standard) oder en
Exit-Codes: 0 geschrieben bzw. gültig, 1 Fehler in den Daten, 2 falscher Aufruf oder Datei nicht lesbar.`,
};
