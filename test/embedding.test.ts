import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MemberMap } from '../src/member-map.js';
import { FIXTURES, loadedMap, shadow, visibleCounts } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mounts `markup` and waits for its map's load event (listened for before mounting: it can be quick). */
async function mountLoaded(markup: ReturnType<typeof html>): Promise<MemberMap> {
  const loaded = oneEvent(document, 'member-map-load');
  const el = await mount(markup);
  await loaded;
  return el;
}

async function mount(markup: ReturnType<typeof html>): Promise<MemberMap> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width:700px">${markup}</div>`);
  const el = wrapper.querySelector('member-map') as MemberMap;
  el.scrollIntoView();
  return el;
}

describe('theming', () => {
  it('follows the documented custom properties', async () => {
    const el = await loadedMap('members.geojson');
    el.style.cssText += `--member-map-height: 333px; --member-map-accent: rgb(200, 30, 40); --member-map-font: serif;
      --member-map-radius: 3px; --member-map-background: rgb(1, 2, 3); --member-map-focus-color: rgb(9, 9, 9)`;
    await sleep(50);
    expect(el.getBoundingClientRect().height).to.equal(333);
    expect(getComputedStyle(el).borderTopLeftRadius).to.equal('3px');
    expect(getComputedStyle(shadow(el).querySelector('.member-marker, .member-cluster')!).backgroundColor).to.equal('rgb(200, 30, 40)');
    expect(getComputedStyle(shadow(el).querySelector('.frame')!).fontFamily).to.equal('serif');
    expect(getComputedStyle(shadow(el).querySelector('.leaflet-container')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    const button = shadow(el).querySelector<HTMLElement>('[part="contact-button"]')!;
    button.focus();
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(200, 30, 40)');
  });

  it('exposes parts to page CSS', async () => {
    const style = document.createElement('style');
    style.textContent = `member-map::part(contact-button) { background: rgb(10, 20, 30); }
      member-map::part(search) { border-color: rgb(40, 50, 60); } member-map::part(map) { outline: 4px solid rgb(70, 80, 90); }`;
    document.head.append(style);
    try {
      const el = await loadedMap('members.geojson');
      expect(getComputedStyle(shadow(el).querySelector('[part="contact-button"]')!).backgroundColor).to.equal('rgb(10, 20, 30)');
      expect(getComputedStyle(shadow(el).querySelector('[part="search"]')!).borderTopColor).to.equal('rgb(40, 50, 60)');
      expect(getComputedStyle(shadow(el).querySelector('[part="map"]')!).outlineColor).to.equal('rgb(70, 80, 90)');
    } finally {
      style.remove();
    }
  });
});

describe('slots and fallback content', () => {
  it('replaces the contact text with slot="contact" and keeps the mail link', async () => {
    const el = await mountLoaded(html`<member-map src="${FIXTURES}members.geojson"
      ><p slot="contact">Schreiben Sie uns, wir freuen uns!</p></member-map
    >`);
    shadow(el).querySelector<HTMLButtonElement>('[part="contact-button"]')!.click();
    await el.updateComplete;
    const slot = shadow(el).querySelector<HTMLSlotElement>('slot[name="contact"]')!;
    expect(slot.assignedElements()[0].textContent).to.equal('Schreiben Sie uns, wir freuen uns!');
    expect(el.querySelector('[slot="contact"]')!.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(shadow(el).querySelector('[part="contact-panel"] a')!.getAttribute('href')).to.match(/^mailto:/);
  });

  it('shows slot="empty" when no member matches', async () => {
    const el = await mountLoaded(html`<member-map src="${FIXTURES}members.geojson"><p slot="empty">Hier ist noch niemand.</p></member-map>`);
    const input = shadow(el).querySelector<HTMLInputElement>('[part="search"]')!;
    input.value = 'gibt es nicht';
    input.dispatchEvent(new InputEvent('input'));
    await waitUntil(() => shadow(el).querySelector('.map-empty'), 'empty message on the map');
    const placed = el.querySelector('[slot="empty"]')!;
    expect(placed.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('hides its light-DOM fallback content once it has upgraded', async () => {
    const el = await mountLoaded(html`<member-map src="${FIXTURES}members.geojson"><a href="/mitglieder.html">Liste der Mitglieder</a></member-map>`);
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.equal(0);
    const notUpgraded = await fixture(html`<member-map-never-defined><a href="/x">Liste der Mitglieder</a></member-map-never-defined>`);
    expect(notUpgraded.querySelector('a')!.getBoundingClientRect().height, 'shown if the script never runs').to.be.greaterThan(0);
  });
});

describe('inline data', () => {
  it('reads <script type="application/geo+json"> like src', async () => {
    const json = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: [9.99, 53.55] }, properties: { id: 'a', municipality: 'Hamburg' } },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [13.4, 52.52] }, properties: { id: 'b', municipality: 'Berlin' } },
      ],
    });
    const el = document.createElement('member-map') as MemberMap;
    el.innerHTML = `<script type="application/geo+json">${json}</script>`;
    const loaded = oneEvent(el, 'member-map-load');
    await mount(html`${el}`);
    expect((await loaded).detail.count).to.equal(2);
    expect(visibleCounts(el).total).to.equal(2);
  });

  it('reports invalid inline JSON', async () => {
    const el = document.createElement('member-map') as MemberMap;
    el.innerHTML = '<script type="application/geo+json">{ "type": </script>';
    const failed = oneEvent(el, 'member-map-error');
    await mount(html`${el}`);
    expect((await failed).detail.message).to.contain('kein gültiges JSON');
  });
});

describe('municipal pages', () => {
  for (const region of ['DE-BW', 'bw', 'Baden-Württemberg', 'baden-wurttemberg']) {
    it(`region="${region}" shows and fits only that state's members`, async () => {
      const el = await loadedMap('members.geojson', { region });
      expect(visibleCounts(el).total).to.equal(4);
      el.view = 'list';
      await el.updateComplete;
      expect([...shadow(el).querySelectorAll('.list h3')].map((h) => h.textContent)).to.deep.equal(['Baden-Württemberg']);
    });
  }

  it('warns about an unknown region and shows everyone', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (message: unknown) => warnings.push(message);
    try {
      const el = await loadedMap('members.geojson', { region: 'Atlantis' });
      expect(visibleCounts(el).total).to.equal(12);
      expect(String(warnings[0])).to.contain('Atlantis');
    } finally {
      console.warn = warn;
    }
  });

  it('starts at center and zoom when given', async () => {
    const el = await loadedMap('members.geojson', { center: '52.52,13.405', zoom: '11' });
    const container = shadow(el).querySelector('.leaflet-container')!.getBoundingClientRect();
    const berlin = [...shadow(el).querySelectorAll<HTMLElement>('.member-marker')].find((m) => m.title.startsWith('Berlin'))!;
    const box = berlin.getBoundingClientRect();
    expect(Math.abs(box.left + box.width / 2 - (container.left + container.width / 2))).to.be.below(3);
    expect(Math.abs(box.top + box.height / 2 - (container.top + container.height / 2))).to.be.below(3);
    expect(visibleCounts(el).total).to.equal(1);
  });

  it('toggles fullscreen and back', async () => {
    const el = await loadedMap('members.geojson');
    const before = el.getBoundingClientRect().height;
    const button = shadow(el).querySelector<HTMLButtonElement>('.fullscreen-button')!;
    expect(button.textContent!.trim()).to.equal('Vollbild');
    button.click();
    await waitUntil(() => button.getAttribute('aria-pressed') === 'true', 'fullscreen on');
    expect(button.textContent!.trim()).to.equal('Vollbild beenden');
    const box = el.getBoundingClientRect();
    expect(box.width).to.equal(window.innerWidth);
    expect(box.height).to.equal(window.innerHeight);
    button.click();
    await waitUntil(() => button.getAttribute('aria-pressed') === 'false', 'fullscreen off');
    await waitUntil(() => el.getBoundingClientRect().height === before, 'back to its own height');
  });
});

describe('attributes removed by a CMS', () => {
  it('fall back to their defaults instead of null', async () => {
    const el = await loadedMap('members.geojson', { tiles: 'off', region: 'DE-BW', view: 'list', 'contact-name': 'X' });
    for (const name of ['tiles', 'region', 'view', 'contact-name', 'load-timeout']) el.removeAttribute(name);
    await el.updateComplete;
    expect([el.tiles, el.region, el.view, el.contactName, el.loadTimeout]).to.deep.equal(['consent', '', 'map', 'Marion Stock', 15]);
    expect(shadow(el).querySelector('[part="consent"]'), 'the consent prompt is back').to.exist;
    await waitUntil(() => visibleCounts(el).total === 12, 'all members again');
  });
});
