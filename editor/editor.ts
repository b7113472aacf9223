// The coordinator's workbench: open the sheet, fix what the report says, edit members, download the
// member file. Everything runs in this page; the only requests go to this page's own folder (the
// gazetteer, the basemap, the scripts).
import { html, nothing, render } from 'lit';
import '../src/define.js';
import { exportCsv } from '../src/import/export.js';
import { formatCollection } from '../src/import/geojson.js';
import { createGazetteer, type Gazetteer } from '../src/import/gazetteer.js';
import { messagesFor } from '../src/import/i18n/index.js';
import { parseMembers } from '../src/data/members.js';
import { normaliseEmail, webHref } from '../src/links.js';
import type { MemberMapPickDetail } from '../src/events.js';
import { DEFAULT_PLACES_URL } from '../src/places/fetch-places.js';
import { decodePlaces, type Place } from '../src/places/places-file.js';
import { startSlice } from '../src/next-task.js';
import type { ImportProgress } from '../src/import/import.js';
import type { MemberFeatureCollection } from '../src/import/geojson.js';
import { discardDraft, draftSteps, loadDraft } from './draft.js';
import { download, readMemberFile, refusedBySize } from './files.js';
import { inSlices, pauseForFrame, Superseded } from './slices.js';
import { addRow, checkSteps, emptySheet, removeRow, setCells, sheetOfCollection, sheetSteps, withIdsSteps, type Checked, type Sheet } from './sheet-model.js';
import { de, en, type EditorStrings } from './strings.js';
import {
  emptyValues,
  memberForm,
  memberList,
  MEMBERS_PAGE,
  problemsByField,
  reportList,
  rowLabel,
  searchRows,
  searchSteps,
  valuesOf,
  type FormState,
} from './views.js';

const lang = new URLSearchParams(location.search).get('lang') === 'en' || document.documentElement.lang === 'en' ? 'en' : 'de';
const strings: EditorStrings = lang === 'en' ? en : de;
const messages = messagesFor(lang);
document.documentElement.lang = lang;
document.title = `${strings.title} – Netzwerk Bürgerbeteiligung`;

const root = document.getElementById('editor')!;
const gazetteerReady: Promise<Gazetteer> = fetch(DEFAULT_PLACES_URL)
  .then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  })
  .then((file: unknown) => createGazetteer(decodePlaces(file)));
let gazetteer: Gazetteer | undefined;

interface State {
  sheet?: Sheet;
  /** The report of `sheet`, or of the sheet before while a change is checked (then `checked.sheet !== sheet`). */
  checked?: Checked;
  fatal?: { file: string; lines: string[] };
  /** Why the file just chosen was not opened (the open sheet stays as it is). */
  refused?: string;
  status: string;
  /** How far opening or checking a big sheet has come. */
  progress?: ImportProgress;
  /** What the preview map shows: the members of the latest report. */
  preview?: MemberFeatureCollection;
  query: string;
  membersPage: number;
  reportPage: number;
  form?: FormState;
  /** Where a click on the map goes: a row of the report, or the open form. */
  picking?: { row: number } | { form: true };
  /** Changes since the last download (leaving asks first). */
  dirty: boolean;
  draftNotice?: string;
  /** The sheet is too big to be kept as a draft: a reload would lose it. */
  draftWarning?: string;
}

const state: State = { status: '', query: '', membersPage: 0, reportPage: 0, dirty: false };

function update(changes: Partial<State>): void {
  Object.assign(state, changes);
  draw();
}

/** The report belongs to the sheet on screen (not to the one before a change that is being checked). */
const current = (): Checked | undefined => (state.checked && state.checked.sheet === state.sheet ? state.checked : undefined);

// Every opening and every change is a job; a newer one supersedes a job still working in slices.
let job = 0;

/** Checks `sheet` in slices, showing progress when it takes longer than a slice. Undefined when superseded. */
async function checkInSlices(sheet: Sheet, token: number): Promise<Checked | undefined> {
  try {
    const isCurrent = () => token === job;
    const checked = await inSlices(checkSteps(sheet, () => gazetteer!), (progress) => update({ progress }), isCurrent);
    // Drawing the result gets a task of its own after a long check.
    await pauseForFrame(isCurrent);
    return checked;
  } catch (error) {
    if (error instanceof Superseded) return undefined;
    throw error;
  }
}

/** Keeps the draft, in slices; says so when this browser cannot keep a sheet this big. */
async function keepDraft(sheet: Sheet, token: number): Promise<void> {
  try {
    const kept = await inSlices(draftSteps(sheet), undefined, () => token === job);
    if (kept === Boolean(state.draftWarning)) update({ draftWarning: kept ? undefined : strings.draftTooLarge });
  } catch (error) {
    if (!(error instanceof Superseded)) throw error;
  }
}

/** The sheet changed: check it again (in slices for a big one), keep the draft, redraw. */
async function changeSheet(sheet: Sheet, status: string, extra: Partial<State> = {}): Promise<Checked | undefined> {
  startSlice(); // called from a click or key, early in its task: a small sheet is checked at once
  const token = ++job;
  update({ sheet, dirty: true, fatal: undefined, refused: undefined, ...extra });
  const checked = await checkInSlices(sheet, token);
  if (!checked) return undefined;
  update({ checked, status, progress: undefined, preview: checked.collection });
  await keepDraft(sheet, token);
  return checked;
}

async function focus(selector: string): Promise<void> {
  await Promise.resolve();
  root.querySelector<HTMLElement>(selector)?.focus();
}

// --- opening -----------------------------------------------------------------------------------

/** A file that is not opened: the sentence says why; what is open stays open, the draft untouched. */
function refuse(message: string): void {
  update({ refused: message, status: '', progress: undefined });
}

/** The browser could not read a chosen file's bytes (moved, renamed or changed since it was chosen). */
class NotReadable {
  constructor(readonly cause: unknown) {}
}

async function open(file: File): Promise<void> {
  const token = ++job;
  // Refused before it is read: a file this big is no member list, and would freeze the page.
  const tooLarge = refusedBySize(file, strings);
  if (tooLarge) return refuse(tooLarge);
  update({ status: strings.reading, refused: undefined, fatal: undefined, progress: undefined });
  try {
    const [bytes] = await Promise.all([file.arrayBuffer().catch((error: unknown) => new NotReadable(error)), gazetteerReady.then((loaded) => (gazetteer = loaded))]);
    if (token !== job) return;
    if (bytes instanceof NotReadable) {
      console.error(`member-map workbench: the browser could not read ${file.name}:`, bytes.cause);
      return refuse(strings.fileNotReadable(file.name));
    }
    startSlice(); // a new task: the file's bytes have just arrived
    const isCurrent = () => token === job;
    const opened = await readMemberFile(file.name, new Uint8Array(bytes), messages, isCurrent);
    if (opened.kind === 'refused') return refuse(opened.message);
    if (opened.kind === 'unknown') return refuse(strings.unknownFile(file.name));
    if (opened.kind === 'collection') return await start(sheetOfCollection(file.name, opened.json), token);
    const { sheet, fatal } = await inSlices(sheetSteps(file.name, opened.table, () => gazetteer!), undefined, isCurrent);
    if (sheet) return await start(await inSlices(withIdsSteps(sheet), undefined, isCurrent), token);
    const problems = (fatal ?? []).map((problem) => {
      const format = messages.problem[problem.code] as (params: typeof problem.params) => string;
      return `${problem.line ? `${strings.reportRow} ${problem.line}: ` : ''}${format(problem.params)}`;
    });
    // The sheet that is open (and the draft) stays: only this file cannot be used.
    update({ fatal: { file: file.name, lines: problems }, status: strings.openFailed(file.name, problems[0] ?? ''), progress: undefined });
  } catch (error) {
    if (error instanceof Superseded) return;
    // The error's own words (English, technical) are for the console; the page says what to do.
    console.error(`member-map workbench: opening ${file.name} failed:`, error);
    if (token === job) refuse(gazetteer ? strings.openBroke(file.name) : strings.placesFailed);
  }
}

/** A newly opened sheet replaces the open one once it is checked (a failure before leaves it alone). */
async function start(sheet: Sheet, token: number): Promise<void> {
  const checked = await checkInSlices(sheet, token);
  if (!checked) return;
  const members = checked.collection?.features.length ?? 0;
  update({
    sheet,
    checked,
    dirty: true,
    fatal: undefined,
    refused: undefined,
    progress: undefined,
    draftNotice: undefined,
    query: '',
    membersPage: 0,
    reportPage: 0,
    form: undefined,
    picking: undefined,
    status: strings.opened(sheet.fileName, members, checked.result.problems.length),
  });
  // The draft first: the preview map then has the page to itself for its own work.
  await keepDraft(sheet, token);
  if (token !== job) return;
  await showPreview(checked, token);
  // The member search, ready before the first search of a big list.
  await inSlices(searchSteps(sheet), undefined, () => token === job).catch((error: unknown) => {
    if (!(error instanceof Superseded)) throw error;
  });
}

/**
 * The preview takes the members of a newly opened sheet once the report is drawn, a frame later: the
 * map's own work (reading and clustering every member) then starts in a task of its own.
 */
async function showPreview(checked: Checked, token: number): Promise<void> {
  try {
    await pauseForFrame(() => token === job, true);
    update({ preview: checked.collection });
  } catch (error) {
    if (!(error instanceof Superseded)) throw error;
  }
}

async function startEmpty(): Promise<void> {
  const token = ++job;
  gazetteer = await gazetteerReady;
  await start(emptySheet('members.csv'), token);
  openForm(undefined);
}

// --- resolving and editing ---------------------------------------------------------------------

/** A row changed outside the form: an open form on that row takes the change, so saving it keeps it. */
function keepForm(row: number, values: Partial<FormState['values']>): Partial<State> {
  return state.form?.row === row ? { form: { ...state.form, values: { ...state.form.values, ...values } } } : {};
}

function choose(row: number, place: Place): void {
  const sheet = state.sheet!;
  const values = { ags: place.ags, state: place.land.name, lat: '', lon: '' };
  void changeSheet(setCells(sheet, row, values), strings.saved(rowLabel(sheet, sheet.rows[row]!)), keepForm(row, values));
  void focus('#step-report');
}

function pickFor(target: { row: number } | { form: true }): void {
  update({ picking: target });
  // The map itself (the element's one tab stop for the map), so that Enter places at once.
  // It is made once the element comes near the viewport: wait for it a little.
  const map = root.querySelector('member-map');
  map?.scrollIntoView({ block: 'nearest' });
  let frames = 60;
  const focusMap = () => {
    const container = map?.shadowRoot?.querySelector<HTMLElement>('.leaflet-container');
    if (container) container.focus();
    else if (frames-- > 0) requestAnimationFrame(focusMap);
  };
  requestAnimationFrame(focusMap);
}

function picked(event: CustomEvent<MemberMapPickDetail>): void {
  const target = state.picking;
  if (!target) return;
  const lat = event.detail.lat.toFixed(6);
  const lon = event.detail.lng.toFixed(6);
  if ('form' in target) {
    state.form!.values = { ...state.form!.values, lat, lon };
    update({ picking: undefined, status: strings.picked(state.form!.values.municipality || strings.formNew) });
    void focus('#field-lat');
    return;
  }
  const sheet = state.sheet!;
  void changeSheet(setCells(sheet, target.row, { lat, lon }), strings.picked(rowLabel(sheet, sheet.rows[target.row]!)), {
    picking: undefined,
    ...keepForm(target.row, { lat, lon }),
  });
  void focus('#step-report');
}

function openForm(row: number | undefined): void {
  const sheet = state.sheet!;
  const values = row === undefined ? emptyValues() : valuesOf(sheet, sheet.rows[row]!);
  const checked = current();
  const errors = row === undefined || !checked ? {} : problemsByField(sheet, checked.problemsOf(sheet.rows[row]!), messages);
  update({ form: { ...(row === undefined ? {} : { row }), values, errors }, picking: undefined });
  void focus('#member-form-title');
}

/** Shows the member list's page with row `index` (clearing a search that hides it). */
function revealRow(index: number): Partial<State> {
  let shown = searchRows(state.sheet!, state.query);
  let query = state.query;
  if (!shown.some((item) => item.index === index)) {
    query = '';
    shown = searchRows(state.sheet!, '');
  }
  const position = shown.findIndex((item) => item.index === index);
  return { query, membersPage: Math.max(0, Math.floor(position / MEMBERS_PAGE)) };
}

/** The form's own checks; the import's checks follow when it is saved. */
function formErrors(form: FormState): FormState['errors'] {
  const { values } = form;
  const errors: FormState['errors'] = {};
  if (!values.municipality.trim()) errors.municipality = messages.problem['missing-municipality']({});
  // The element's own rules: what it would not make a link of is an error here.
  if (values.email.trim() && !normaliseEmail(values.email)) errors.email = strings.invalidEmail;
  if (values.url.trim() && !webHref(values.url)) errors.url = strings.invalidUrl;
  return errors;
}

async function submitForm(): Promise<void> {
  const form = state.form!;
  const errors = formErrors(form);
  if (Object.keys(errors).length > 0) {
    update({ form: { ...form, errors } });
    void focus('.member-form [aria-invalid="true"]');
    return;
  }
  const before = state.sheet!;
  const sheet = form.row === undefined ? addRow(before, form.values) : setCells(before, form.row, form.values);
  const index = form.row ?? sheet.rows.length - 1;
  const row = sheet.rows[index]!;
  const label = rowLabel(sheet, row);
  // Saved at once (the draft keeps it); the form stays open until the check says where the row is.
  const checked = await changeSheet(sheet, '', { form: { ...form, row: index, values: valuesOf(sheet, row) } });
  if (!checked || state.sheet !== sheet) return; // changed again meanwhile
  const problems = checked.problemsOf(row).filter((problem) => problem.severity === 'error');
  if (problems.length > 0) {
    // The import's words at the fields.
    update({ status: strings.notPlaced, form: { row: index, values: valuesOf(sheet, row), errors: problemsByField(sheet, problems, messages) } });
    void focus('.member-form [aria-invalid="true"]');
    return;
  }
  update({ status: strings.saved(label), form: undefined, ...revealRow(index) });
  void focus(`.members button[data-row="${index}"]`);
}

function remove(row: number): void {
  const sheet = state.sheet!;
  const label = rowLabel(sheet, sheet.rows[row]!);
  // Rows after it move up: an open form or a pending placement would point at another member.
  void changeSheet(removeRow(sheet, row), strings.removed(label), { form: undefined, picking: undefined });
  void focus('#member-search');
}

// --- saving ------------------------------------------------------------------------------------

function downloadGeojson(): void {
  const collection = current()?.collection;
  if (!collection || !current()?.valid) return;
  download('members.geojson', formatCollection(collection), 'application/geo+json');
  update({ dirty: false, status: strings.downloaded(collection.features.length) });
}

function downloadCsv(): void {
  const collection = current()?.collection;
  if (!collection || !current()?.valid) return;
  const { members, skipped } = parseMembers(collection);
  download('members.csv', exportCsv(members, collection.features, skipped, lang), 'text/csv;charset=utf-8');
}

function discard(): void {
  job++; // a check or a draft still being written is of no use now
  discardDraft();
  update({ progress: undefined, refused: undefined, fatal: undefined, preview: undefined, draftWarning: undefined, sheet: undefined, checked: undefined, form: undefined, picking: undefined, dirty: false, draftNotice: undefined, status: strings.draftDiscarded });
  void focus('#file');
}

addEventListener('beforeunload', (event) => {
  if (!state.dirty) return;
  event.preventDefault();
  event.returnValue = strings.leaveWarning; // older browsers show the dialog only with a value
});

// --- drawing -----------------------------------------------------------------------------------

function onDrop(event: DragEvent): void {
  event.preventDefault();
  (event.currentTarget as HTMLElement).classList.remove('dragging');
  const file = event.dataTransfer?.files[0];
  if (file) void open(file);
}

function openStep() {
  return html`
    <section class="step" aria-labelledby="step-open">
      <h2 id="step-open">${strings.stepOpen}</h2>
      <p>${strings.openHint}</p>
      <div
        class="drop-zone"
        @dragover=${(event: DragEvent) => (event.preventDefault(), (event.currentTarget as HTMLElement).classList.add('dragging'))}
        @dragleave=${(event: DragEvent) => (event.currentTarget as HTMLElement).classList.remove('dragging')}
        @drop=${onDrop}
      >
        <label for="file">${strings.fileLabel}</label>
        <input
          id="file"
          type="file"
          accept=".xlsx,.csv,.txt,.geojson,.json"
          @change=${(event: Event) => {
            const file = (event.target as HTMLInputElement).files?.[0];
            if (file) void open(file);
          }}
        />
        <p class="hint">${strings.dropHint}</p>
      </div>
      <p><button type="button" class="secondary" @click=${startEmpty}>${strings.startEmpty}</button></p>
      ${state.refused ? html`<p class="refused" role="alert">${state.refused}</p>` : nothing}
      ${state.draftNotice
        ? html`<p class="draft-notice">${state.draftNotice} <button type="button" class="secondary" @click=${discard}>${strings.discardDraft}</button></p>`
        : nothing}
      ${state.draftWarning ? html`<p class="draft-notice draft-warning">${state.draftWarning}</p>` : nothing}
      ${state.fatal
        ? html`<div class="fatal" role="alert"><p>${strings.fatalIntro}</p><ul>${state.fatal.lines.map((line) => html`<li>${line}</li>`)}</ul></div>`
        : nothing}
    </section>
  `;
}

function workSteps(sheet: Sheet, checked: Checked) {
  const errors = checked.result.problems.filter((problem) => problem.severity === 'error').length;
  // While a change is checked, the report of the sheet before it waits; the rest works on as it is.
  const checking = checked.sheet !== sheet;
  const valid = checked.valid && !checking;
  return html`
    <section class="step" aria-labelledby="step-report">
      <h2 id="step-report" tabindex="-1">${strings.stepReport}</h2>
      ${checking
        ? html`<p class="report-checking">${strings.checking}</p>`
        : reportList(sheet, checked, state.reportPage, strings, messages, {
            choose,
            pick: (row) => pickFor({ row }),
            edit: openForm,
            page: (page) => update({ reportPage: page }),
          })}
    </section>
    <section class="step" aria-labelledby="step-members">
      <h2 id="step-members">${strings.stepMembers}</h2>
      <p>${strings.membersIntro}</p>
      <div class="field">
        <label for="member-search">${strings.searchLabel}</label>
        <input
          id="member-search"
          type="search"
          autocomplete="off"
          .value=${state.query}
          @input=${(event: Event) => update({ query: (event.target as HTMLInputElement).value, membersPage: 0 })}
        />
      </div>
      ${memberList(sheet, checked, state.query, state.membersPage, strings, {
        edit: openForm,
        remove,
        page: (page) => {
          update({ membersPage: page });
          root.querySelector('.members')?.scrollTo({ top: 0 });
        },
      })}
      <p><button type="button" @click=${() => openForm(undefined)}>${strings.add}</button></p>
      ${state.form
        ? memberForm(state.form, state.form.row === undefined ? strings.formNew : strings.formEdit(rowLabel(sheet, sheet.rows[state.form.row]!)), strings, {
            input: (field, value) => (state.form!.values = { ...state.form!.values, [field]: value }),
            submit: submitForm,
            cancel: () => (update({ form: undefined, picking: undefined }), void focus('#member-search')),
            pick: () => pickFor({ form: true }),
          })
        : nothing}
    </section>
    <section class="step" aria-labelledby="step-save">
      <h2 id="step-save">${strings.stepSave}</h2>
      <p>${strings.saveHint}</p>
      <p class="save-buttons">
        <button type="button" ?disabled=${!valid} aria-describedby=${valid || checking ? nothing : 'download-blocked'} @click=${downloadGeojson}>
          ${strings.download}
        </button>
        <button type="button" class="secondary" ?disabled=${!valid} @click=${downloadCsv}>${strings.exportCsv}</button>
        <button type="button" class="secondary" @click=${discard}>${strings.discardDraft}</button>
      </p>
      ${valid || checking ? nothing : html`<p id="download-blocked" class="hint">${strings.downloadBlocked(Math.max(errors, 1))}</p>`}
    </section>
  `;
}

function preview() {
  const collection = state.preview;
  const target = state.picking;
  const what =
    target === undefined ? '' : 'form' in target ? state.form?.values.municipality || strings.formNew : rowLabel(state.sheet!, state.sheet!.rows[target.row]!);
  return html`
    <aside class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">${strings.preview}</h2>
      <p class="hint">${strings.previewHint}</p>
      ${target
        ? html`<p class="pick-bar">${strings.pickHint(what)} <button type="button" class="secondary" @click=${() => update({ picking: undefined })}>${strings.pickCancel}</button></p>`
        : nothing}
      ${collection && collection.features.length > 0
        ? html`<member-map lang=${lang} tiles="off" ?picking=${Boolean(target)} .data=${collection} @member-map-pick=${picked}></member-map>`
        : nothing}
    </aside>
  `;
}

function draw(): void {
  render(
    html`
      <h1>${strings.title}</h1>
      <p class="lead">${strings.intro}</p>
      <p class="privacy">${strings.privacy}</p>
      <p class="status" role="status">${state.status}</p>
      ${state.progress
        ? html`<p class="progress">
            ${state.progress.total > 0
              ? html`<progress max=${state.progress.total} .value=${state.progress.done} aria-label=${strings.progressLabel}></progress>
                  <span>${strings.progress(state.progress.done, state.progress.total)}</span>`
              : html`<progress aria-label=${strings.progressLabel}></progress> <span>${strings.checking}</span>`}
          </p>`
        : nothing}
      <div class="editor-layout">
        <div class="editor-steps">${openStep()} ${state.sheet && state.checked ? workSteps(state.sheet, state.checked) : nothing}</div>
        ${preview()}
      </div>
    `,
    root,
  );
}

// --- start -------------------------------------------------------------------------------------

const draft = loadDraft();
draw();
if (draft) {
  const token = ++job;
  void gazetteerReady.then(async (loaded) => {
    gazetteer = loaded;
    startSlice();
    const checked = await checkInSlices(draft.sheet, token);
    if (!checked) return; // a file was opened meanwhile
    const when = new Date(draft.savedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'de-DE');
    update({
      sheet: draft.sheet,
      checked,
      progress: undefined,
      draftNotice: strings.draftRestored(draft.sheet.fileName, when),
      status: strings.draftRestored(draft.sheet.fileName, when),
    });
    await showPreview(checked, token);
  });
}
gazetteerReady.catch((error: unknown) => {
  console.error('member-map workbench: the gazetteer could not be loaded:', error);
  update({ status: strings.placesFailed });
});
