import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { MemberMap } from '../src/member-map.js';
import { shadow, watchFailures } from './helpers.js';
import { generatePayloads } from './fixtures/hostile/payloads.js';

// Hostile text everywhere the element takes text from: every member property (through `data` and
// through a fetched file) and the attributes contact-email, contact-name, contact-subject and
// tile-attribution. Each payload, if it ever ran, would set `window.__xss` to its own number.

declare global {
  interface Window {
    __xss?: number;
  }
}

const PAYLOADS = generatePayloads();
const FIELDS = ['name', 'role', 'organisation', 'municipality', 'state', 'email', 'phone', 'url'] as const;

/** One member per payload, with the payload in every property (the id too, made unique). */
function hostileCollection(payloads = PAYLOADS) {
  const columns = 16;
  return {
    type: 'FeatureCollection',
    features: payloads.map((payload, i) => ({
      type: 'Feature',
      id: payload,
      geometry: { type: 'Point', coordinates: [5.9 + (i % columns) * 0.6, 47.4 + Math.floor(i / columns) * 0.45] },
      properties: { id: idOf(i), ...Object.fromEntries(FIELDS.map((field) => [field, payload])) },
    })),
  };
}
/** Ids are trimmed like every other value. */
const idOf = (i: number) => `${PAYLOADS[i]}#${i}`.trim();
/** Member data is trimmed on the way in (spreadsheet cells); shown text is compared with that. */
const shown = (payload: string) => payload.trim();

// ---------------------------------------------------------------------------------------------
// What must hold in every state

const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'background', 'srcset', 'ping', 'srcdoc'];
const SAFE_URL = /^(https?:|mailto:|tel:)/;
const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, frameset, object, embed, applet, base, form, math, link, meta, noscript, template, ' +
  'details, video, audio, source, marquee, body, textarea, title, foreignObject, animate, set';
/** Elements our templates put where data is shown; anything else there came from the data. */
const DATA_REGIONS = '.member-card, .list, .contact-panel, .leaflet-control-attribution, .status, .consent-prompt';
const ALLOWED_IN_DATA_REGIONS = new Set(['DIV', 'P', 'UL', 'LI', 'SPAN', 'A', 'BUTTON', 'H3', 'SECTION', 'SLOT', 'STRONG']);

function assertSafe(root: ShadowRoot, where: string): void {
  expect(window.__xss, `${where}: payload ${window.__xss} ran`).to.equal(undefined);
  for (const element of root.querySelectorAll('*')) {
    const tag = `${where}: <${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}">`;
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.toLowerCase().startsWith('on'), `${tag} has ${attribute}`).to.equal(false);
      if (!URL_ATTRIBUTES.includes(attribute.toLowerCase())) continue;
      const value = element.getAttribute(attribute)!;
      // Leaflet's own controls use `#` and `#close`.
      if (value.startsWith('#') && element.closest('.leaflet-control, .leaflet-popup')) continue;
      expect(value, `${tag} ${attribute}`).to.match(SAFE_URL);
    }
  }
  const forbidden = [...root.querySelectorAll(FORBIDDEN_ELEMENTS)].map((node) => node.outerHTML.slice(0, 80));
  expect(forbidden, `${where}: elements from the data`).to.deep.equal([]);
  for (const region of root.querySelectorAll(DATA_REGIONS)) {
    for (const element of region.querySelectorAll('*')) {
      if (element.closest('.leaflet-attribution-flag')) continue; // Leaflet's flag icon in its attribution prefix
      expect(ALLOWED_IN_DATA_REGIONS.has(element.tagName), `${where}: <${element.tagName}> inside ${region.className}`).to.equal(true);
    }
  }
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (node: Element | null | undefined) => node?.textContent ?? null;

async function hostileMap(attributes: Record<string, string>, load: (el: MemberMap) => void): Promise<MemberMap> {
  const el = document.createElement('member-map') as MemberMap;
  el.style.setProperty('--member-map-height', '600px');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  load(el);
  const loaded = oneEvent(el, 'member-map-load');
  await fixture(html`<div style="width:900px">${el}</div>`);
  el.scrollIntoView();
  expect((await loaded).detail).to.deep.equal({ count: PAYLOADS.length, skipped: [] });
  return el;
}

async function search(el: MemberMap, query: string): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>('[part="search"]')!;
  input.value = query;
  input.dispatchEvent(new InputEvent('input'));
  await sleep(200); // the search waits 150 ms for a typing pause
  await el.updateComplete;
  // The first search loads the search's part, then the places file: the answer comes after both.
  await waitUntil(() => !(text(shadow(el).querySelector('[part="status"]')) ?? '').startsWith('Suche den Ort'), 'the search answered', { timeout: 5000 });
}

/** The list entry of member `i` (found by its municipality, which holds payload `i`). */
function listEntry(el: MemberMap, i: number): Element | undefined {
  return [...shadow(el).querySelectorAll('.list-member')].find(
    (entry) => text(entry.querySelector('.list-member__place')) === shown(PAYLOADS[i]),
  );
}

/** Texts of the `<p>`s and contact values of one list entry or popup card. */
const paragraphs = (node: Element) => [...node.querySelectorAll('p')].map((p) => p.textContent);
const contactValues = (node: Element) =>
  [...node.querySelectorAll('.contact-lines li')].map((li) => li.lastElementChild!.textContent);

describe('<member-map> with hostile data and attributes', () => {
  let recorder: ReturnType<typeof watchFailures>;
  let warn: typeof console.warn;

  before(async () => {
    expect(PAYLOADS.length, 'a broad payload list').to.be.greaterThan(150);
    expect(new Set(PAYLOADS).size, 'no payload twice').to.equal(PAYLOADS.length);
    await emulateMedia({ reducedMotion: 'reduce' }); // no zoom animations: popups open faster
  });
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });
  beforeEach(() => {
    delete window.__xss;
    recorder = watchFailures();
    warn = console.warn;
  });
  afterEach(async () => {
    await sleep(200); // onerror/onload/ontoggle handlers fire asynchronously
    console.warn = warn;
    recorder.stop();
    expect(window.__xss, `payload ${window.__xss} ran: ${JSON.stringify(PAYLOADS[(window.__xss ?? 1) - 1])}`).to.equal(
      undefined,
    );
    expect(recorder.failures).to.deep.equal([]);
  });

  it('shows every payload as text in the map popups and runs none', async function () {
    this.timeout(60000);
    const el = await hostileMap({}, (map) => (map.data = hostileCollection()));
    assertSafe(shadow(el), 'loaded map');
    for (let i = 0; i < PAYLOADS.length; i += 1) {
      const selected = oneEvent(el, 'member-map-select');
      el.selected = idOf(i);
      const { detail } = await selected;
      expect(detail.id).to.equal(idOf(i));
      const cards = shadow(el).querySelectorAll('.leaflet-popup .member-card');
      expect(cards, 'one popup').to.have.length(1);
      const card = cards[0];
      const p = shown(PAYLOADS[i]);
      const where = `popup ${i} ${JSON.stringify(PAYLOADS[i])}`;
      expect(text(card.querySelector('.member-card__title')), `${where}: name`).to.equal(p);
      expect(text(card.querySelector('.member-card__role')), `${where}: role`).to.equal(p);
      expect(paragraphs(card), `${where}: organisation, municipality and state`).to.include(p).and.to.include(`${p}, ${p}`);
      expect(card.getAttribute('aria-label'), `${where}: label`).to.equal(p);
      const values = contactValues(card);
      expect(values[0], `${where}: email as text`).to.equal(p);
      expect(values[1], `${where}: phone as text`).to.equal(p);
      assertSafe(shadow(el), where);
    }
  });

  it('opens members with hostile ids from a deep link in the page URL as text', async () => {
    const el = await hostileMap({}, (map) => (map.data = hostileCollection()));
    const before = location.href;
    try {
      for (let i = 0; i < PAYLOADS.length; i += 9) {
        const selected = oneEvent(el, 'member-map-select');
        location.hash = `member-map=${encodeURIComponent(idOf(i))}`;
        expect((await selected).detail.id).to.equal(idOf(i));
        expect(text(shadow(el).querySelector('.leaflet-popup .member-card__title'))).to.equal(shown(PAYLOADS[i]));
        assertSafe(shadow(el), `deep link ${i}`);
      }
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('shows every payload as text in the list view and in search results', async function () {
    this.timeout(30000);
    console.warn = () => {};
    // This time through `src`: the fetched and JSON-parsed file, as on a real page.
    const file = URL.createObjectURL(new Blob([JSON.stringify(hostileCollection())], { type: 'application/json' }));
    const el = await hostileMap({ view: 'list' }, (map) => (map.src = file));
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.list-member')).to.have.length(PAYLOADS.length);
    const headings = [...shadow(el).querySelectorAll('.list h3')].map((h) => h.textContent);
    expect(new Set(headings), 'each state heading shows its payload').to.deep.equal(new Set(PAYLOADS.map(shown)));
    for (let i = 0; i < PAYLOADS.length; i += 1) {
      const p = shown(PAYLOADS[i]);
      const entry = listEntry(el, i);
      expect(entry, `list entry ${i} ${JSON.stringify(PAYLOADS[i])}`).to.exist;
      expect(paragraphs(entry!), `list entry ${i}: municipality, name, role, organisation`).to.deep.equal([p, p, p, p]);
      expect(contactValues(entry!).slice(0, 2), `list entry ${i}: email and phone as text`).to.deep.equal([p, p]);
    }
    assertSafe(shadow(el), 'list view');

    // The search field holds the payload, too; every result still shows it as text.
    for (let i = 0; i < PAYLOADS.length; i += 7) {
      await search(el, PAYLOADS[i].replace(/[\r\n]+/g, ' ')); // a search field drops line breaks
      const where = `search ${i} ${JSON.stringify(PAYLOADS[i])}`;
      expect(listEntry(el, i), where).to.exist;
      const results = shadow(el).querySelectorAll('.list-member');
      expect(text(shadow(el).querySelector('[part="status"]')), where).to.contain(String(results.length));
      assertSafe(shadow(el), where);
    }

    // Search results on the map, and the popup of one of them.
    el.view = 'map';
    const target = PAYLOADS.findIndex((payload) => payload.includes('<svg onload'));
    await search(el, PAYLOADS[target]);
    const selected = oneEvent(el, 'member-map-select');
    el.selected = idOf(target);
    await selected;
    expect(text(shadow(el).querySelector('.leaflet-popup .member-card__title'))).to.equal(shown(PAYLOADS[target]));
    assertSafe(shadow(el), 'search result popup');
    URL.revokeObjectURL(file);
  });

  it('shows contact-name and contact-subject as text and never links contact-email elsewhere than mailto:', async function () {
    this.timeout(30000);
    const el = await hostileMap({}, (map) => (map.data = hostileCollection()));
    shadow(el).querySelector<HTMLButtonElement>('[part="contact-button"]')!.click();
    await el.updateComplete;
    const panel = () => shadow(el).querySelector('[part="contact-panel"]')!;
    for (let i = 0; i < PAYLOADS.length; i += 1) {
      const payload = PAYLOADS[i];
      const where = `contact ${i} ${JSON.stringify(payload)}`;

      // A hostile address: never a link, the name still shows as text.
      el.setAttribute('contact-email', payload);
      el.setAttribute('contact-name', payload);
      el.setAttribute('contact-subject', payload);
      await el.updateComplete;
      const link = panel().querySelector('a');
      if (link) expect(link.getAttribute('href'), `${where}: href`).to.match(/^mailto:/);
      expect(panel().textContent, `${where}: name as text`).to.contain(payload);
      assertSafe(shadow(el), where);

      // A good address with a hostile name and subject: the subject stays inside the mailto: query.
      el.setAttribute('contact-email', 'koordination(at)example.org');
      await el.updateComplete;
      const mail = panel().querySelector('a')!;
      expect(mail.textContent, `${where}: name in the link text`).to.equal(`E-Mail an ${payload}`);
      const href = mail.getAttribute('href')!;
      expect(href.startsWith('mailto:koordination@example.org?subject='), `${where}: ${href}`).to.equal(true);
      expect(decodeURIComponent(href.slice(href.indexOf('=') + 1)), `${where}: subject`).to.equal(payload);
      expect(href, `${where}: subject fully encoded`).to.not.match(/[\s<>"`&#]/);
      assertSafe(shadow(el), where);
    }
  });

  it('shows tile-attribution as text, with tiles on and after consent', async function () {
    this.timeout(30000);
    const origin = ((await (await fetch('/__tiles/origin')).json()) as { origin: string }).origin;
    const el = await hostileMap({ tiles: 'on', 'tile-url': `${origin}/xss/{z}/{x}/{y}.png` }, (map) => {
      map.data = hostileCollection();
    });
    const attribution = () => shadow(el).querySelector('.leaflet-control-attribution')!;
    const withOsm = PAYLOADS.map((payload, i) => (i % 3 === 0 ? `© OpenStreetMap ${payload}` : payload));
    for (let i = 0; i < withOsm.length; i += 1) {
      el.tileAttribution = withOsm[i];
      await el.updateComplete;
      const where = `attribution ${i} ${JSON.stringify(withOsm[i])}`;
      // Leaflet sets the attribution with innerHTML (escaped first): the parser drops NUL and turns CR into LF.
      expect(attribution().textContent, where).to.contain(withOsm[i].replace(/\0/g, '').replace(/\r\n?/g, '\n'));
      assertSafe(shadow(el), where);
    }
    await waitUntil(() => shadow(el).querySelector('img.leaflet-tile'), 'tiles shown');

    // The consent path: the prompt names the host, the attribution appears after the click.
    el.tiles = 'consent';
    el.tileAttribution = PAYLOADS[0];
    await el.updateComplete;
    expect(attribution().textContent).to.not.contain(PAYLOADS[0]);
    shadow(el).querySelector<HTMLButtonElement>('[part="consent"]')!.click();
    await el.updateComplete;
    expect(attribution().textContent).to.contain(PAYLOADS[0]);
    assertSafe(shadow(el), 'attribution after consent');
    shadow(el).querySelector<HTMLButtonElement>('.consent-withdraw')!.click();
    await el.updateComplete;
    expect(attribution().textContent).to.not.contain(PAYLOADS[0]);
    assertSafe(shadow(el), 'after withdrawing consent');
  });
});
