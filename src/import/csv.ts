// CSV text ↔ rows, with papaparse doing the quoting rules (quoted separators, doubled quotes,
// line breaks inside quoted cells). Each row keeps the file line it starts on, for the report.

import Papa, { type ParseError } from 'papaparse';

export type Delimiter = ';' | ',' | '\t';

/**
 * Papaparse's error codes. With the separator given and no header row (as parsed here), only the two
 * quote codes occur: `MissingQuotes` (a quote that is never closed) and `InvalidQuotes` (a lone quote
 * inside a quoted cell). The report dictionaries word every code, so none reaches a reader in English.
 */
export type CsvErrorCode = ParseError['code'];

export interface CsvRow {
  cells: string[];
  /** Line of the file on which the row starts (1-based; a quoted cell may span several lines). */
  line: number;
  /** Row number as a spreadsheet shows it (1 = the header row). */
  record: number;
}

export interface CsvTable {
  delimiter: Delimiter;
  rows: CsvRow[];
  /**
   * The first syntax error, if any; rows from that point on are not trustworthy. `line` is the line of
   * the opening quote of the broken cell (for a code without a position: the line its row starts on).
   */
  error?: { line: number; code: CsvErrorCode };
}

const CANDIDATES: readonly Delimiter[] = [';', ',', '\t'];

/**
 * Picks the separator from the first record (the header row): the candidate that occurs most
 * often outside quotes. Excel's `sep=;` first line wins when present.
 */
export function detectDelimiter(text: string): Delimiter {
  const hint = /^sep=(.)\r?\n/.exec(text);
  if (hint && (CANDIDATES as readonly string[]).includes(hint[1]!)) return hint[1] as Delimiter;
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = counts.get(candidate) ?? 0;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

const LINE_BREAK = /\r\n|\r|\n/g;

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): CsvTable {
  const steps = csvSteps(text, delimiter);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * parseCsv in steps of `rowsPerStep` rows, for a caller that must not block (the workbench reads a big
 * sheet in slices). Each step parses on from the end of the last complete row, with the line break
 * that papaparse found in the first step, so the rows are exactly those of one parse.
 */
export function* csvSteps(text: string, delimiter: Delimiter = detectDelimiter(text), rowsPerStep = 2000): Generator<void, CsvTable, void> {
  let body = text;
  let line = 1;
  const hint = /^sep=.\r?\n/.exec(body);
  if (hint) {
    body = body.slice(hint[0].length);
    line = 2;
  }
  const rows: CsvRow[] = [];
  let error: CsvTable['error'];
  let newline: string | undefined;
  for (let offset = 0; ; ) {
    const rest = offset === 0 ? body : body.slice(offset);
    let start = 0;
    let count = 0;
    let next: string[] | undefined;
    Papa.parse<string[]>(rest, {
      delimiter,
      ...(newline ? { newline: newline as '\n' } : {}),
      step(result, parser) {
        if (count === rowsPerStep) {
          next = result.data; // this row starts the next step
          parser.abort();
          return;
        }
        newline ??= result.meta.linebreak;
        const end = result.meta.cursor;
        if (result.errors.length > 0 && !error) {
          const { code, index } = result.errors[0]!;
          // `index`: where the broken cell's text starts in `rest`, just after its opening quote.
          error = { line: index === undefined ? line : line + countLineBreaks(rest.slice(start, index)), code };
          parser.abort();
          return;
        }
        rows.push({ cells: result.data, line, record: rows.length + 1 });
        line += countLineBreaks(rest.slice(start, end));
        start = end;
        count++;
      },
    });
    if (!next || error) break;
    offset += start;
    if (offset === body.length) {
      // Nothing after the last line break: the row papaparse found there is the empty one it ends with.
      rows.push({ cells: next, line, record: rows.length + 1 });
      break;
    }
    yield;
  }
  // The line break that ends the last record is not a row of its own.
  const last = rows[rows.length - 1];
  if (!error && last && last.cells.length === 1 && last.cells[0] === '' && /(\r\n|\r|\n)$/.test(body)) rows.pop();
  return error ? { delimiter, rows, error } : { delimiter, rows };
}

/** Rows → CSV text with CRLF line ends; cells with separators, quotes or line breaks are quoted. */
export function formatCsv(rows: readonly (readonly string[])[], delimiter: Delimiter = ';'): string {
  return Papa.unparse(rows as string[][], { delimiter, newline: '\r\n' }) + '\r\n';
}
