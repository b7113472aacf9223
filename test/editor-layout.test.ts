import { expect, waitUntil } from '@open-wc/testing';
import { decodePlaces } from '../src/places/places-file.js';
import { DRAFT_KEY, frameFile, openEditor, putFile, type EditorFrame } from './editor-helpers.js';

// The workbench's report and member list at the laptop and desktop widths of issue 24 (item 3):
// every control in view without scrolling sideways, and member rows laid out alike whatever their text.

const WIDTHS = [1024, 1280, 1440, 1920];

/** A sheet with every kind of problem the report offers an action for, long texts, and pages of both lists. */
async function sheetWithProblems(): Promise<string> {
  const places = decodePlaces(await (await fetch('/data/gazetteer/member-map-places.json')).json());
  const lines = [
    'ID;Kommune;Bundesland;Funktion;Organisation;E-Mail;Breitengrad;Längengrad;Notiz',
    ';Neustadt;;Referentin für Bürgerbeteiligung;Stadt Neustadt;;;;',
    ';Nirgendwo am See;Bayern;Koordinator Bürgerbeteiligung;Gemeinde Nirgendwo;;;;',
    ';Lichtenau;;Beauftragte für Bürgerbeteiligung, Engagementförderung und Quartiersentwicklung im Dezernat für Bürgerdienste, Ordnung und Digitalisierung;Gemeinde Lichtenau;;;;',
    ';Köln;Bayernland;Beauftragte;Stadt Köln;;;;',
    ';Heidelberg;Baden-Württemberg;Koordinierungsstelle;Stadt Heidelberg;;abc;8,67;',
    'doppelt;Würzburg;Bayern;Referent;Stadt Würzburg;;;;',
    'doppelt;Bamberg;Bayern;Referentin;Stadt Bamberg;;;;eine Notiz',
    ';Sankt Peter-Ording;Schleswig-Holstein;Bürgermeister;Gemeinde Sankt Peter-Ording;;;;',
    ';Frankfurt;;Stabsstelle Bürgerbeteiligung;Stadt Frankfurt;;;;',
  ];
  // More ambiguous rows (the report gets a second page) and placed members (the list gets pages).
  for (let i = 0; i < 16; i++) lines.push(`;Neustadt;;Referent ${i};Stadt Neustadt;;;;`);
  for (let i = 0; i < 60; i++) {
    const place = places[(i * 997) % places.length]!;
    const role = i % 7 === 0 ? 'Beauftragte für Bürgerbeteiligung und Engagementförderung der Verbandsgemeindeverwaltung' : 'Beauftragte';
    lines.push(`;${place.name};${place.land.name};${role};Verwaltung ${place.name};;;;`);
  }
  return lines.join('\r\n') + '\r\n';
}

/** A short name for an element in messages. */
function nameOf(element: Element): string {
  const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
  return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} "${text}"`;
}

/**
 * Every control of the report and the member list, brought into view as a keyboard user's focus
 * would (scrollIntoView, `nearest`): what is still cut by a box that scrolls or clips, by the
 * viewport, or needed a sideways scroll to be seen.
 */
function cutControls(editor: EditorFrame): string[] {
  const { win } = editor;
  const found: string[] = [];
  const controls = editor.$$('.report button, .report select, .report-item button, .pager button, .members button, #member-search');
  expect(controls.length).to.be.greaterThan(20);
  for (const control of controls) {
    control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const rect = control.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) found.push(`${nameOf(control)}: not drawn`);
    // (1 px of slack: scroll positions are whole pixels, layout is not.)
    if (rect.left < -1 || rect.top < -1 || rect.right > win.innerWidth + 1 || rect.bottom > win.innerHeight + 1) {
      found.push(`${nameOf(control)}: outside the viewport (${Math.round(rect.left)}–${Math.round(rect.right)} of ${win.innerWidth}, ${Math.round(rect.top)}–${Math.round(rect.bottom)} of ${win.innerHeight}, scrolled ${win.scrollY} of ${editor.doc.scrollingElement!.scrollHeight})`);
    }
    for (let box = control.parentElement; box && box !== editor.doc.documentElement; box = box.parentElement) {
      const style = win.getComputedStyle(box);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const outer = box.getBoundingClientRect();
      const left = outer.left + box.clientLeft;
      const top = outer.top + box.clientTop;
      if (box.scrollLeft !== 0) found.push(`${nameOf(control)}: ${nameOf(box)} is scrolled sideways by ${box.scrollLeft} px`);
      if (rect.left < left - 1 || rect.right > left + box.clientWidth + 1 || rect.top < top - 1 || rect.bottom > top + box.clientHeight + 1) {
        found.push(`${nameOf(control)}: cut by ${nameOf(box)}`);
      }
    }
  }
  const page = editor.doc.scrollingElement!;
  if (page.scrollLeft !== 0 || page.scrollWidth > win.innerWidth) found.push(`the page scrolls sideways (${page.scrollWidth} px wide)`);
  return [...new Set(found)];
}

/** Member rows whose buttons are not where the others' are (beside the name, at the same place). */
function unevenRows(editor: EditorFrame): string[] {
  const rows = editor.$$('.members li');
  expect(rows.length).to.be.greaterThan(10);
  const first = rows[0]!.querySelector('.member-buttons')!.getBoundingClientRect();
  const found: string[] = [];
  for (const row of rows) {
    const buttons = row.querySelector('.member-buttons')!.getBoundingClientRect();
    const label = row.querySelector('.member-label')!.getBoundingClientRect();
    if (Math.abs(buttons.left - first.left) > 1 || Math.abs(buttons.right - first.right) > 1) found.push(`${nameOf(row)}: buttons at ${Math.round(buttons.left)}, not ${Math.round(first.left)}`);
    if (buttons.left < label.right - 1 || buttons.top > label.bottom) found.push(`${nameOf(row)}: buttons not beside the name`);
  }
  return found;
}

describe('the workbench report and member list at laptop and desktop widths', () => {
  let csv = '';
  before(async () => {
    csv = await sheetWithProblems();
  });
  beforeEach(() => localStorage.removeItem(DRAFT_KEY));
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const width of WIDTHS) {
    it(`${width} px: every control in view without scrolling sideways, member rows alike`, async function () {
      this.timeout(30_000);
      const editor = await openEditor('/dist/editor.html', { width, height: 900 });
      putFile(editor, frameFile(editor, csv, 'mitglieder.csv'));
      await waitUntil(() => editor.status().includes('geöffnet'), 'opened', { timeout: 15_000 });
      // Both lists have pages; the report has each kind of action.
      expect(editor.$$('.report .pager').length + editor.$$('.pager').length).to.be.greaterThan(1);
      for (const label of ['Übernehmen', 'Auf der Karte setzen', 'Zeile bearbeiten']) {
        expect(editor.$$('.report button').some((button) => button.textContent!.trim() === label), label).to.equal(true);
      }
      expect(editor.$$('.report select').length).to.be.greaterThan(1);
      expect(cutControls(editor), 'controls cut or out of view, first page').to.deep.equal([]);
      expect(unevenRows(editor), 'member rows, first page').to.deep.equal([]);
      // The second pages too.
      editor.$$<HTMLButtonElement>('.pager button').filter((button) => button.textContent!.trim() === 'Nächste Seite').forEach((button) => button.click());
      await waitUntil(() => editor.$$('.pager-where').every((where) => where.textContent!.startsWith('Seite 2')), 'second pages');
      expect(cutControls(editor), 'controls cut or out of view, second page').to.deep.equal([]);
      expect(unevenRows(editor), 'member rows, second page').to.deep.equal([]);
    });
  }
});
