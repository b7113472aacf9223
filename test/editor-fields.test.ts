// The workbench's member form (the built dist/editor.html) asks for exactly the fields of the field
// table (src/import/fields.ts), each labelled with its column header in the page's language, in the
// table's order within each group. The other places that list the fields are checked in
// test/cli/fields.spec.ts.
import { expect, waitUntil } from '@open-wc/testing';
import { FIELD_TABLE } from '../src/import/fields.js';
import { DRAFT_KEY, openEditor, type EditorFrame } from './editor-helpers.js';

/** The form for a new member, on an empty list. */
async function newMemberForm(editor: EditorFrame, lang: 'de' | 'en'): Promise<HTMLFormElement> {
  const button = (text: string) => editor.$$<HTMLButtonElement>('button').find((element) => element.textContent?.trim() === text);
  const [start, add] = lang === 'de' ? ['Mit einer leeren Liste beginnen', 'Neues Mitglied hinzufügen'] : ['Start with an empty list', 'Add a member'];
  button(start)!.click();
  await waitUntil(() => button(add), 'the empty list');
  button(add)!.click();
  await waitUntil(() => editor.doc.querySelector('.member-form'), 'the form');
  return editor.$<HTMLFormElement>('.member-form');
}

describe('workbench: the member form has the field table\'s fields', () => {
  beforeEach(() => localStorage.removeItem(DRAFT_KEY));
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const lang of ['de', 'en'] as const) {
    it(`asks for every field and for no other, labelled with its header (${lang})`, async () => {
      const editor = await openEditor(lang === 'de' ? '/dist/editor.html' : '/dist/editor.html?lang=en');
      const form = await newMemberForm(editor, lang);
      const controls = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')];
      expect(controls.map((control) => control.id).sort()).to.deep.equal(FIELD_TABLE.map((field) => `field-${field.key}`).sort());
      for (const field of FIELD_TABLE) {
        const label = form.querySelector(`label[for="field-${field.key}"]`)?.textContent?.trim() ?? '';
        expect(label.startsWith(field.header[lang]), `label "${label}" of ${field.key}`).to.equal(true);
      }

      const ids = (selector: string) => [...form.querySelectorAll(selector)].map((control) => control.id.replace('field-', ''));
      const at = (place: string) => FIELD_TABLE.filter((field) => field.form === place).map((field) => field.key);
      expect(ids(':scope > .field-grid :is(input, select)'), 'the grid').to.deep.equal([...at('lead'), ...at('grid')]);
      expect(ids('fieldset.position :is(input, select)'), 'the coordinates').to.deep.equal(at('position'));
      expect(ids(':scope > .field :is(input, select)'), 'after the coordinates').to.deep.equal(at('end'));
    });
  }
});
