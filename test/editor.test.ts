import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import { baseId } from '../src/import/ids.js';

import { axeViolations, chooseFile, DRAFT_KEY, openEditor, tabTo, type EditorFrame } from './editor-helpers.js';

/** Where each problem of the report is: "Fehler · Zeile 3 · Spalte „Kommune“". */
const reportRows = (editor: EditorFrame) => editor.$$('.report .report-where').map((where) => where.textContent!.replace(/\s+/g, ' ').trim());
const memberLabels = (editor: EditorFrame) => editor.$$('.members .member-label').map((label) => label.textContent!.trim());
const previewCount = (editor: EditorFrame) => {
  const map = editor.$('member-map');
  return map ? (map as HTMLElement & { data?: { features: unknown[] } }).data?.features.length ?? 0 : 0;
};

describe('the coordinator\'s workbench (dist/editor.html)', () => {
  beforeEach(() => localStorage.removeItem(DRAFT_KEY));
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('opens the Windows-1252 sheet, reports its rows, resolves them by select and map click, and downloads a file the data command accepts', async () => {
    const editor = await openEditor();
    expect(await axeViolations(editor), 'axe, empty page').to.deep.equal([]);
    await chooseFile(editor, '/raw/test/fixtures/editor/members-1252.csv', 'mitglieder.csv');
    expect(editor.status()).to.equal('mitglieder.csv geöffnet: 2 Mitglieder auf der Karte, 2 Hinweise im Prüfbericht. Weiter mit Schritt 2.');
    // The file's own line numbers and columns; the problem in the data command's words.
    expect(reportRows(editor)).to.deep.equal(['Fehler · Zeile 3 · Spalte „Kommune“', 'Fehler · Zeile 4 · Spalte „Kommune“']);
    // The ambiguous place names the choice; the select beside it lists the candidates.
    const texts = editor.$$('.report .report-text').map((text) => text.textContent!.trim());
    expect(texts[0]).to.match(/^\d+ Gemeinden heißen „Neustadt“: bitte wählen\.$/);
    expect(Number(texts[0]!.split(' ')[0])).to.equal(editor.$<HTMLSelectElement>('.report select').options.length - 1);
    expect(texts[1]).to.contain('„Nirgendwo am See“ in Bayern steht so nicht im Ortsverzeichnis');
    expect(memberLabels(editor)).to.include('Köln – Beauftragte für Bürgerbeteiligung'); // umlauts from Windows-1252
    expect(editor.$<HTMLButtonElement>('.save-buttons button').disabled, 'no download while rows are missing').to.equal(true);
    expect(await axeViolations(editor), 'axe, report').to.deep.equal([]);

    // Row 3: choose "Neustadt an der Weinstraße" among the candidates.
    const select = editor.$<HTMLSelectElement>('.report select');
    const options = [...select.options].map((option) => option.textContent!);
    const wanted = options.findIndex((text) => text.startsWith('Neustadt an der Weinstraße (Rheinland-Pfalz, AGS 07316000)'));
    expect(wanted).to.be.greaterThan(0);
    select.selectedIndex = wanted;
    select.closest('.report-action')!.querySelector('button')!.click();
    await waitUntil(() => reportRows(editor).length === 1, 'row 3 resolved');
    expect(reportRows(editor)).to.deep.equal(['Fehler · Zeile 4 · Spalte „Kommune“']);
    expect(previewCount(editor)).to.equal(3);

    // Row 4: an unknown place, placed by a click on the map.
    [...editor.$$<HTMLButtonElement>('.report button')].find((button) => button.textContent!.includes('Auf der Karte setzen'))!.click();
    await waitUntil(() => editor.$('.pick-bar'), 'placing mode');
    const map = editor.$('member-map');
    map.scrollIntoView({ block: 'center' }); // the map starts when it comes near the viewport
    await waitUntil(() => map.shadowRoot?.querySelector('.leaflet-container.picking'), 'the map is ready to pick');
    const container = map.shadowRoot!.querySelector('.leaflet-container')!.getBoundingClientRect();
    const offset = editor.frame.getBoundingClientRect();
    // Right of the members (who are all in the west), clear of markers and controls.
    const spot: [number, number] = [Math.round(offset.left + container.left + container.width * 0.8), Math.round(offset.top + container.top + container.height * 0.3)];
    await sendMouse({ type: 'click', position: spot });
    await waitUntil(() => editor.doc.querySelector('.report-ok'), 'row 4 placed', { timeout: 5000 });
    expect(reportRows(editor)).to.deep.equal([]);
    expect(editor.$('.report-ok').textContent).to.contain('Keine Probleme');
    expect(previewCount(editor)).to.equal(4);

    // Download: the data command's validate accepts the file, with every member and its position.
    const download = editor.$<HTMLButtonElement>('.save-buttons button');
    expect(download.disabled).to.equal(false);
    download.click();
    await waitUntil(() => editor.downloads.length === 1, 'downloaded');
    const text = await editor.downloads[0]!.text();
    const run = (await executeServerCommand('member-map-data', { command: 'validate', text })) as { code: number; stdout: string };
    expect(run.code, run.stdout).to.equal(0);
    expect(run.stdout).to.contain('4 members are shown, 0 features are skipped');
    const features = JSON.parse(text).features as { properties: Record<string, string>; geometry: { coordinates: [number, number] } }[];
    const neustadt = features.find((feature) => feature.properties.municipality === 'Neustadt')!;
    expect(neustadt.properties.ags).to.equal('07316000');
    expect(neustadt.geometry.coordinates[1]).to.be.closeTo(49.35, 0.1);
    const nirgendwo = features.find((feature) => feature.properties.municipality === 'Nirgendwo am See')!;
    expect(nirgendwo.geometry.coordinates[1]).to.be.within(47, 55.2);
    expect(nirgendwo.geometry.coordinates[0]).to.be.within(5.8, 15.1);
    // Given ids stay, missing ones follow the data command's rule.
    expect(features.map((feature) => feature.properties.id)).to.deep.equal([
      'koeln',
      baseId('Neustadt', 'Referentin für Bürgerbeteiligung'),
      baseId('Nirgendwo am See', 'Koordinator Bürgerbeteiligung'),
      'wuerzburg',
    ]);
    expect(await axeViolations(editor), 'axe, resolved').to.deep.equal([]);
  });

  it('edits and adds a member by keyboard only, keeps the draft over a reload, and discards it on request', async () => {
    const editor = await openEditor();
    await chooseFile(editor, '/raw/test/cli/fixtures/members.xlsx', 'members.xlsx');
    const before = memberLabels(editor).length;
    expect(before).to.be.greaterThan(0);
    expect(editor.status()).to.match(/^members\.xlsx geöffnet: \d+ Mitglieder auf der Karte/);

    // Edit the first member: Tab to its "Bearbeiten" button, change the role, save with Enter.
    editor.$<HTMLInputElement>('#member-search').focus();
    await tabTo(editor, (element) => element.matches('.members button[data-row="0"]'), 'the first member\'s edit button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => editor.doc.activeElement?.id === 'member-form-title', 'the form has the focus');
    expect(await axeViolations(editor), 'axe, form').to.deep.equal([]);
    await tabTo(editor, (element) => element.id === 'field-role', 'the role field');
    await sendKeys({ type: 'Leitung Bürgerbeteiligung' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !editor.doc.querySelector('.member-form'), 'the form closed');
    expect(editor.status()).to.contain('wurde gespeichert');
    expect(memberLabels(editor)[0]).to.contain('Leitung Bürgerbeteiligung');
    expect(editor.doc.activeElement!.matches('.members button[data-row="0"]'), 'focus back on the member').to.equal(true);

    // Add a member: the municipality is required, then Sipplingen in Baden-Württemberg.
    await tabTo(editor, (element) => element.textContent?.trim() === 'Neues Mitglied hinzufügen', 'the add button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => editor.doc.activeElement?.id === 'member-form-title', 'the new form has the focus');
    await tabTo(editor, (element) => element.id === 'field-role', 'the role field');
    await sendKeys({ type: 'Bürgermeisterin' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => editor.doc.activeElement?.id === 'field-municipality', 'the missing municipality has the focus');
    expect(editor.$('#field-municipality-error').textContent).to.equal('Die Kommune fehlt.');
    expect(editor.$('#field-municipality').getAttribute('aria-invalid')).to.equal('true');
    expect(await axeViolations(editor), 'axe, form with an error').to.deep.equal([]);
    await sendKeys({ type: 'Sipplingen' });
    await sendKeys({ press: 'Tab' }); // to the Bundesland select
    await sendKeys({ type: 'Baden' });
    expect(editor.$<HTMLSelectElement>('#field-state').value).to.equal('Baden-Württemberg');
    await tabTo(editor, (element) => element.textContent?.trim() === 'Speichern', 'the save button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !editor.doc.querySelector('.member-form'), 'the new member saved');
    expect(memberLabels(editor)).to.include('Sipplingen – Bürgermeisterin');
    expect(previewCount(editor)).to.equal(before + 1);
    const added = (editor.$('member-map') as HTMLElement & { data: { features: { properties: { id: string; municipality: string } }[] } }).data.features.at(-1)!;
    expect(added.properties).to.include({ id: baseId('Sipplingen', 'Bürgermeisterin'), municipality: 'Sipplingen' });

    // Leaving now asks first: the changes are not downloaded yet.
    const leaving = new editor.win.Event('beforeunload', { cancelable: true });
    editor.win.dispatchEvent(leaving);
    expect(leaving.defaultPrevented, 'leaving asks').to.equal(true);

    // Reload: the draft is back, with the new member.
    const labels = memberLabels(editor);
    editor.frame.remove();
    const again = await openEditor();
    await waitUntil(() => again.status().includes('wiederhergestellt'), 'the draft restored');
    expect(memberLabels(again)).to.deep.equal(labels);
    [...again.$$<HTMLButtonElement>('.draft-notice button')][0]!.click();
    await waitUntil(() => again.status() === 'Der Entwurf wurde verworfen.', 'discarded');
    expect(again.doc.querySelector('.members')).to.equal(null);
    expect(localStorage.getItem(DRAFT_KEY)).to.equal(null);
  });

  it('keeps a choice made in the report when the same row\'s open form is saved afterwards', async () => {
    const editor = await openEditor();
    await chooseFile(editor, '/raw/test/fixtures/editor/members-1252.csv', 'mitglieder.csv');
    // Open the form of row 3 ("Neustadt"), then resolve that row in the report.
    editor.$<HTMLButtonElement>('.members button[data-row="1"]').click();
    await waitUntil(() => editor.$('.member-form'), 'the form');
    const select = editor.$<HTMLSelectElement>('.report select');
    select.selectedIndex = [...select.options].findIndex((option) => option.textContent!.includes('AGS 07316000'));
    select.closest('.report-action')!.querySelector('button')!.click();
    await waitUntil(() => reportRows(editor).length === 1, 'row 3 resolved');
    expect(editor.$<HTMLInputElement>('#field-ags').value, 'the form took the choice').to.equal('07316000');
    editor.$<HTMLButtonElement>('.member-form button[type="submit"]').click();
    await waitUntil(() => !editor.doc.querySelector('.member-form'), 'saved');
    expect(reportRows(editor)).to.deep.equal(['Fehler · Zeile 4 · Spalte „Kommune“']);
  });

  it('places a new member by keyboard on the map: Enter on the map takes its centre', async () => {
    const editor = await openEditor();
    await chooseFile(editor, '/raw/test/fixtures/editor/members-1252.csv', 'mitglieder.csv');
    editor.$$<HTMLButtonElement>('.step button').find((button) => button.textContent!.trim() === 'Neues Mitglied hinzufügen')!.click();
    await waitUntil(() => editor.doc.activeElement?.id === 'member-form-title', 'the form');
    await tabTo(editor, (element) => element.id === 'field-municipality', 'the municipality');
    await sendKeys({ type: 'Ortsteil ohne Namen' });
    await tabTo(editor, (element) => element.textContent?.trim() === 'Auf der Karte setzen', 'the place button');
    await sendKeys({ press: 'Enter' });
    const map = editor.$('member-map');
    map.scrollIntoView({ block: 'center' });
    await waitUntil(() => editor.doc.activeElement === map, 'the focus moved to the map');
    await waitUntil(() => map.shadowRoot?.querySelector('.leaflet-container.picking'), 'picking');
    map.shadowRoot!.querySelector<HTMLElement>('.leaflet-container')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => editor.$<HTMLInputElement>('#field-lat').value !== '', 'the centre taken');
    expect(editor.doc.activeElement!.id).to.equal('field-lat');
    expect(Number(editor.$<HTMLInputElement>('#field-lat').value)).to.be.within(47, 55.2);
    expect(Number(editor.$<HTMLInputElement>('#field-lon').value)).to.be.within(5.8, 15.1);
    await tabTo(editor, (element) => element.textContent?.trim() === 'Speichern', 'save');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !editor.doc.querySelector('.member-form'), 'saved');
    expect(previewCount(editor)).to.equal(3); // Köln, Würzburg and the new one
  });

  it('opens a member file, removes a member, and exports exactly the CSV that the data command exports', async () => {
    const editor = await openEditor();
    await chooseFile(editor, '/data/members.geojson', 'members.geojson');
    expect(editor.status()).to.equal('members.geojson geöffnet: 63 Mitglieder auf der Karte. Weiter mit Schritt 3.');
    expect(editor.$('.report-ok')).to.exist;
    const search = editor.$<HTMLInputElement>('#member-search');
    search.value = 'Weyarn';
    search.dispatchEvent(new editor.win.Event('input', { bubbles: true }));
    await waitUntil(() => memberLabels(editor).length === 1, 'search');
    expect(memberLabels(editor)).to.deep.equal(['Weyarn – Koordinator Bürgerbeteiligung']);
    editor.$<HTMLButtonElement>('.members button.secondary').click();
    await waitUntil(() => editor.status() === 'Weyarn – Koordinator Bürgerbeteiligung wurde entfernt.', 'removed');
    expect(previewCount(editor)).to.equal(62);

    editor.$$<HTMLButtonElement>('.save-buttons button')[0]!.click();
    editor.$$<HTMLButtonElement>('.save-buttons button')[1]!.click();
    await waitUntil(() => editor.downloads.length === 2, 'both files');
    const geojson = await editor.downloads[0]!.text();
    const mine = [...new Uint8Array(await editor.downloads[1]!.arrayBuffer())];
    const theirs = (await executeServerCommand('member-map-data', { command: 'export', text: geojson })) as { code: number; written: number[] };
    expect(theirs.code).to.equal(0);
    expect(mine).to.deep.equal(theirs.written);
    expect(JSON.parse(geojson).features.some((feature: { properties: { id: string } }) => feature.properties.id === 'weyarn')).to.equal(false);
  });

  it('ships beside the embed generator in dist/, and the two pages link to each other', async () => {
    const editor = await openEditor();
    const toEmbed = editor.$<HTMLAnchorElement>('nav a[href="./embed.html"]');
    expect(toEmbed.textContent).to.equal('Karte einbinden');
    const embed = await fetch(toEmbed.href);
    expect(embed.ok).to.equal(true);
    const page = new DOMParser().parseFromString(await embed.text(), 'text/html');
    expect(page.querySelector('nav a[href="./editor.html"]')!.textContent).to.equal('Mitgliederliste pflegen');
    // Its preview reads the member file that the workbench downloads, next to it.
    expect(page.querySelector('member-map')!.getAttribute('src')).to.equal('members.geojson');
    expect([...page.querySelectorAll('script')].map((script) => script.getAttribute('src'))).to.include('./member-map-embed.js');
  });

  it('works under the strict CSP, in English, and asks nothing of any other origin', async () => {
    const editor = await openEditor('/csp/dist/editor.html?lang=en');
    expect(editor.doc.documentElement.lang).to.equal('en');
    expect(editor.$('h1').textContent).to.equal('Keep the member list');
    await chooseFile(editor, '/raw/test/fixtures/editor/members-1252.csv', 'members.csv');
    expect(editor.status()).to.contain('2 members on the map, 2 notes in the report');
    await waitUntil(() => editor.$('member-map'), 'the preview');
    editor.$('member-map').scrollIntoView();
    await waitUntil(() => editor.$('member-map')?.shadowRoot?.querySelector('.leaflet-marker-icon'), 'the preview drew the members');
    // Both files wait for a complete list: a CSV of only the placed rows would lose the others.
    const [geojson, csv] = editor.$$<HTMLButtonElement>('.save-buttons button');
    expect([geojson!.disabled, csv!.disabled]).to.deep.equal([true, true]);
    expect(editor.violations).to.deep.equal([]);
    const origins = editor.win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).origin);
    expect([...new Set(origins)]).to.deep.equal([location.origin]);
    expect(await axeViolations(editor), 'axe, English').to.deep.equal([]);
  });
});
