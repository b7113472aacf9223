// What reading an Excel sheet answers, on the page or in its worker (xlsx.ts, xlsx-worker.ts).
import type { SheetTable } from '../src/import/import.js';
import { sheetTable } from '../src/import/sheet.js';

/** The sheet as a table, or the reader's failure with its code (XLS_FILE_NOT_SUPPORTED, …), if any. */
export type WorkbookAnswer = { table: SheetTable } | { failed: string; code?: string };

/** The rows read-excel-file gives (or its error) as an answer that can cross to the page. */
export function workbookAnswer(rows: Promise<unknown>): Promise<WorkbookAnswer> {
  return rows.then(
    (read) => ({ table: sheetTable(read as unknown[][]) }),
    (error: unknown) => {
      const code = (error as { code?: unknown } | null)?.code;
      return { failed: String(error), ...(typeof code === 'string' ? { code } : {}) };
    },
  );
}
