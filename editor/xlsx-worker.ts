// The Excel reader in a worker of its own: read-excel-file unpacks and parses the sheet's XML in one
// go, which for 20,000 rows kept the page frozen for most of a second. Here the page stays free and
// gets the table ready to import, or the reader's failure.
import { readSheet } from 'read-excel-file/web-worker';
import { workbookAnswer } from './xlsx-answer.js';

addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
  // As the data command reads it: untrimmed, so that the formula guard sees every cell as it is.
  void workbookAnswer(readSheet(event.data, 1, { trim: false })).then((answer) => postMessage(answer));
});
