import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { MemberMap } from '../src/member-map.js';
import { shadow } from './helpers.js';

declare global {
  interface Window {
    __xss?: number;
  }
}

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1">',
  "javascript:window.__xss=1",
  ' JaVaScRiPt:window.__xss=1',
  'data:text/html,<script>window.__xss=1</script>',
  '${window.__xss=1}',
];
const FIELDS = ['name', 'role', 'organisation', 'municipality', 'state', 'email', 'phone', 'url'];

/** One member per payload, with the payload in every property. */
function hostileCollection() {
  return {
    type: 'FeatureCollection',
    features: PAYLOADS.map((payload, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [6 + i * 1.3, 48 + (i % 4) * 1.5] },
      properties: { id: `x${i}`, ...Object.fromEntries(FIELDS.map((field) => [field, payload])) },
    })),
  };
}

function assertNothingExecutableIn(root: ShadowRoot) {
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${element.tagName} has ${attribute}`).to.equal(false);
    }
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
      const value = element.getAttribute(name);
      if (value !== null && !value.startsWith('#')) {
        expect(value, `${element.tagName} ${name}`).to.match(/^(https?:|mailto:|tel:)/);
      }
    }
  }
  expect(root.querySelectorAll('script, iframe, object, embed, svg[onload]')).to.have.length(0);
}

describe('<member-map> with hostile data and attributes', () => {
  it('runs no injected code and renders payloads as text only', async () => {
    const el = document.createElement('member-map') as MemberMap;
    el.setAttribute('contact-email', 'javascript:window.__xss=1');
    el.setAttribute('contact-name', '<img src=x onerror="window.__xss=1">');
    el.setAttribute('contact-subject', '"><script>window.__xss=1</script>');
    el.data = hostileCollection();
    const loaded = oneEvent(el, 'member-map-load');
    await fixture(html`<div style="width:800px">${el}</div>`);
    expect((await loaded).detail.count).to.equal(PAYLOADS.length);

    for (let i = 0; i < PAYLOADS.length; i += 1) {
      const selected = oneEvent(el, 'member-map-select');
      el.selected = `x${i}`;
      await selected;
      const cards = shadow(el).querySelectorAll('.leaflet-popup .member-card');
      const card = cards[cards.length - 1];
      expect(card.textContent, `payload ${i} shown as text`).to.contain(PAYLOADS[i].trim());
      assertNothingExecutableIn(shadow(el));
    }

    shadow(el).querySelector<HTMLButtonElement>('[part="contact-button"]')!.click();
    await el.updateComplete;
    const panel = shadow(el).querySelector('[part="contact-panel"]')!;
    expect(panel.textContent).to.contain('<img src=x onerror="window.__xss=1">');
    expect(panel.querySelector('a'), 'no link for an address that is not one').to.equal(null);
    assertNothingExecutableIn(shadow(el));

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(window.__xss).to.equal(undefined);
  });
});
