// custom-elements.json, which editors, the README's tables and the package test read, lists exactly
// the attributes that the element observes: an attribute the analyzer misses, or one the element
// does not have, fails here.
import { expect } from '@open-wc/testing';
import { MemberMap } from '../src/member-map.js';

interface Declaration {
  customElement?: boolean;
  attributes?: { name: string }[];
}

describe('custom-elements.json', () => {
  it('lists exactly the attributes that the element observes', async () => {
    const manifest: { modules: { declarations?: Declaration[] }[] } = await (await fetch(new URL('../custom-elements.json', import.meta.url))).json();
    const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.customElement);
    const listed = (element?.attributes ?? []).map((attribute) => attribute.name).sort();
    expect(listed).to.deep.equal([...MemberMap.observedAttributes].sort());
  });
});
