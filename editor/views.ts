// The workbench's templates: the report table, the member list and the member form. They render
// state handed to them and call back; nothing here keeps state.
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { mapColumns } from '../src/import/columns.js';
import { FIELD_TABLE, FIELDS, type Field, type FieldSpec, type FormPlace } from '../src/import/fields.js';
import type { Messages } from '../src/import/i18n/messages.js';
import type { Problem } from '../src/import/problems.js';
import { LAENDER } from '../src/places/laender.js';
import type { Place } from '../src/places/places-file.js';
import { cell, type Checked, type Sheet, type SheetRow } from './sheet-model.js';
import type { EditorStrings } from './strings.js';

export interface ReportActions {
  choose: (row: number, place: Place) => void;
  pick: (row: number) => void;
  edit: (row: number) => void;
  page: (page: number) => void;
}

/** Items per page: the report and the member list render one page, however long the sheet. */
export const REPORT_PAGE = 20;
export const MEMBERS_PAGE = 50;

/** The problem's own text, without the "Fehler: Zeile 7, Spalte …" that the report shows above it. */
export function problemText(problem: Problem, messages: Messages): string {
  const format = messages.problem[problem.code] as (params: Problem['params']) => string;
  return format(problem.params);
}

/**
 * What the report says about a problem. An ambiguous place names the choice: the select beside it
 * lists the candidates (the data command, in a terminal, lists them in its sentence).
 */
function reportText(problem: Problem, strings: EditorStrings, messages: Messages): string {
  if (problem.code === 'ambiguous-municipality') return strings.ambiguous(problem.params.candidates.length, problem.params.value, problem.params.state);
  return problemText(problem, messages);
}

/** "Seite 2 von 9" with buttons to the pages before and after; nothing for a single page. */
function pager(label: string, page: number, pages: number, strings: EditorStrings, go: (page: number) => void) {
  if (pages <= 1) return nothing;
  // aria-disabled, not disabled: the button keeps the focus on the last page.
  const step = (to: number, text: string) => html`
    <button type="button" class="secondary" aria-disabled=${to < 0 || to >= pages ? 'true' : 'false'} @click=${() => to >= 0 && to < pages && go(to)}>${text}</button>
  `;
  return html`
    <nav class="pager" aria-label=${label}>
      ${step(page - 1, strings.pagePrevious)}
      <span class="pager-where">${strings.pageOf(page + 1, pages)}</span>
      ${step(page + 1, strings.pageNext)}
    </nav>
  `;
}

/** The page that exists nearest to `page` for `count` items. */
export const clampPage = (page: number, count: number, size: number): number => Math.max(0, Math.min(page, Math.ceil(count / size) - 1));

// Where each line of a sheet is (a sheet is never changed, only replaced): the report finds a
// problem's row by its line, also when the report is of the sheet before the latest change.
const rowIndexes = new WeakMap<Sheet, Map<number, number>>();
function rowIndexOf(sheet: Sheet, line: number | undefined): number {
  let map = rowIndexes.get(sheet);
  if (!map) rowIndexes.set(sheet, (map = new Map(sheet.rows.map((row, index) => [row.line, index]))));
  return line === undefined ? -1 : (map.get(line) ?? -1);
}

function action(problem: Problem, index: number, strings: EditorStrings, actions: ReportActions) {
  if (index < 0) return nothing;
  if (problem.code === 'ambiguous-municipality') {
    const id = `candidates-${index}`;
    const choose = (event: Event) => {
      const select = (event.target as HTMLElement).closest('.report-action')!.querySelector('select')!;
      const place = problem.params.candidates[Number(select.value)];
      if (place) actions.choose(index, place);
    };
    return html`
      <div class="report-action">
        <label class="visually-hidden" for=${id}>${strings.chooseCandidateLabel(problem.line ?? 0)}</label>
        <select id=${id}>
          <option value="">${strings.chooseCandidate}</option>
          ${problem.params.candidates.map((place, at) => html`<option value=${at}>${place.name} (${place.land.name}, AGS ${place.ags})</option>`)}
        </select>
        <button type="button" @click=${choose}>${strings.apply}</button>
      </div>
    `;
  }
  return html`
    <div class="report-action">
      ${problem.code === 'unknown-municipality' ? html`<button type="button" @click=${() => actions.pick(index)}>${strings.placeOnMap}</button>` : nothing}
      <button type="button" class="secondary" @click=${() => actions.edit(index)}>${strings.editRow}</button>
    </div>
  `;
}

/**
 * The report: one item per problem, where it is above what it is, the way to fix it below (never
 * beside it, where a narrow column would push it out of view). One page of items at a time.
 */
export function reportList(sheet: Sheet, checked: Checked, page: number, strings: EditorStrings, messages: Messages, actions: ReportActions): TemplateResult {
  const problems = checked.result.problems;
  if (problems.length === 0) return html`<p class="report-ok">${strings.reportNone}</p>`;
  const pages = Math.ceil(problems.length / REPORT_PAGE);
  const at = clampPage(page, problems.length, REPORT_PAGE);
  const shown = problems.slice(at * REPORT_PAGE, (at + 1) * REPORT_PAGE);
  return html`
    <p>${strings.reportIntro(problems.length)}</p>
    <ol class="report" aria-label=${strings.reportCaption} start=${at * REPORT_PAGE + 1}>
      ${repeat(
        shown,
        // Keyed: a resolved row's select must not pass its choice on to the next row's.
        (problem) => `${problem.line}|${problem.column}|${problem.code}`,
        (problem) => {
          const where = [
            problem.line === undefined ? '' : messages.line(problem.line, problem.record),
            problem.column === undefined ? '' : messages.column(problem.column),
          ].filter(Boolean);
          return html`
            <li class="report-item ${problem.severity}">
              <p class="report-where"><span class="severity">${messages.severity[problem.severity]}</span>${where.map((part) => html` &middot; ${part}`)}</p>
              <p class="report-text">${reportText(problem, strings, messages)}</p>
              ${action(problem, rowIndexOf(sheet, problem.line), strings, actions)}
            </li>
          `;
        },
      )}
    </ol>
    ${pager(strings.reportPages, at, pages, strings, actions.page)}
  `;
}

/** "Heidelberg – Beauftragte für Bürgerbeteiligung": how a member is named in lists and messages. */
export function rowLabel(sheet: Sheet, row: SheetRow): string {
  return [cell(sheet, row, 'municipality'), cell(sheet, row, 'name') || cell(sheet, row, 'role')].filter(Boolean).join(' – ') || cell(sheet, row, 'id');
}

export interface ListActions {
  edit: (row: number) => void;
  remove: (row: number) => void;
  page: (page: number) => void;
}

// A row's text for the search, once per row (rows are replaced when they change, never changed).
const haystacks = new WeakMap<SheetRow, string>();
function haystack(row: SheetRow): string {
  let text = haystacks.get(row);
  if (text === undefined) haystacks.set(row, (text = row.cells.join(' ').toLowerCase()));
  return text;
}

/** Prepares the search of a big sheet ahead of the first search, 1,000 rows per step. */
export function* searchSteps(sheet: Sheet): Generator<void, void, void> {
  for (let at = 0; at < sheet.rows.length; at += 1000) {
    for (const row of sheet.rows.slice(at, at + 1000)) haystack(row);
    yield;
  }
}

/** The rows that a search shows, in sheet order, with their index in the sheet. */
export function searchRows(sheet: Sheet, query: string): { row: SheetRow; index: number }[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown: { row: SheetRow; index: number }[] = [];
  sheet.rows.forEach((row, index) => {
    if (words.every((word) => haystack(row).includes(word))) shown.push({ row, index });
  });
  return shown;
}

/** The member list: one page of the rows that the search shows, each row laid out alike. */
export function memberList(sheet: Sheet, checked: Checked, query: string, page: number, strings: EditorStrings, actions: ListActions): TemplateResult {
  const shown = searchRows(sheet, query);
  const pages = Math.max(1, Math.ceil(shown.length / MEMBERS_PAGE));
  const at = clampPage(page, shown.length, MEMBERS_PAGE);
  return html`
    <p class="members-count" id="members-count">${strings.membersCount(shown.length, sheet.rows.length)}</p>
    <ul class="members" aria-describedby="members-count">
      ${repeat(
        shown.slice(at * MEMBERS_PAGE, (at + 1) * MEMBERS_PAGE),
        ({ row }) => row.line,
        ({ row, index }) => {
          const label = rowLabel(sheet, row);
          const placed = checked.problemsOf(row).every((problem) => problem.severity !== 'error');
          return html`
            <li class=${placed ? 'member' : 'member unplaced'}>
              <span class="member-label">${label}${placed ? nothing : html` <span class="unplaced-mark">${strings.unplacedMark}</span>`}</span>
              <span class="member-buttons">
                <button type="button" data-row=${index} @click=${() => actions.edit(index)}>
                  ${strings.edit}<span class="visually-hidden">: ${label}</span>
                </button>
                <button type="button" class="secondary" aria-label=${strings.removeLabel(label)} @click=${() => actions.remove(index)}>
                  ${strings.remove}
                </button>
              </span>
            </li>
          `;
        },
      )}
    </ul>
    ${pager(strings.membersPages, at, pages, strings, actions.page)}
  `;
}

export type FormValues = Record<Field, string>;

export interface FormState {
  /** The row being edited, or undefined for a new member. */
  row?: number;
  values: FormValues;
  /** Messages per field: the form's own checks, then the import's problems for this row. */
  errors: Partial<Record<Field, string>>;
}

export interface FormActions {
  input: (field: Field, value: string) => void;
  submit: () => void;
  cancel: () => void;
  pick: () => void;
}

/** The fields that the form asks for at `place`, in the table's order. */
const fieldsAt = (place: FormPlace): FieldSpec<Field>[] => FIELD_TABLE.filter((field) => field.form === place);

export function emptyValues(): FormValues {
  return Object.fromEntries(FIELDS.map((field) => [field, ''])) as FormValues;
}

export function valuesOf(sheet: Sheet, row: SheetRow): FormValues {
  return Object.fromEntries(FIELDS.map((field) => [field, cell(sheet, row, field)])) as FormValues;
}

/** The import's problems of a row, by the field of their column. */
export function problemsByField(sheet: Sheet, problems: Problem[], messages: Messages): Partial<Record<Field, string>> {
  const columns = mapColumns(sheet.header);
  const byField: Partial<Record<Field, string>> = {};
  for (const problem of problems) {
    const field = columns.columns.find((column) => column.header === problem.column)?.field ?? 'municipality';
    byField[field] = [byField[field], problemText(problem, messages)].filter(Boolean).join(' ');
  }
  return byField;
}

export function memberForm(state: FormState, title: string, strings: EditorStrings, actions: FormActions): TemplateResult {
  const field = (spec: FieldSpec<Field>) => {
    const name = spec.key;
    const id = `field-${name}`;
    const error = state.errors[name];
    const hint = strings.fieldHints[name];
    const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    const required = spec.required === true;
    const onInput = (event: Event) => actions.input(name, (event.target as HTMLInputElement).value);
    const control =
      spec.kind === 'land'
        ? html`<select id=${id} aria-describedby=${describedBy || nothing} @change=${onInput}>
            <option value="" ?selected=${!state.values[name]}>${strings.stateNone}</option>
            ${LAENDER.map((land) => html`<option value=${land.name} ?selected=${state.values[name] === land.name}>${land.name}</option>`)}
          </select>`
        : html`<input
            id=${id}
            type=${spec.input?.type ?? 'text'}
            .value=${state.values[name]}
            ?readonly=${spec.kind === 'id'}
            ?required=${required}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            autocomplete=${spec.input?.autocomplete ?? 'off'}
            inputmode=${spec.input?.inputmode ?? nothing}
            @input=${onInput}
          />`;
    return html`
      <div class="field ${error ? 'invalid' : ''}">
        <label for=${id}>${spec.header[strings.lang]}${required ? html` <span class="required">(${strings.required})</span>` : nothing}</label>
        ${control}
        ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
        ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
      </div>
    `;
  };
  const position = fieldsAt('position');
  return html`
    <form class="member-form" novalidate aria-labelledby="member-form-title" @submit=${(event: Event) => (event.preventDefault(), actions.submit())}>
      <h3 id="member-form-title" tabindex="-1">${title}</h3>
      <div class="field-grid">
        ${[...fieldsAt('lead'), ...fieldsAt('grid')].map(field)}
      </div>
      <fieldset class="position">
        <legend>${position.map((spec) => spec.header[strings.lang]).join(' / ')}</legend>
        <div class="field-grid">${position.map(field)}</div>
        <button type="button" class="secondary" @click=${actions.pick}>${strings.placeOnMap}</button>
      </fieldset>
      ${fieldsAt('end').map(field)}
      <div class="form-buttons">
        <button type="submit">${strings.save}</button>
        <button type="button" class="secondary" @click=${actions.cancel}>${strings.cancel}</button>
      </div>
    </form>
  `;
}
