// The workbench's templates: the report table, the member list and the member form. They render
// state handed to them and call back; nothing here keeps state.
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { EXPORT_HEADERS, FIELDS, mapColumns, type Field } from '../src/import/columns.js';
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
}

/** The problem's own text, without the "Fehler: Zeile 7, Spalte …" that the table shows in columns. */
function problemText(problem: Problem, messages: Messages): string {
  const format = messages.problem[problem.code] as (params: Problem['params']) => string;
  return format(problem.params);
}

function action(problem: Problem, index: number, strings: EditorStrings, actions: ReportActions) {
  if (index < 0) return nothing;
  if (problem.code === 'ambiguous-municipality') {
    const id = `candidates-${index}`;
    const choose = (event: Event) => {
      const select = (event.target as HTMLElement).closest('td')!.querySelector('select')!;
      const place = problem.params.candidates[Number(select.value)];
      if (place) actions.choose(index, place);
    };
    return html`
      <label class="visually-hidden" for=${id}>${strings.chooseCandidateLabel(problem.line ?? 0)}</label>
      <select id=${id}>
        <option value="">${strings.chooseCandidate}</option>
        ${problem.params.candidates.map((place, at) => html`<option value=${at}>${place.name} (${place.land.name}, AGS ${place.ags})</option>`)}
      </select>
      <button type="button" @click=${choose}>${strings.apply}</button>
    `;
  }
  return html`
    ${problem.code === 'unknown-municipality' ? html`<button type="button" @click=${() => actions.pick(index)}>${strings.placeOnMap}</button>` : nothing}
    <button type="button" class="secondary" @click=${() => actions.edit(index)}>${strings.editRow}</button>
  `;
}

export function reportTable(sheet: Sheet, checked: Checked, strings: EditorStrings, messages: Messages, actions: ReportActions): TemplateResult {
  const problems = checked.result.problems;
  if (problems.length === 0) return html`<p class="report-ok">${strings.reportNone}</p>`;
  const rowIndex = (problem: Problem) => sheet.rows.findIndex((row) => row.line === problem.line);
  return html`
    <p>${strings.reportIntro(problems.length)}</p>
    <div class="table-scroll">
      <table class="report">
        <caption class="visually-hidden">${strings.reportCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${strings.reportRow}</th>
            <th scope="col">${strings.reportColumn}</th>
            <th scope="col">${strings.reportProblem}</th>
            <th scope="col">${strings.reportAction}</th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            problems,
            // Keyed: a resolved row's select must not pass its choice on to the next row's.
            (problem) => `${problem.line}|${problem.column}|${problem.code}`,
            (problem) => html`
              <tr class=${problem.severity}>
                <th scope="row">${problem.line ?? '–'}</th>
                <td>${problem.column ?? '–'}</td>
                <td>${problemText(problem, messages)}</td>
                <td class="report-action">${action(problem, rowIndex(problem), strings, actions)}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    </div>
  `;
}

/** "Heidelberg – Beauftragte für Bürgerbeteiligung": how a member is named in lists and messages. */
export function rowLabel(sheet: Sheet, row: SheetRow): string {
  return [cell(sheet, row, 'municipality'), cell(sheet, row, 'name') || cell(sheet, row, 'role')].filter(Boolean).join(' – ') || cell(sheet, row, 'id');
}

export interface ListActions {
  edit: (row: number) => void;
  remove: (row: number) => void;
}

export function memberList(sheet: Sheet, checked: Checked, query: string, strings: EditorStrings, actions: ListActions): TemplateResult {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = sheet.rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => words.every((word) => row.cells.join(' ').toLowerCase().includes(word)));
  return html`
    <p class="members-count" id="members-count">${strings.membersCount(shown.length, sheet.rows.length)}</p>
    <ul class="members" aria-describedby="members-count">
      ${shown.map(({ row, index }) => {
        const label = rowLabel(sheet, row);
        const placed = checked.problemsOf(row).every((problem) => problem.severity !== 'error');
        return html`
          <li class=${placed ? '' : 'unplaced'}>
            <span class="member-label">${label}${placed ? nothing : html` <em>(${strings.notPlaced})</em>`}</span>
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
      })}
    </ul>
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

const INPUT_TYPE: Partial<Record<Field, string>> = { email: 'email', phone: 'tel', url: 'url' };
const AUTOCOMPLETE: Partial<Record<Field, string>> = { name: 'name', email: 'email', phone: 'tel', url: 'url', organisation: 'organization' };

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
  const field = (name: Field) => {
    const id = `field-${name}`;
    const error = state.errors[name];
    const hint = strings.fieldHints[name];
    const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    const required = name === 'municipality';
    const onInput = (event: Event) => actions.input(name, (event.target as HTMLInputElement).value);
    const control =
      name === 'state'
        ? html`<select id=${id} aria-describedby=${describedBy || nothing} @change=${onInput}>
            <option value="" ?selected=${!state.values.state}>${strings.stateNone}</option>
            ${LAENDER.map((land) => html`<option value=${land.name} ?selected=${state.values.state === land.name}>${land.name}</option>`)}
          </select>`
        : html`<input
            id=${id}
            type=${INPUT_TYPE[name] ?? 'text'}
            .value=${state.values[name]}
            ?readonly=${name === 'id'}
            ?required=${required}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy || nothing}
            autocomplete=${AUTOCOMPLETE[name] ?? 'off'}
            inputmode=${name === 'lat' || name === 'lon' || name === 'ags' || name === 'postcode' ? 'decimal' : nothing}
            @input=${onInput}
          />`;
    return html`
      <div class="field ${error ? 'invalid' : ''}">
        <label for=${id}>${EXPORT_HEADERS[strings.lang][name]}${required ? html` <span class="required">(${strings.required})</span>` : nothing}</label>
        ${control}
        ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
        ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing}
      </div>
    `;
  };
  return html`
    <form class="member-form" novalidate aria-labelledby="member-form-title" @submit=${(event: Event) => (event.preventDefault(), actions.submit())}>
      <h3 id="member-form-title" tabindex="-1">${title}</h3>
      <div class="field-grid">
        ${(['municipality', 'state', 'name', 'role', 'organisation', 'email', 'phone', 'url', 'postcode', 'ags'] as const).map(field)}
      </div>
      <fieldset class="position">
        <legend>${EXPORT_HEADERS[strings.lang].lat} / ${EXPORT_HEADERS[strings.lang].lon}</legend>
        <div class="field-grid">${field('lat')} ${field('lon')}</div>
        <button type="button" class="secondary" @click=${actions.pick}>${strings.placeOnMap}</button>
      </fieldset>
      ${field('id')}
      <div class="form-buttons">
        <button type="submit">${strings.save}</button>
        <button type="button" class="secondary" @click=${actions.cancel}>${strings.cancel}</button>
      </div>
    </form>
  `;
}
