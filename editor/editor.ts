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
import { discardDraft, loadDraft, saveDraft } from './draft.js';
import { download, readMemberFile } from './files.js';
import { addRow, check, emptySheet, removeRow, setCells, sheetOf, sheetOfCollection, type Checked, type Sheet } from './sheet-model.js';
import { de, en, type EditorStrings } from './strings.js';
import { emptyValues, memberForm, memberList, problemsByField, reportTable, rowLabel, valuesOf, type FormState } from './views.js';

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
  checked?: Checked;
  fatal?: { file: string; lines: string[] };
  status: string;
  query: string;
  form?: FormState;
  /** Where a click on the map goes: a row of the report, or the open form. */
  picking?: { row: number } | { form: true };
  /** Changes since the last download (leaving asks first). */
  dirty: boolean;
  draftNotice?: string;
}

const state: State = { status: '', query: '', dirty: false };

function update(changes: Partial<State>): void {
  Object.assign(state, changes);
  draw();
}

/** The sheet changed: check it again, keep the draft, redraw. */
function changeSheet(sheet: Sheet, status: string, extra: Partial<State> = {}): void {
  saveDraft(sheet);
  update({ sheet, checked: check(sheet, () => gazetteer!), status, dirty: true, fatal: undefined, ...extra });
}

async function focus(selector: string): Promise<void> {
  await Promise.resolve();
  root.querySelector<HTMLElement>(selector)?.focus();
}

// --- opening -----------------------------------------------------------------------------------

async function open(file: File): Promise<void> {
  update({ status: strings.reading, form: undefined, picking: undefined });
  try {
    const [opened] = await Promise.all([readMemberFile(file), gazetteerReady.then((loaded) => (gazetteer = loaded))]);
    if (opened.kind === 'unknown') return update({ status: strings.unknownFile(file.name) });
    if (opened.kind === 'collection') return start(sheetOfCollection(file.name, opened.json));
    const { sheet, fatal } = sheetOf(file.name, opened.table, () => gazetteer!);
    if (sheet) return start(sheet);
    const problems = (fatal ?? []).map((problem) => {
      const format = messages.problem[problem.code] as (params: typeof problem.params) => string;
      return `${problem.line ? `${strings.reportRow} ${problem.line}: ` : ''}${format(problem.params)}`;
    });
    update({ sheet: undefined, checked: undefined, fatal: { file: file.name, lines: problems }, status: strings.openFailed(file.name, problems[0] ?? '') });
  } catch (error) {
    update({ status: strings.openFailed(file.name, error instanceof Error ? error.message : String(error)) });
  }
}

function start(sheet: Sheet): void {
  changeSheet(sheet, '', { draftNotice: undefined, query: '' });
  const { collection, result } = state.checked!;
  update({ status: strings.opened(sheet.fileName, collection?.features.length ?? 0, result.problems.length) });
}

async function startEmpty(): Promise<void> {
  gazetteer = await gazetteerReady;
  start(emptySheet('members.csv'));
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
  changeSheet(setCells(sheet, row, values), strings.saved(rowLabel(sheet, sheet.rows[row]!)), keepForm(row, values));
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
  changeSheet(setCells(sheet, target.row, { lat, lon }), strings.picked(rowLabel(sheet, sheet.rows[target.row]!)), {
    picking: undefined,
    ...keepForm(target.row, { lat, lon }),
  });
  void focus('#step-report');
}

function openForm(row: number | undefined): void {
  const sheet = state.sheet!;
  const values = row === undefined ? emptyValues() : valuesOf(sheet, sheet.rows[row]!);
  const errors = row === undefined ? {} : problemsByField(sheet, state.checked!.problemsOf(sheet.rows[row]!), messages);
  update({ form: { ...(row === undefined ? {} : { row }), values, errors }, picking: undefined });
  void focus('#member-form-title');
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

function submitForm(): void {
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
  const checked = check(sheet, () => gazetteer!);
  const problems = checked.problemsOf(row).filter((problem) => problem.severity === 'error');
  const label = rowLabel(sheet, row);
  if (problems.length > 0) {
    // Saved (the draft keeps it), and the form stays open with the import's words at the fields.
    changeSheet(sheet, strings.notPlaced, { form: { row: index, values: valuesOf(sheet, row), errors: problemsByField(sheet, problems, messages) } });
    void focus('.member-form [aria-invalid="true"]');
    return;
  }
  changeSheet(sheet, strings.saved(label), { form: undefined });
  void focus(`.members button[data-row="${index}"]`);
}

function remove(row: number): void {
  const sheet = state.sheet!;
  const label = rowLabel(sheet, sheet.rows[row]!);
  // Rows after it move up: an open form or a pending placement would point at another member.
  changeSheet(removeRow(sheet, row), strings.removed(label), { form: undefined, picking: undefined });
  void focus('#member-search');
}

// --- saving ------------------------------------------------------------------------------------

function downloadGeojson(): void {
  const collection = state.checked?.collection;
  if (!collection || !state.checked?.valid) return;
  download('members.geojson', formatCollection(collection), 'application/geo+json');
  update({ dirty: false, status: strings.downloaded(collection.features.length) });
}

function downloadCsv(): void {
  const collection = state.checked?.collection;
  if (!collection) return;
  const { members, skipped } = parseMembers(collection);
  download('members.csv', exportCsv(members, collection.features, skipped, lang), 'text/csv;charset=utf-8');
}

function discard(): void {
  discardDraft();
  update({ sheet: undefined, checked: undefined, form: undefined, picking: undefined, dirty: false, draftNotice: undefined, status: strings.draftDiscarded });
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
      ${state.draftNotice
        ? html`<p class="draft-notice">${state.draftNotice} <button type="button" class="secondary" @click=${discard}>${strings.discardDraft}</button></p>`
        : nothing}
      ${state.fatal
        ? html`<div class="fatal" role="alert"><p>${strings.fatalIntro}</p><ul>${state.fatal.lines.map((line) => html`<li>${line}</li>`)}</ul></div>`
        : nothing}
    </section>
  `;
}

function workSteps(sheet: Sheet, checked: Checked) {
  const errors = checked.result.problems.filter((problem) => problem.severity === 'error').length;
  return html`
    <section class="step" aria-labelledby="step-report">
      <h2 id="step-report" tabindex="-1">${strings.stepReport}</h2>
      ${reportTable(sheet, checked, strings, messages, { choose, pick: (row) => pickFor({ row }), edit: openForm })}
    </section>
    <section class="step" aria-labelledby="step-members">
      <h2 id="step-members">${strings.stepMembers}</h2>
      <p>${strings.membersIntro}</p>
      <div class="field">
        <label for="member-search">${strings.searchLabel}</label>
        <input id="member-search" type="search" autocomplete="off" .value=${state.query} @input=${(event: Event) => update({ query: (event.target as HTMLInputElement).value })} />
      </div>
      ${memberList(sheet, checked, state.query, strings, { edit: openForm, remove })}
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
        <button type="button" ?disabled=${!checked.valid} aria-describedby=${checked.valid ? nothing : 'download-blocked'} @click=${downloadGeojson}>
          ${strings.download}
        </button>
        <button type="button" class="secondary" ?disabled=${!checked.valid} @click=${downloadCsv}>${strings.exportCsv}</button>
        <button type="button" class="secondary" @click=${discard}>${strings.discardDraft}</button>
      </p>
      ${checked.valid ? nothing : html`<p id="download-blocked" class="hint">${strings.downloadBlocked(Math.max(errors, 1))}</p>`}
    </section>
  `;
}

function preview(checked: Checked | undefined) {
  const collection = checked?.collection;
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
      <div class="editor-layout">
        <div class="editor-steps">${openStep()} ${state.sheet && state.checked ? workSteps(state.sheet, state.checked) : nothing}</div>
        ${preview(state.checked)}
      </div>
    `,
    root,
  );
}

// --- start -------------------------------------------------------------------------------------

const draft = loadDraft();
draw();
if (draft) {
  void gazetteerReady.then((loaded) => {
    gazetteer = loaded;
    const when = new Date(draft.savedAt).toLocaleString(lang === 'en' ? 'en-GB' : 'de-DE');
    update({
      sheet: draft.sheet,
      checked: check(draft.sheet, () => loaded),
      draftNotice: strings.draftRestored(draft.sheet.fileName, when),
      status: strings.draftRestored(draft.sheet.fileName, when),
    });
  });
}
gazetteerReady.catch((error: unknown) => update({ status: strings.openFailed('member-map-places.json', String(error)) }));
