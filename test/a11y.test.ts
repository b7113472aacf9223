import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { MemberMap } from '../src/member-map.js';
import { FIXTURES, loadedMap, popupFadedIn, shadow, skipInFirefox, visibleCounts } from './helpers.js';

const active = (el: HTMLElement) => shadow(el).activeElement as HTMLElement | null;
const statusText = (el: HTMLElement) => shadow(el).querySelector('[part="status"]')!.textContent!.trim();
const listed = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('.list-member__place')].map((node) => node.textContent!.trim());

async function search(el: MemberMap, text: string): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>('[part="search"]')!;
  input.focus();
  input.select();
  if (text) await sendKeys({ type: text });
  else await sendKeys({ press: 'Backspace' });
  await new Promise((resolve) => setTimeout(resolve, 300)); // the search waits for a typing pause
  await waitUntil(() => !statusText(el).startsWith('Suche den Ort'), 'the places file (first search)');
  await el.updateComplete;
}

/** Presses Tab until the focused element inside the map matches `selector`. */
async function tabTo(el: HTMLElement, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 60; i += 1) {
    await sendKeys({ press: 'Tab' });
    if (active(el)?.matches(selector)) return active(el)!;
  }
  throw new Error(`no ${selector} reached with Tab`);
}

describe('accessibility (axe) in every state', () => {
  it('loaded map with the consent prompt', async () => {
    const el = await loadedMap('members.geojson');
    expect(shadow(el).querySelector('[part="consent"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('list view', async () => {
    const el = await loadedMap('members.geojson', { view: 'list' });
    expect(shadow(el).querySelector('[part="list"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('search with results and without', async () => {
    const el = await loadedMap('members.geojson');
    await search(el, 'leipzig');
    await expect(el).to.be.accessible();
    await search(el, 'xyz');
    await expect(el).to.be.accessible();
    el.view = 'list';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('popup open, contact panel open', async () => {
    const el = await loadedMap('members.geojson');
    const selected = oneEvent(el, 'member-map-select');
    el.selected = 'hd';
    await selected;
    await popupFadedIn(el);
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part="contact-button"]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('error state', async () => {
    const el = document.createElement('member-map') as MemberMap;
    el.src = `${FIXTURES}invalid.geojson`;
    const failed = oneEvent(el, 'member-map-error');
    await fixture(html`<div style="width:600px">${el}</div>`);
    await failed;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});

describe('list view and search', () => {
  it('lists every member by Bundesland and municipality, with contact links', async () => {
    const el = await loadedMap('members.geojson', { view: 'list' });
    const headings = [...shadow(el).querySelectorAll('.list h3')].map((h) => h.textContent);
    expect(headings).to.deep.equal(['Baden-Württemberg', 'Bayern', 'Berlin', 'Hamburg', 'Nordrhein-Westfalen', 'Sachsen']);
    expect(listed(el)).to.deep.equal([
      'Heidelberg', 'Karlsruhe', 'Mannheim', 'Stuttgart', 'München', 'Nürnberg', 'Berlin', 'Hamburg', 'Bonn', 'Köln', 'Leipzig', 'Leipzig',
    ]);
    const heidelberg = shadow(el).querySelector('.list-member')!;
    expect([...heidelberg.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'mailto:buergerbeteiligung@example.org',
      'tel:+496221000000',
      'https://www.example.org/heidelberg',
    ]);
    const pressed = [...shadow(el).querySelectorAll('.view-toggle button')].map((b) => [b.textContent!.trim(), b.getAttribute('aria-pressed')]);
    expect(pressed).to.deep.equal([['Karte', 'false'], ['Liste', 'true']]);
  });

  it('filters list and map as you type, ignoring case and accents, and clearing restores all', async () => {
    const el = await loadedMap('members.geojson');
    const label = shadow(el).querySelector('label[for="search"]')!;
    expect(label.textContent).to.equal('Mitglieder suchen');
    // A municipality's name: its own members first, then the nearest (search by place).
    await search(el, 'koln');
    expect(statusText(el)).to.equal('5 Mitglieder in der Nähe von Köln');
    expect(visibleCounts(el).total).to.equal(5);
    el.view = 'list';
    await el.updateComplete;
    expect(listed(el).slice(0, 2)).to.deep.equal(['Köln', 'Bonn']);

    // Anything else: the members whose own fields match every word.
    await search(el, 'KOORDINIERUNGSSTELLE bürgerbeteiligung heidelberg');
    expect(listed(el)).to.deep.equal(['Heidelberg']);
    await search(el, 'baden-wurttemberg');
    expect(statusText(el)).to.equal('4 Mitglieder gefunden');
    await search(el, 'Kinder jugend');
    expect(listed(el)).to.deep.equal(['Leipzig']);

    await search(el, 'zzz');
    expect(statusText(el)).to.equal('Keine Mitglieder gefunden, und „zzz“ ist keine Gemeinde in Deutschland. Prüfen Sie die Schreibweise.');
    expect(shadow(el).querySelector('.list .empty')!.textContent).to.equal('Keine Mitglieder gefunden');

    await search(el, '');
    expect(listed(el)).to.have.length(12);
    el.view = 'map';
    await el.updateComplete;
    await waitUntil(() => visibleCounts(el).total === 12, 'all members back on the map');
    // The count is announced once the clusters are complete, a task after the markers appear.
    await waitUntil(() => statusText(el) === '12 Mitglieder auf der Karte', `the count announced (${statusText(el)})`);
  });

  it('"Auf der Karte zeigen" switches to the map and opens the member, even inside a cluster', async () => {
    const el = await loadedMap('members.geojson', { view: 'list' });
    const entry = [...shadow(el).querySelectorAll('.list-member')].find((item) => item.textContent!.includes('Kinder- und Jugend'))!;
    const selected = oneEvent(el, 'member-map-select');
    entry.querySelector<HTMLButtonElement>('button')!.click();
    expect((await selected).detail.id).to.equal('l2');
    expect(el.view).to.equal('map');
    expect(el.selected).to.equal('l2');
    await waitUntil(() => active(el)?.classList.contains('member-card'), 'focus in the popup');
    expect(active(el)!.textContent).to.contain('Kinder- und Jugendbeteiligung');
  });

  it('opens the member named in the URL fragment #member-map=<id>', async () => {
    const before = location.href;
    history.replaceState(null, '', '#member-map=bn');
    try {
      const el = document.createElement('member-map') as MemberMap;
      el.src = `${FIXTURES}members.geojson`;
      const selected = oneEvent(el, 'member-map-select');
      await fixture(html`<div style="width:700px">${el}</div>`);
      expect((await selected).detail.id).to.equal('bn');
      const next = oneEvent(el, 'member-map-select');
      location.hash = '#member-map=hh';
      expect((await next).detail.id).to.equal('hh');
      expect(el.selected).to.equal('hh');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('offers a skip link that jumps past the map to the list', async () => {
    const el = await loadedMap('members.geojson');
    const skip = shadow(el).querySelector<HTMLButtonElement>('.skip-link')!;
    expect(skip.textContent).to.equal('Karte überspringen, zur Liste');
    skip.focus();
    expect(skip.getBoundingClientRect().width, 'visible when focused').to.be.greaterThan(50);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.view).to.equal('list');
    expect(active(el)).to.equal(shadow(el).querySelector('[part="list"]'));
  });
});

describe('keyboard on the map', () => {
  it('reaches a cluster, expands it, opens a member, and Escape returns to the marker', async () => {
    const el = await loadedMap('members.geojson');
    shadow(el).querySelector<HTMLElement>('.leaflet-container')!.focus();
    const cluster = await tabTo(el, '.member-cluster');
    expect(cluster.getAttribute('role')).to.equal('button');
    expect(cluster.getAttribute('aria-label')).to.match(/Gruppe mit \d+ Mitgliedern/);

    await sendKeys({ press: 'Enter' });
    await waitUntil(() => active(el)?.matches('.member-marker, .member-cluster') && active(el) !== cluster, 'focus on the first member', { timeout: 3000 });

    const marker = active(el)!.matches('.member-marker') ? active(el)! : await tabTo(el, '.member-marker');
    expect(marker.getAttribute('title')).to.match(/^\S.* — .+/); // "Heidelberg — Beauftragte …"
    const opened = oneEvent(el, 'member-map-select');
    await sendKeys({ press: 'Enter' });
    await opened;
    await waitUntil(() => active(el)?.classList.contains('member-card'), 'focus in the popup');

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !shadow(el).querySelector('.leaflet-popup') || active(el) === marker, 'popup closed');
    expect(active(el)).to.equal(marker);
  });

  it('names the map and its controls in the UI language', async () => {
    const el = await loadedMap('members.geojson');
    const container = shadow(el).querySelector('.leaflet-container')!;
    expect(container.getAttribute('aria-label')).to.contain('Pfeiltasten');
    expect(container.getAttribute('tabindex')).to.equal('0');
    expect(shadow(el).querySelector('.leaflet-control-zoom-in')!.getAttribute('aria-label')).to.equal('Hineinzoomen');
  });

  it('zooms with the wheel only together with Ctrl, and hints at it otherwise', async () => {
    const el = await loadedMap('members.geojson');
    const pane = shadow(el).querySelector<HTMLElement>('.leaflet-map-pane')!;
    const hint = shadow(el).querySelector<HTMLElement>('.gesture-hint')!;
    const plain = new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true, composed: true });
    pane.dispatchEvent(plain);
    expect(plain.defaultPrevented, 'the page scrolls').to.equal(false);
    expect(hint.classList.contains('visible')).to.equal(true);
    expect(hint.textContent).to.match(/Zum Zoomen (Strg|⌘) \+ Mausrad verwenden/);

    const withCtrl = new WheelEvent('wheel', { deltaY: 100, ctrlKey: true, bubbles: true, cancelable: true, composed: true });
    pane.dispatchEvent(withCtrl);
    expect(withCtrl.defaultPrevented, 'the map zooms instead of the page').to.equal(true);
    expect(hint.classList.contains('visible')).to.equal(false);
    expect(getComputedStyle(shadow(el).querySelector('.leaflet-container')!).touchAction).to.equal('pan-x pan-y');
  });

  it('turns animations off for visitors who prefer reduced motion', async function () {
    skipInFirefox(this, 'emulateMedia (prefers-reduced-motion) needs CDP; Puppeteer cannot emulate media features over WebDriver BiDi');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await loadedMap('members.geojson');
      expect(shadow(el).querySelector('.leaflet-container')!.classList.contains('leaflet-fade-anim')).to.equal(false);
      expect(shadow(el).querySelector('.leaflet-proxy'), 'no zoom animation').to.equal(null);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    const animated = await loadedMap('members.geojson');
    expect(shadow(animated).querySelector('.leaflet-container')!.classList.contains('leaflet-fade-anim')).to.equal(true);
    expect(shadow(animated).querySelector('.leaflet-proxy')).to.not.equal(null);
  });

  /** An ancestor inside the element whose overflow clipping cuts into `focused`'s focus ring, by its class. */
  const clippingAncestor = (focused: Element) => {
    const style = getComputedStyle(focused);
    const reach = parseFloat(style.outlineWidth) + Math.max(0, parseFloat(style.outlineOffset));
    const box = focused.getBoundingClientRect();
    const ring = { left: box.left - reach, top: box.top - reach, right: box.right + reach, bottom: box.bottom + reach };
    for (let node = focused.parentElement; node && !node.classList.contains('frame'); node = node.parentElement) {
      const { overflowX, overflowY } = getComputedStyle(node);
      if (overflowX === 'visible' && overflowY === 'visible') continue;
      const clip = node.getBoundingClientRect();
      if (ring.left < clip.left - 0.5 || ring.right > clip.right + 0.5 || ring.top < clip.top - 0.5 || ring.bottom > clip.bottom + 0.5) {
        return node.className || node.tagName;
      }
    }
    return undefined;
  };

  it('shows a focus ring on every control reached with Tab, not cut off by its container (WCAG 2.4.7)', async () => {
    const el = await loadedMap('members.geojson');
    shadow(el).querySelector<HTMLInputElement>('[part="search"]')!.focus();
    const seen = new Set<string>();
    for (let i = 0; i < 8; i += 1) {
      const focused = active(el);
      if (focused) {
        const style = getComputedStyle(focused);
        expect(style.outlineStyle, focused.outerHTML.slice(0, 60)).to.not.equal('none');
        expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
        expect(clippingAncestor(focused), `the ring of ${focused.outerHTML.slice(0, 60)} is cut off by`).to.equal(undefined);
        seen.add(focused.tagName);
      }
      await sendKeys({ press: 'Tab' });
    }
    expect(seen.size).to.be.greaterThan(1);
  });
});
