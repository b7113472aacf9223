import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { MemberMap } from '../src/member-map.js';
import { shadow } from './helpers.js';
import '../src/define.js';
import { box, mount, SCREENS, visible } from './screens.js';

// The element at the widths visitors have: phones (with touch where the browser can emulate it), a
// tablet, a desktop and a 260 px sidebar column, on the sample data, with a member's popup open.

/** The parts of the element a visitor sees; each must lie inside the element's box. */
const PARTS = [
  '.toolbar',
  '[part="search"]',
  '.toolbar button',
  '.consent-prompt',
  '.leaflet-control-zoom',
  '.leaflet-control-attribution',
  '.leaflet-popup',
  '[part="status"].visible',
  '[part="contact-panel"]',
];

const inside = (inner: DOMRect, outer: DOMRect) =>
  inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
/** What the visitor would hit at the centre of `element` (through the shadow root). */
const topmostAtCentre = (el: MemberMap, element: Element) => {
  const rect = box(element);
  return shadow(el).elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
};

describe('the narrowest columns, 360 px high', () => {
  for (const width of [240, 260, 320]) {
    it(`${width} px wide: the map keeps at least 60 % of the element, nothing runs past it`, async () => {
      const el = document.createElement('member-map') as MemberMap;
      el.style.setProperty('--member-map-height', '360px');
      const loaded = oneEvent(el, 'member-map-load');
      el.src = new URL('/data/members.geojson', location.href).href;
      await fixture(html`<div style="width: ${width}px">${el}</div>`);
      el.scrollIntoView();
      await loaded;
      const host = box(el);
      const map = box(shadow(el).querySelector('[part="map"]')!);
      expect(host.height).to.equal(360);
      expect(map.height / host.height, `${map.height} of ${host.height}`).to.be.at.least(0.6);
      for (const part of shadow(el).querySelectorAll('.toolbar button, [part="search"], .consent-prompt, .leaflet-control-attribution')) {
        if (visible(part)) expect(inside(box(part), host), part.className).to.equal(true);
      }
      // The basemap's credit takes two lines in the narrowest columns: the consent bar stays above it.
      const prompt = box(shadow(el).querySelector('.consent-prompt')!);
      const credit = box(shadow(el).querySelector('.leaflet-control-attribution')!);
      expect(prompt.bottom, `consent bar ${prompt.top}–${prompt.bottom}, credit ${credit.top}–${credit.bottom}`).to.be.at.most(credit.top);
    });
  }
});

describe('layout at every screen size', () => {
  after(async () => {
    await executeServerCommand('emulate-touch', { enabled: false });
    await setViewport({ width: 800, height: 600 });
  });

  for (const screen of SCREENS) {
    describe(screen.name, () => {
      // Phones get touch emulation where the browser has it (Chromium); target sizes: touch-targets.test.ts.

      it('keeps every part inside the element, and the page without horizontal scrolling', async () => {
        const el = await mount(screen);
        const host = box(el);
        for (const selector of PARTS) {
          for (const part of shadow(el).querySelectorAll(selector)) {
            if (!visible(part)) continue;
            expect(inside(box(part), host), `${selector} ${JSON.stringify(box(part))} inside ${JSON.stringify(host)}`).to.equal(true);
          }
        }
        expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
        // The contact panel, opened from its button, fits too.
        shadow(el).querySelector<HTMLButtonElement>('[part="contact-button"]')!.click();
        await el.updateComplete;
        const panel = shadow(el).querySelector('[part="contact-panel"]')!;
        expect(inside(box(panel), host), `contact panel ${JSON.stringify(box(panel))}`).to.equal(true);
        // The search field has room to type in.
        expect(box(shadow(el).querySelector('[part="search"]')!).width).to.be.at.least(Math.min(180, host.width - 80));
      });

      it('leaves the map at least 60 % of the element, and the consent prompt at most 25 % of the map', async () => {
        const el = await mount(screen);
        const map = box(shadow(el).querySelector('[part="map"]')!);
        const host = box(el);
        expect(host.height).to.equal(480);
        expect(map.height / host.height).to.be.at.least(0.6);
        const prompt = shadow(el).querySelector('.consent-prompt')!;
        expect(box(prompt).height / map.height).to.be.at.most(0.25);
        // Its sentence is one tap away where it is folded, and always the button's description.
        const button = shadow(el).querySelector('[part="consent"]')!;
        expect(shadow(el).getElementById(button.getAttribute('aria-describedby')!)!.textContent).to.contain('IP-Adresse');
      });

      it('shows the open popup inside the map, its title and close button uncovered', async () => {
        const el = await mount(screen);
        const map = box(shadow(el).querySelector('.leaflet-container')!);
        const popup = shadow(el).querySelector('.leaflet-popup')!;
        expect(inside(box(popup.querySelector('.leaflet-popup-content-wrapper')!), map), 'popup inside the map').to.equal(true);
        const title = popup.querySelector('.member-card__title')!;
        expect(title.contains(topmostAtCentre(el, title)), 'the title is on top').to.equal(true);
        const close = popup.querySelector('.leaflet-popup-close-button')!;
        expect(close.contains(topmostAtCentre(el, close)), 'the close button is on top').to.equal(true);
        // The contact button is in the toolbar, never over the map.
        const contact = box(shadow(el).querySelector('[part="contact-button"]')!);
        expect(contact.bottom).to.be.at.most(map.top + 0.5);
      });

      it('leaves the list\'s first heading uncovered', async () => {
        const el = await mount(screen);
        el.view = 'list';
        await el.updateComplete;
        const heading = shadow(el).querySelector('.list h3')!;
        expect(heading.contains(topmostAtCentre(el, heading))).to.equal(true);
      });
    });
  }
});
