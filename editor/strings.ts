// Every text of the workbench, German first; `?lang=en` (or `lang="en"` on the page) switches to English.
// The form's field labels are the sheet's column headers (src/import/fields.ts); a field's hint below is optional.
import type { Field } from '../src/import/columns.js';

export interface EditorStrings {
  lang: 'de' | 'en';
  title: string;
  intro: string;
  privacy: string;
  stepOpen: string;
  openHint: string;
  fileLabel: string;
  dropHint: string;
  startEmpty: string;
  reading: string;
  /** How far opening or checking a big sheet has come: "Zeile 8.000 von 20.000 …". */
  progress: (done: number, total: number) => string;
  progressLabel: string;
  /** The report while a changed sheet is checked again. */
  checking: string;
  fileTooLarge: (file: string, sizeMb: number, limitMb: number) => string;
  draftTooLarge: string;
  opened: (file: string, members: number, problems: number) => string;
  openFailed: (file: string, reason: string) => string;
  /** The browser could not read the chosen file's bytes. */
  fileNotReadable: (file: string) => string;
  /** Opening failed for a reason the page did not expect (the details go to the console). */
  openBroke: (file: string) => string;
  /** The gazetteer, without which no list opens, could not be loaded. */
  placesFailed: string;
  unknownFile: (file: string) => string;
  draftRestored: (file: string, when: string) => string;
  discardDraft: string;
  draftDiscarded: string;
  stepReport: string;
  reportNone: string;
  reportIntro: (count: number) => string;
  reportCaption: string;
  reportRow: string;
  /** An ambiguous place, beside the select that lists the candidates. */
  ambiguous: (count: number, value: string, state?: string) => string;
  chooseCandidate: string;
  chooseCandidateLabel: (row: number) => string;
  apply: string;
  placeOnMap: string;
  editRow: string;
  fatalIntro: string;
  stepMembers: string;
  membersIntro: string;
  searchLabel: string;
  membersCount: (shown: number, all: number) => string;
  /** Paging of long lists. */
  pageOf: (page: number, pages: number) => string;
  pagePrevious: string;
  pageNext: string;
  reportPages: string;
  membersPages: string;
  add: string;
  edit: string;
  remove: string;
  removeLabel: (what: string) => string;
  removed: (what: string) => string;
  formNew: string;
  formEdit: (what: string) => string;
  required: string;
  fieldHints: Partial<Record<Field, string>>;
  stateNone: string;
  save: string;
  cancel: string;
  saved: (what: string) => string;
  notPlaced: string;
  /** Beside a member in the list that the map cannot show yet. */
  unplacedMark: string;
  invalidEmail: string;
  invalidUrl: string;
  preview: string;
  previewHint: string;
  pickHint: (what: string) => string;
  pickCancel: string;
  picked: (what: string) => string;
  stepSave: string;
  saveHint: string;
  download: string;
  downloadBlocked: (problems: number) => string;
  downloaded: (count: number) => string;
  exportCsv: string;
  leaveWarning: string;
  embedLink: string;
  editorLink: string;
}


// Numbers with thousands separators ("20.000"); one formatter each (making one takes a while).
const deNumber = new Intl.NumberFormat('de-DE');
const enNumber = new Intl.NumberFormat('en-GB');
const de_ = (value: number) => deNumber.format(value);
const en_ = (value: number) => enNumber.format(value);

export const de: EditorStrings = {
  lang: 'de',
  title: 'Mitgliederliste pflegen',
  intro:
    'Hier halten Sie die Liste der Mitglieder aktuell: Tabelle öffnen, Hinweise des Prüfberichts beheben, Mitglieder ' +
    'ergänzen oder ändern und die fertige Datei members.geojson herunterladen. Diese laden Sie dann wie bisher auf die Website hoch.',
  privacy:
    'Alles geschieht in diesem Browser auf Ihrem Computer. Keine Datei und keine Angabe wird an einen Server geschickt; ' +
    'ein Entwurf wird nur in diesem Browser gespeichert.',
  stepOpen: '1. Liste öffnen',
  openHint:
    'Wählen Sie Ihre Tabelle (Excel-Datei .xlsx oder CSV) oder eine vorhandene members.geojson. In der ersten Zeile stehen die ' +
    'Spaltenüberschriften, z. B. Kommune, Bundesland, Funktion, E-Mail.',
  fileLabel: 'Datei auswählen',
  dropHint: 'Oder ziehen Sie die Datei hierher.',
  startEmpty: 'Mit einer leeren Liste beginnen',
  reading: 'Die Datei wird gelesen …',
  progress: (done, total) => `Zeile ${de_(done)} von ${de_(total)} …`,
  progressLabel: 'Fortschritt',
  checking: 'Der Prüfbericht wird erstellt …',
  fileTooLarge: (file, size, limit) =>
    `${file} wird nicht geöffnet: Die Datei ist ${de_(size)} MB groß, höchstens ${limit} MB sind möglich. Eine Mitgliederliste ist viel kleiner. ` +
    'Bitte prüfen Sie, ob es die richtige Datei ist, oder speichern Sie in Excel oder LibreOffice nur das Blatt mit den Mitgliedern (ohne Bilder) als „Excel-Arbeitsmappe (*.xlsx)“ oder als „CSV UTF-8“.',
  draftTooLarge:
    'Diese Liste ist zu lang, um sie in diesem Browser als Entwurf zu behalten (bis etwa 5.000 Mitglieder geht das): Ein Neuladen der Seite verwirft Ihre Änderungen. ' +
    'Laden Sie die Datei herunter oder exportieren Sie die Liste, bevor Sie die Seite schließen.',
  opened: (file, members, problems) =>
    `${file} geöffnet: ${de_(members)} ${members === 1 ? 'Mitglied' : 'Mitglieder'} auf der Karte` +
    (problems > 0 ? `, ${de_(problems)} ${problems === 1 ? 'Hinweis' : 'Hinweise'} im Prüfbericht. Weiter mit Schritt 2.` : '. Weiter mit Schritt 3.'),
  openFailed: (file, reason) => `${file} konnte nicht gelesen werden: ${reason}`,
  fileNotReadable: (file) =>
    `${file} konnte nicht gelesen werden: Der Browser bekommt keinen Zugriff auf die Datei. Das geschieht etwa, wenn sie nach der Auswahl ` +
    'verschoben, umbenannt oder geändert wurde. Bitte wählen Sie die Datei erneut aus.',
  openBroke: (file) =>
    `${file} konnte nicht geöffnet werden: Dabei ist ein unerwarteter Fehler aufgetreten. Bitte wählen Sie die Datei noch einmal aus. ` +
    'Tritt der Fehler wieder auf, speichern Sie die Datei neu (eine Tabelle in Excel oder LibreOffice als „CSV UTF-8“) und öffnen Sie dann diese.',
  placesFailed:
    'Das Ortsverzeichnis (member-map-places.json) konnte nicht geladen werden. Ohne es öffnet diese Seite keine Liste, denn es setzt die Kommunen auf die Karte. ' +
    'Bitte laden Sie die Seite neu. Bleibt der Fehler, fehlt vermutlich die Datei member-map-places.json im Ordner von editor.html auf dem Server: ' +
    'Bitte geben Sie das an die Betreuung der Website weiter.',
  unknownFile: (file) => `${file} ist weder eine Tabelle (.xlsx, .csv) noch eine Mitgliederdatei (.geojson).`,
  draftRestored: (file, when) => `Ihr Entwurf (${file}, zuletzt geändert ${when}) wurde wiederhergestellt.`,
  discardDraft: 'Entwurf verwerfen',
  draftDiscarded: 'Der Entwurf wurde verworfen.',
  stepReport: '2. Prüfbericht',
  reportNone: 'Keine Probleme: Jede Zeile steht auf der Karte.',
  reportIntro: (count) =>
    `${de_(count)} ${count === 1 ? 'Hinweis' : 'Hinweise'}. Zeilen mit Fehlern fehlen auf der Karte, bis sie behoben sind. ` +
    'Beheben Sie sie hier oder in Ihrer Tabelle.',
  reportCaption: 'Hinweise zu einzelnen Zeilen der Tabelle',
  reportRow: 'Zeile',
  ambiguous: (count, value, state) => `${de_(count)} Gemeinden${state ? ` in ${state}` : ''} heißen „${value}“: bitte wählen.`,
  chooseCandidate: 'Gemeinde wählen …',
  chooseCandidateLabel: (row) => `Gemeinde für Zeile ${row}`,
  apply: 'Übernehmen',
  placeOnMap: 'Auf der Karte setzen',
  editRow: 'Zeile bearbeiten',
  fatalIntro: 'Die Datei kann so nicht übernommen werden. Bitte korrigieren Sie sie in Excel und öffnen Sie sie erneut:',
  stepMembers: '3. Mitglieder bearbeiten',
  membersIntro: 'Ändern, ergänzen oder entfernen Sie Mitglieder. Jede Änderung erscheint sofort in der Vorschau.',
  searchLabel: 'Mitglieder durchsuchen',
  membersCount: (shown, all) =>
    shown === all ? `${de_(all)} ${all === 1 ? 'Mitglied' : 'Mitglieder'}` : `${de_(shown)} von ${de_(all)} Mitgliedern`,
  pageOf: (page, pages) => `Seite ${de_(page)} von ${de_(pages)}`,
  pagePrevious: 'Vorherige Seite',
  pageNext: 'Nächste Seite',
  reportPages: 'Seiten des Prüfberichts',
  membersPages: 'Seiten der Mitgliederliste',
  add: 'Neues Mitglied hinzufügen',
  edit: 'Bearbeiten',
  remove: 'Entfernen',
  removeLabel: (what) => `${what} entfernen`,
  removed: (what) => `${what} wurde entfernt.`,
  formNew: 'Neues Mitglied',
  formEdit: (what) => `${what} bearbeiten`,
  required: 'Pflichtfeld',
  fieldHints: {
    municipality: 'Der amtliche Name, z. B. „Frankfurt am Main“. Die Karte setzt das Mitglied dorthin.',
    state: 'Hilft bei Gemeinden, deren Name mehrmals vorkommt.',
    ags: '8 Ziffern, eindeutig für jede Gemeinde. Nur nötig, wenn der Name nicht eindeutig ist.',
    lat: 'Nur nötig für eine genaue Lage, z. B. ein Bezirksamt. Oder: „Auf der Karte setzen“.',
    id: 'Wird automatisch vergeben und bleibt gleich.',
  },
  stateNone: '(nicht angegeben)',
  save: 'Speichern',
  cancel: 'Abbrechen',
  saved: (what) => `${what} wurde gespeichert.`,
  notPlaced: 'Dieses Mitglied steht noch nicht auf der Karte: siehe Hinweise.',
  unplacedMark: 'noch nicht auf der Karte',
  invalidEmail: 'Bitte eine E-Mail-Adresse wie name@stadt.de eingeben.',
  invalidUrl: 'Bitte eine Adresse wie https://www.stadt.de eingeben.',
  preview: 'Vorschau',
  previewHint: 'So erscheint die Karte auf der Website.',
  pickHint: (what) =>
    `Klicken Sie in die Karte, wo ${what} liegen soll. Mit der Tastatur: Karte mit den Pfeiltasten verschieben und Enter drücken.`,
  pickCancel: 'Setzen abbrechen',
  picked: (what) => `${what} wurde auf der Karte gesetzt.`,
  stepSave: '4. Speichern',
  saveHint:
    'Laden Sie die fertige Datei herunter und ersetzen Sie damit members.geojson auf der Website. Als CSV für Excel ' +
    'können Sie die Liste ebenfalls sichern.',
  download: 'members.geojson herunterladen',
  downloadBlocked: (problems) =>
    `Noch ${de_(problems)} Fehler im Prüfbericht: Erst wenn jede Zeile auf der Karte steht, kann die Datei heruntergeladen werden.`,
  downloaded: (count) => `members.geojson mit ${de_(count)} ${count === 1 ? 'Mitglied' : 'Mitgliedern'} wurde heruntergeladen.`,
  exportCsv: 'Als Excel-CSV exportieren',
  leaveWarning: 'Ihre Änderungen sind noch nicht heruntergeladen.',
  embedLink: 'Karte einbinden',
  editorLink: 'Mitgliederliste pflegen',
};

export const en: EditorStrings = {
  ...de,
  lang: 'en',
  title: 'Keep the member list',
  intro:
    'Keep the list of members up to date here: open your sheet, fix what the report says, add or change members, and download ' +
    'the finished members.geojson. Upload it to the website as before.',
  privacy:
    'Everything happens in this browser on your computer. No file and no entry is sent to any server; a draft is kept in this browser only.',
  stepOpen: '1. Open the list',
  openHint:
    'Choose your sheet (Excel .xlsx or CSV) or an existing members.geojson. The first row holds the column headers, e.g. Kommune, Bundesland, Funktion, E-Mail.',
  fileLabel: 'Choose a file',
  dropHint: 'Or drop the file here.',
  startEmpty: 'Start with an empty list',
  reading: 'Reading the file …',
  progress: (done, total) => `Row ${en_(done)} of ${en_(total)} …`,
  progressLabel: 'Progress',
  checking: 'Making the report …',
  fileTooLarge: (file, size, limit) =>
    `Not opening ${file}: the file takes ${en_(size)} MB, at most ${limit} MB are possible. A member list is much smaller. ` +
    'Please check that it is the right file, or save only the sheet with the members (without pictures) in Excel or LibreOffice as "Excel Workbook (*.xlsx)" or as "CSV UTF-8".',
  draftTooLarge:
    'This list is too long to be kept in this browser as a draft (that works up to about 5,000 members): reloading the page discards your changes. ' +
    'Download the file or export the list before you close the page.',
  opened: (file, members, problems) =>
    `Opened ${file}: ${en_(members)} ${members === 1 ? 'member' : 'members'} on the map` +
    (problems > 0 ? `, ${en_(problems)} ${problems === 1 ? 'note' : 'notes'} in the report. Go on with step 2.` : '. Go on with step 3.'),
  openFailed: (file, reason) => `${file} could not be read: ${reason}`,
  fileNotReadable: (file) =>
    `${file} could not be read: the browser has no access to the file. This happens, for example, when it was moved, renamed or changed ` +
    'after it was chosen. Please choose the file again.',
  openBroke: (file) =>
    `${file} could not be opened: something unexpected went wrong. Please choose the file once more. ` +
    'If it happens again, save the file anew (a sheet in Excel or LibreOffice as "CSV UTF-8") and open that one.',
  placesFailed:
    'The gazetteer (member-map-places.json) could not be loaded. Without it this page opens no list, because it places the municipalities on the map. ' +
    'Please reload the page. If the error stays, member-map-places.json is probably missing from the folder of editor.html on the server: ' +
    'please pass this on to whoever looks after the website.',
  unknownFile: (file) => `${file} is neither a sheet (.xlsx, .csv) nor a member file (.geojson).`,
  draftRestored: (file, when) => `Your draft (${file}, last changed ${when}) was restored.`,
  discardDraft: 'Discard draft',
  draftDiscarded: 'The draft was discarded.',
  stepReport: '2. Report',
  reportNone: 'No problems: every row is on the map.',
  reportIntro: (count) =>
    `${en_(count)} ${count === 1 ? 'note' : 'notes'}. Rows with errors are missing from the map until they are fixed. Fix them here or in your sheet.`,
  reportCaption: 'Notes on single rows of the sheet',
  reportRow: 'Row',
  ambiguous: (count, value, state) => `${en_(count)} municipalities${state ? ` in ${state}` : ''} are called "${value}": please choose.`,
  chooseCandidate: 'Choose the municipality …',
  chooseCandidateLabel: (row) => `Municipality for row ${row}`,
  apply: 'Apply',
  placeOnMap: 'Place on the map',
  editRow: 'Edit the row',
  fatalIntro: 'The file cannot be used like this. Please correct it in Excel and open it again:',
  stepMembers: '3. Edit members',
  membersIntro: 'Change, add or remove members. Every change shows in the preview at once.',
  searchLabel: 'Search members',
  membersCount: (shown, all) => (shown === all ? `${en_(all)} ${all === 1 ? 'member' : 'members'}` : `${en_(shown)} of ${en_(all)} members`),
  pageOf: (page, pages) => `Page ${en_(page)} of ${en_(pages)}`,
  pagePrevious: 'Previous page',
  pageNext: 'Next page',
  reportPages: 'Pages of the report',
  membersPages: 'Pages of the member list',
  add: 'Add a member',
  edit: 'Edit',
  remove: 'Remove',
  removeLabel: (what) => `Remove ${what}`,
  removed: (what) => `${what} was removed.`,
  formNew: 'New member',
  formEdit: (what) => `Edit ${what}`,
  required: 'required',

  fieldHints: {
    municipality: 'The official name, e.g. “Frankfurt am Main”. The map places the member there.',
    state: 'Helps with municipalities whose name occurs more than once.',
    ags: '8 digits, unique for every municipality. Only needed when the name is ambiguous.',
    lat: 'Only needed for an exact position, e.g. a district office. Or: “Place on the map”.',
    id: 'Given automatically; it stays the same.',
  },
  stateNone: '(not given)',
  save: 'Save',
  cancel: 'Cancel',
  saved: (what) => `${what} was saved.`,
  notPlaced: 'This member is not on the map yet: see the notes.',
  unplacedMark: 'not on the map yet',
  invalidEmail: 'Please enter an email address like name@town.de.',
  invalidUrl: 'Please enter an address like https://www.town.de.',
  preview: 'Preview',
  previewHint: 'This is how the map appears on the website.',
  pickHint: (what) => `Click on the map where ${what} belongs. By keyboard: move the map with the arrow keys and press Enter.`,
  pickCancel: 'Stop placing',
  picked: (what) => `${what} was placed on the map.`,
  stepSave: '4. Save',
  saveHint: 'Download the finished file and replace members.geojson on the website with it. You can also keep the list as a CSV for Excel.',
  download: 'Download members.geojson',
  downloadBlocked: (problems) =>
    `${en_(problems)} ${problems === 1 ? 'error' : 'errors'} left in the report: the file can be downloaded once every row is on the map.`,
  downloaded: (count) => `members.geojson with ${en_(count)} ${count === 1 ? 'member' : 'members'} was downloaded.`,
  exportCsv: 'Export as Excel CSV',
  leaveWarning: 'Your changes have not been downloaded yet.',
  embedLink: 'Embed the map',
  editorLink: 'Keep the member list',
};
