import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { MemberMap } from '../src/member-map.js';
import { FIXTURES, shadow, visibleCounts, watchFailures } from './helpers.js';


async function failingMap(src: string, lang = 'de') {
  const el = document.createElement('member-map') as MemberMap;
  el.src = src;
  const failed = oneEvent(el, 'member-map-error');
  await fixture(html`<div lang=${lang} style="width:600px">${el}</div>`);
  const { detail } = await failed;
  await el.updateComplete;
  return { el, detail, alert: shadow(el).querySelector<HTMLElement>('[part="error"]')! };
}

describe('<member-map> data that cannot be used', () => {
  let uncaught: ReturnType<typeof watchFailures>;
  beforeEach(() => {
    uncaught = watchFailures();
  });
  afterEach(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    uncaught.stop();
    expect(uncaught.failures, 'uncaught errors').to.deep.equal([]);
  });

  const cases: [string, string, RegExp, RegExp][] = [
    ['a missing file (404)', `${FIXTURES}does-not-exist.geojson`, /nicht gefunden \(404\)/, /not found \(404\)/],
    ['a network failure', 'http://127.0.0.1:9/members.geojson', /nicht erreichbar/, /cannot be reached/],
    ['invalid JSON', `${FIXTURES}invalid.geojson`, /kein gültiges JSON/, /not valid JSON/],
    ['a file that is not a FeatureCollection', `${FIXTURES}not-collection.geojson`, /keine GeoJSON-FeatureCollection/, /not a GeoJSON FeatureCollection/],
    ['an empty collection', `${FIXTURES}empty.geojson`, /enthält keine Mitglieder/, /contains no members/],
    ['a collection without a single usable feature', `${FIXTURES}no-valid.geojson`, /Keiner der 2 Einträge/, /None of the 2 entries/],
  ];

  for (const [name, src, german, english] of cases) {
    it(`explains ${name} inside the element and fires member-map-error`, async () => {
      const warn = console.warn;
      console.warn = () => {};
      try {
        const { el, detail, alert } = await failingMap(src);
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(alert.textContent).to.match(german);
        expect(detail.message).to.match(german);
        expect(detail.cause).to.exist;
        expect(visibleCounts(el).total).to.equal(0);
        expect(shadow(el).querySelector('[part="status"]')!.textContent!.trim()).to.equal('');

        const en = await failingMap(src, 'en');
        expect(en.alert.textContent).to.match(english);
      } finally {
        console.warn = warn;
      }
    });
  }

  it('recovers when src is changed to a good file', async () => {
    const { el, alert } = await failingMap(`${FIXTURES}empty.geojson`);
    expect(alert).to.exist;
    const loaded = oneEvent(el, 'member-map-load');
    el.src = `${FIXTURES}members.geojson`;
    await loaded;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="error"]')).to.equal(null);
    expect(visibleCounts(el).total).to.equal(12);
  });
});

describe('<member-map> features that cannot be shown', () => {
  it('skips them with index and reason, warns once, and shows every valid member', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = document.createElement('member-map') as MemberMap;
      el.src = `${FIXTURES}mixed.geojson`;
      const loaded = oneEvent(el, 'member-map-load');
      await fixture(html`<div style="width:600px">${el}</div>`);
      const { detail } = await loaded;
      expect(detail.count).to.equal(3);
      expect(detail.skipped.map((item: { index: number }) => item.index)).to.deep.equal([1, 2, 3, 4, 5, 6, 8]);
      expect(detail.skipped[0].reason).to.contain('Point');
      expect(detail.skipped[4].reason).to.contain('"id"');
      expect(visibleCounts(el).total).to.equal(3);
      expect(warnings).to.have.length(1);
      expect(String(warnings[0][0])).to.contain('7 feature(s) skipped').and.contain('features[8]');
    } finally {
      console.warn = warn;
    }
  });
});
