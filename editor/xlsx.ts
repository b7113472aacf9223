// Reading an Excel sheet off the page's thread (xlsx-worker.ts). Where a worker cannot start (a
// site's Content-Security-Policy without `worker-src 'self'`, say), the same reader runs on the page:
// the page waits longer on a big sheet, but the file still opens.
import { workbookAnswer, type WorkbookAnswer } from './xlsx-answer.js';

/** The first sheet of the workbook in `bytes`, untrimmed (as the data command reads it). */
export async function readWorkbook(bytes: Uint8Array): Promise<WorkbookAnswer> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./xlsx-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return readOnPage(bytes);
  }
  return new Promise<WorkbookAnswer>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<WorkbookAnswer>) => {
      worker.terminate();
      resolve(event.data);
    });
    // A worker that cannot load its script reports an error event, not a message.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      resolve(readOnPage(bytes));
    });
    worker.postMessage(bytes.slice().buffer); // a copy: `bytes` stay for the page, should the worker fail
  });
}

async function readOnPage(bytes: Uint8Array): Promise<WorkbookAnswer> {
  const { readSheet } = await import('read-excel-file/browser');
  return workbookAnswer(readSheet(bytes.slice().buffer, 1, { trim: false }));
}
