import { expect } from '@open-wc/testing';

// The built ES modules, as a bundler user imports them: this page has nothing registered yet.
const load = (path: string) => import(/* @vite-ignore */ path);

describe('registration (built ES modules)', () => {
  it('"member-map" gives the class and registers nothing; "member-map/define" registers', async () => {
    const { MemberMap } = await load('/dist/member-map.js');
    expect(MemberMap).to.be.a('function');
    expect(customElements.get('member-map')).to.equal(undefined);

    MemberMap.define('netzwerk-karte');
    expect(customElements.get('netzwerk-karte')).to.be.a('function');
    expect(() => MemberMap.define('netzwerk-karte')).to.not.throw();
    expect(document.createElement('netzwerk-karte')).to.be.instanceOf(MemberMap);

    await load('/dist/define.js');
    expect(customElements.get('member-map')).to.be.a('function');
    expect(document.createElement('member-map')).to.be.instanceOf(MemberMap);
  });

  it('warns instead of throwing when another script registered the tag first', async () => {
    const { MemberMap } = await load('/dist/member-map.js');
    customElements.define('taken-map', class extends HTMLElement {});
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (message: unknown) => warnings.push(message);
    try {
      expect(() => MemberMap.define('taken-map')).to.not.throw();
    } finally {
      console.warn = warn;
    }
    expect(String(warnings[0])).to.contain('taken-map');
  });
});

describe('registration (ES module and classic script on one page)', () => {
  it('keeps the first definition and warns, never throws', async () => {
    await load('/dist/define.js');
    const first = customElements.get('member-map');
    const warnings: unknown[] = [];
    const errors: unknown[] = [];
    const warn = console.warn;
    console.warn = (message: unknown) => warnings.push(message);
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      await new Promise<void>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = '/dist/member-map.iife.js';
        script.onload = () => resolve();
        script.onerror = () => reject(new Error('bundle missing: run `npm run build`'));
        document.head.append(script);
      });
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(customElements.get('member-map')).to.equal(first);
    expect(warnings.map(String).some((message) => message.includes('<member-map> is already defined'))).to.equal(true);
  });
});
