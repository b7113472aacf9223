/// <reference types="node" />
// The three commands: read the input, run the pure step, print the report, write atomically.
// Each returns its exit code: 0 done, 1 problems in the data (nothing written unless
// --allow-partial), 2 wrong usage or a file that cannot be read or written.

import { readFile } from 'node:fs/promises';
import type { Command } from './args.js';
import { decode } from '../import/decode.js';
import { exportCsv } from '../import/export.js';
import type { Gazetteer } from '../import/gazetteer.js';
import { loadGazetteer } from './load-gazetteer.js';
import { formatCollection } from '../import/geojson.js';
import { messagesFor, type Messages } from '../import/i18n/index.js';
import type { FileErrorCode } from '../import/i18n/messages.js';
import { importMembers, importTable, type ImportResult } from '../import/import.js';
import { formatProblem } from '../import/report.js';
import { isWorkbook, sheetTable } from '../import/sheet.js';
import { readWorkbook } from './read-workbook.js';
import { megabytes } from '../import/zip.js';
import { judge, skippedLine, type Verdict } from '../import/validate.js';
import { writeFileAtomic } from './write-atomic.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export interface CommandOptions {
  gazetteer?: () => Gazetteer;
}

export const EXIT = { ok: 0, data: 1, usage: 2 } as const;

const reason = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code} (${(error as Error).message})` : String(error);
};

async function read(file: string, io: Io, messages: Messages): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    io.err(messages.cannotRead(file, reason(error)));
    return undefined;
  }
}

async function write(file: string, data: string, io: Io, messages: Messages): Promise<boolean> {
  try {
    await writeFileAtomic(file, data);
    return true;
  } catch (error) {
    io.err(messages.cannotWrite(file, reason(error)));
    return false;
  }
}

export async function run(command: Command, io: Io, options: CommandOptions = {}): Promise<number> {
  const messages = messagesFor(command.lang);
  switch (command.command) {
    case 'help':
      io.out(messages.usage);
      return EXIT.ok;
    case 'import':
      return runImport(command, io, messages, options.gazetteer ?? loadGazetteer);
    case 'validate':
      return runValidate(command, io, messages);
    case 'export':
      return runExport(command, io, messages);
  }
}

async function runImport(
  command: Extract<Command, { command: 'import' }>,
  io: Io,
  messages: Messages,
  gazetteer: () => Gazetteer,
): Promise<number> {
  const bytes = await read(command.input, io, messages);
  if (!bytes) return EXIT.usage;
  let result: ImportResult;
  if (isWorkbook(bytes, command.input)) {
    // An Excel workbook (ZIP content or .xlsx name): its first sheet, with the same headers as CSV.
    const workbook = await readWorkbook(bytes);
    if ('error' in workbook) {
      io.err(
        workbook.error === 'too-large'
          ? messages.workbookTooLarge(command.input, megabytes(workbook.unpacked), megabytes(workbook.limit))
          : workbook.error === 'legacy-xls'
            ? messages.legacyXls(command.input)
            : messages.unreadableWorkbook(command.input, workbook.detail),
      );
      return EXIT.usage;
    }
    result = importTable(sheetTable(workbook.rows), { gazetteer });
    io.out(messages.importHeading(command.input));
  } else {
    const { text, encoding } = decode(bytes);
    result = importMembers(text, { gazetteer });
    io.out(messages.importHeading(command.input, encoding, result.delimiter));
  }
  for (const problem of result.problems) io.out(formatProblem(problem, messages));
  if (!result.collection) {
    io.out(messages.notWrittenFatal);
    return EXIT.data;
  }
  io.out(messages.importSummary(result.stats));
  if (result.stats.derivedIds > 0) io.out(messages.derivedIds(result.stats.derivedIds));
  const placed = result.collection.features.length;
  if (placed === 0) {
    io.out(messages.nothingPlaced);
    return EXIT.data;
  }
  if (!result.complete && !command.allowPartial) {
    io.out(messages.notWritten(result.stats.skipped));
    return EXIT.data;
  }
  if (!(await write(command.output, formatCollection(result.collection), io, messages))) return EXIT.usage;
  io.out(messages.written(placed, command.output));
  if (!result.complete) io.out(messages.partial(result.stats.skipped));
  return EXIT.ok;
}

function reportVerdict(verdict: Verdict, io: Io, messages: Messages): void {
  // A code the validator may gain later falls back to its own (English) message.
  if (verdict.kind === 'unusable') io.out(messages.fileError[verdict.code as FileErrorCode] ?? verdict.message);
  for (const item of verdict.skipped) io.out(`  ${messages.skippedFeature(skippedLine(item), item.code)}`);
  if (verdict.kind === 'usable') io.out(messages.validateSummary(verdict.members.length, verdict.skipped.length));
}

async function runValidate(command: Extract<Command, { command: 'validate' }>, io: Io, messages: Messages): Promise<number> {
  const bytes = await read(command.input, io, messages);
  if (!bytes) return EXIT.usage;
  const verdict = judge(bytes);
  io.out(messages.validateHeading(command.input));
  reportVerdict(verdict, io, messages);
  return verdict.kind === 'usable' && verdict.skipped.length === 0 ? EXIT.ok : EXIT.data;
}

async function runExport(command: Extract<Command, { command: 'export' }>, io: Io, messages: Messages): Promise<number> {
  const bytes = await read(command.input, io, messages);
  if (!bytes) return EXIT.usage;
  const verdict = judge(bytes);
  if (verdict.kind === 'unusable' || (verdict.skipped.length > 0 && !command.allowPartial)) {
    io.out(messages.validateHeading(command.input));
    reportVerdict(verdict, io, messages);
    io.out(verdict.kind === 'unusable' ? messages.notWrittenFatal : messages.exportNotWritten(verdict.skipped.length));
    return EXIT.data;
  }
  if (verdict.skipped.length > 0) reportVerdict(verdict, io, messages);
  // Formula-protected cells, with a byte order mark that tells Excel the file is UTF-8.
  const csv = exportCsv(verdict.members, verdict.features, verdict.skipped, command.lang);
  if (!(await write(command.output, csv, io, messages))) return EXIT.usage;
  io.out(messages.written(verdict.members.length, command.output));
  return EXIT.ok;
}
