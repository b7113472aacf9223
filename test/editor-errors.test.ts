import { expect, waitUntil } from '@open-wc/testing';
import { chooseFile, DRAFT_KEY, frameFile, openEditor, putFile, type EditorFrame } from './editor-helpers.js';

// Files the workbench cannot use, and failures it did not expect (issue 24, "no English error
// codes"): the page answers in plain German that says what happened and what to do; the parser's or
// the browser's own English words go to the console only. The open sheet and its draft stay.

/** What the CSV parser (papaparse) and the browser say in English: none of it may reach the page. */
const ENGLISH = /Quoted field|unterminated|malformed|Trailing quote|NotReadable|could not be read|exploded|HTTP 404|Failed to fetch/i;

/** The workbench with a sheet open (so with a draft), its console errors, and a check that nothing of the sheet changed. */
async function withSheet(path = '/dist/editor.html') {
  const editor = await openEditor(path, { width: 1280, height: 900 });
  const logged: string[] = [];
  const own = editor.win.console.error.bind(editor.win.console);
  editor.win.console.error = (...args: unknown[]) => (logged.push(args.map(String).join(' ')), own(...args));
  await chooseFile(editor, '/raw/test/fixtures/editor/members-1252.csv', 'mitglieder.csv');
  await waitUntil(() => localStorage.getItem(DRAFT_KEY), 'the draft kept');
  const draft = localStorage.getItem(DRAFT_KEY);
  const labels = () => editor.$$('.members .member-label').map((label) => label.textContent!.trim());
  const before = labels();
  expect(before.length).to.equal(4);
  return {
    editor,
    logged,
    unchanged(what: string) {
      expect(localStorage.getItem(DRAFT_KEY), `${what}: the draft`).to.equal(draft);
      expect(labels(), `${what}: the open sheet`).to.deep.equal(before);
      expect(editor.doc.body.textContent, `${what}: no English from the parser or the browser`).not.to.match(ENGLISH);
    },
  };
}

/** Chooses a CSV file with `text` and waits until the page has said why it cannot use it. */
async function fatal(editor: EditorFrame, text: string, name: string): Promise<{ lines: string[]; status: string }> {
  putFile(editor, frameFile(editor, text, name));
  await waitUntil(() => editor.status().startsWith(name), `${name} answered`, { timeout: 8000 });
  expect(editor.$('.fatal').getAttribute('role')).to.equal('alert');
  return { lines: editor.$$('.fatal li').map((item) => item.textContent!.trim()), status: editor.status() };
}

/** Chooses `file` and waits for its refusal (a new one, when the last file was refused too). */
async function refused(editor: EditorFrame, file: File): Promise<string> {
  const last = editor.doc.querySelector('.refused')?.textContent;
  putFile(editor, file);
  await waitUntil(() => editor.status() === '' && editor.doc.querySelector('.refused')?.textContent !== last, `${file.name} refused`, { timeout: 8000 });
  expect(editor.$('.refused').getAttribute('role')).to.equal('alert');
  return editor.$('.refused').textContent!.trim();
}

describe('the workbench answers broken files and unexpected failures in plain German', () => {
  beforeEach(() => localStorage.removeItem(DRAFT_KEY));
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('a CSV with a quote that is never closed, or a lone quote inside a quoted cell: where, and what to fix', async () => {
    const page = await withSheet();
    // The cell that breaks the file starts on line 4, in the row that starts on line 3.
    const unclosed = 'Kommune;Funktion;Organisation\r\nKöln;Beauftragte;Stadt Köln\r\nBonn;"Beauftragte für\r\nBürgerbeteiligung";"Stadt Bonn\r\nJena;Beauftragte;Stadt Jena\r\n';
    const first = await fatal(page.editor, unclosed, 'offen.csv');
    const missing =
      'Zeile 4: Ein Anführungszeichen (") in dieser Zeile wird nicht geschlossen, deshalb ist die Datei ab hier nicht lesbar. ' +
      'Bitte das fehlende schließende Anführungszeichen ergänzen oder das überzählige löschen.';
    expect(first.lines).to.deep.equal([missing]);
    expect(first.status).to.equal(`offen.csv konnte nicht gelesen werden: ${missing}`);
    page.unchanged('an unclosed quote');

    const lone = 'Kommune;Funktion\r\nKöln;Beauftragte\r\nBonn;"Büro "Bürgerbeteiligung" im Rathaus"\r\n';
    const second = await fatal(page.editor, lone, 'einzeln.csv');
    expect(second.lines).to.deep.equal([
      'Zeile 3: In dieser Zeile steht ein einzelnes Anführungszeichen (") im Text einer Zelle, die selbst in Anführungszeichen steht; ' +
        'deshalb ist die Datei ab hier nicht lesbar. Ein Anführungszeichen im Text muss doppelt geschrieben werden (""): ' +
        'Bitte das Anführungszeichen verdoppeln oder löschen.',
    ]);
    page.unchanged('a lone quote');
  });

  it('the same CSV in English with the English setting', async () => {
    const editor = await openEditor('/dist/editor.html?lang=en', { width: 1280, height: 900 });
    const { lines } = await fatal(editor, 'Kommune;Funktion\r\nBonn;"offen\r\nJena;x\r\n', 'open.csv');
    expect(lines).to.deep.equal([
      'Row 2: A quote (") on this line is never closed, so the file cannot be read from here on. Add the missing closing quote or delete the extra one.',
    ]);
    expect(editor.doc.body.textContent).not.to.match(/Quoted field|unterminated/);
  });

  it('a file the browser cannot read, and a failure the page did not expect: a German sentence, the details in the console', async () => {
    const page = await withSheet();
    const { editor } = page;
    // As Chromium rejects the read of a file moved or changed since it was chosen.
    const moved = frameFile(editor, 'Kommune\r\nKöln\r\n', 'verschoben.csv');
    const reason = 'The requested file could not be read, typically due to permission problems that have occurred after a reference to a file was acquired.';
    Object.defineProperty(moved, 'arrayBuffer', { value: () => Promise.reject(new editor.win.DOMException(reason, 'NotReadableError')) });
    expect(await refused(editor, moved)).to.equal(
      'verschoben.csv konnte nicht gelesen werden: Der Browser bekommt keinen Zugriff auf die Datei. Das geschieht etwa, wenn sie nach der Auswahl ' +
        'verschoben, umbenannt oder geändert wurde. Bitte wählen Sie die Datei erneut aus.',
    );
    expect(page.logged.some((line) => line.includes('NotReadableError') && line.includes('verschoben.csv')), page.logged.join('\n')).to.equal(true);
    page.unchanged('an unreadable file');

    // A failure inside the page's own code: here the text decoder of a UTF-8 file with BOM breaks.
    const decode = editor.win.TextDecoder.prototype.decode;
    editor.win.TextDecoder.prototype.decode = () => {
      throw new editor.win.TypeError('the decoder exploded');
    };
    try {
      const bom = frameFile(editor, new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Kommune\r\nKöln\r\n')]), 'kaputt.csv');
      expect(await refused(editor, bom)).to.equal(
        'kaputt.csv konnte nicht geöffnet werden: Dabei ist ein unerwarteter Fehler aufgetreten. Bitte wählen Sie die Datei noch einmal aus. ' +
          'Tritt der Fehler wieder auf, speichern Sie die Datei neu (eine Tabelle in Excel oder LibreOffice als „CSV UTF-8“) und öffnen Sie dann diese.',
      );
    } finally {
      editor.win.TextDecoder.prototype.decode = decode;
    }
    expect(page.logged.some((line) => line.includes('the decoder exploded') && line.includes('kaputt.csv')), page.logged.join('\n')).to.equal(true);
    page.unchanged('an unexpected failure');
  });

  it('a site without the gazetteer file: says so at once, and again when a file is chosen', async () => {
    const editor = await openEditor('/no-places/dist/editor.html', { width: 1280, height: 900 });
    const placesFailed =
      'Das Ortsverzeichnis (member-map-places.json) konnte nicht geladen werden. Ohne es öffnet diese Seite keine Liste, denn es setzt die Kommunen auf die Karte. ' +
      'Bitte laden Sie die Seite neu. Bleibt der Fehler, fehlt vermutlich die Datei member-map-places.json im Ordner von editor.html auf dem Server: ' +
      'Bitte geben Sie das an die Betreuung der Website weiter.';
    await waitUntil(() => editor.status() === placesFailed, `the status says the gazetteer is missing (it says: ${editor.status()})`);
    expect(await refused(editor, frameFile(editor, 'Kommune\r\nKöln\r\n', 'liste.csv'))).to.equal(placesFailed);
    expect(editor.doc.body.textContent).not.to.match(ENGLISH);
  });
});
