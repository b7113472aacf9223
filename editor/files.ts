// Reading the coordinator's file in the browser (File API: nothing is uploaded), with the same decoding
// and parsing as the data command, and the .xlsx reader loaded only when an Excel file is opened.
import { parseCsv } from '../src/import/csv.js';
import { decode } from '../src/import/decode.js';
import type { SheetTable } from '../src/import/import.js';
import { isWorkbook, sheetTable } from '../src/import/sheet.js';

export type OpenedFile = { kind: 'table'; table: SheetTable } | { kind: 'collection'; json: unknown } | { kind: 'unknown' };

export async function readMemberFile(file: File): Promise<OpenedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = file.name.toLowerCase();
  if (isWorkbook(bytes, file.name)) {
    const { readSheet } = await import('read-excel-file/browser');
    // As the data command reads it: untrimmed, so that the formula guard sees every cell as it is.
    return { kind: 'table', table: sheetTable((await readSheet(file, 1, { trim: false })) as unknown[][]) };
  }
  const { text } = decode(bytes);
  if (name.endsWith('.geojson') || name.endsWith('.json') || /^\s*\{/.test(text)) {
    return { kind: 'collection', json: JSON.parse(text) };
  }
  if (name.endsWith('.csv') || name.endsWith('.txt') || text.includes(';') || text.includes(',') || text.includes('\t')) {
    return { kind: 'table', table: parseCsv(text) };
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
