/// <reference types="node" />
// The first sheet of an Excel workbook (.xlsx), read with `read-excel-file`'s Node entry. The rows
// become the import's table in `src/import/sheet.ts`, which a web page shares with its browser entry.

import { readSheet } from 'read-excel-file/node';
import { workbookSize } from '../import/zip.js';

export type WorkbookResult =
  | { rows: unknown[][] }
  | { error: 'legacy-xls' | 'unreadable'; detail: string }
  /** Its parts would unpack to more than `limit` bytes (judged before anything is inflated). */
  | { error: 'too-large'; unpacked: number; limit: number };

/** Never throws: a file that is no readable workbook gives the reason instead. */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookResult> {
  // The same limit as the workbench's, from the archive's directory (src/import/zip.ts); a damaged
  // archive is left to the reader, whose reason is more precise.
  const size = workbookSize(bytes);
  if (size.verdict === 'too-large') return { error: 'too-large', unpacked: size.unpacked, limit: size.limit };
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // trim: false, so that the importer sees every cell as it is (the formula guard comes first).
    const rows = await readSheet(buffer, 1, { trim: false });
    return { rows: rows as unknown[][] };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const detail = error instanceof Error ? error.message : String(error);
    return { error: code === 'XLS_FILE_NOT_SUPPORTED' ? 'legacy-xls' : 'unreadable', detail };
  }
}
