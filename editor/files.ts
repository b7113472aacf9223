// Reading the coordinator's file in the browser (File API: nothing is uploaded), with the same decoding
// and parsing as the data command, and the .xlsx reader loaded only when an Excel file is opened.
// Files that cannot be read are refused with a plain sentence (the data command's words where it has
// them), before any big piece of work: a file over the size limit before it is read at all, an Excel
// file that would unpack past the limit before anything is inflated.
import { csvSteps } from '../src/import/csv.js';
import { decode } from '../src/import/decode.js';
import type { Messages } from '../src/import/i18n/index.js';
import type { SheetTable } from '../src/import/import.js';
import { isWorkbook } from '../src/import/sheet.js';
import { megabytes, workbookSize } from '../src/import/zip.js';
import { inSlices, pause } from './slices.js';
import type { EditorStrings } from './strings.js';
import { readWorkbook } from './xlsx.js';

/** The largest file the page opens: 20 MB (a member list of 20,000 rows is about 2 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type OpenedFile =
  | { kind: 'table'; table: SheetTable }
  | { kind: 'collection'; json: unknown }
  | { kind: 'unknown' }
  /** Not read: the plain sentence that says why and what to do. */
  | { kind: 'refused'; message: string };

/** The refusal of a file that is too large to be read at all, judged by its size alone; or undefined. */
export function refusedBySize(file: File, strings: EditorStrings): string | undefined {
  if (file.size <= MAX_FILE_BYTES) return undefined;
  const limit = megabytes(MAX_FILE_BYTES);
  // To a tenth of a MB, and never as if it were the limit itself.
  const size = Math.max(Math.round((file.size / (1024 * 1024)) * 10) / 10, limit + 0.1);
  return strings.fileTooLarge(file.name, size, limit);
}

/** Reads the bytes of a chosen file, a big CSV file in slices; `current` as for inSlices. */
export async function readMemberFile(name: string, bytes: Uint8Array, messages: Messages, current: () => boolean = () => true): Promise<OpenedFile> {
  const lower = name.toLowerCase();
  if (isWorkbook(bytes, name)) {
    // As the data command does: the directory's sizes first, a damaged archive is the reader's to judge.
    const size = workbookSize(bytes);
    if (size.verdict === 'too-large') {
      return { kind: 'refused', message: messages.workbookTooLarge(name, megabytes(size.unpacked), megabytes(size.limit)) };
    }
    const read = await readWorkbook(bytes);
    if ('table' in read) return { kind: 'table', table: read.table };
    // The reader's own reason ("missing start tag", "invalid zip data") means nothing to a coordinator.
    console.warn(`member-map workbench: ${name}: ${read.failed}`);
    return { kind: 'refused', message: read.code === 'XLS_FILE_NOT_SUPPORTED' ? messages.legacyXls(name) : messages.unreadableWorkbook(name) };
  }
  const { text } = decode(bytes);
  await pause(current);
  if (lower.endsWith('.geojson') || lower.endsWith('.json') || /^\s*\{/.test(text)) {
    try {
      return { kind: 'collection', json: JSON.parse(text) };
    } catch {
      return { kind: 'refused', message: messages.cannotRead(name, messages.fileError['invalid-json']) };
    }
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || text.includes(';') || text.includes(',') || text.includes('\t')) {
    return { kind: 'table', table: await inSlices(csvSteps(text, undefined, 500), undefined, current) };
  }
  return { kind: 'unknown' };
}

/** Offers `text` as a download (a Blob URL: the data never leaves the computer). */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
