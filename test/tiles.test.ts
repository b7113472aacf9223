import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MemberMap } from '../src/member-map.js';
import { FIXTURES, shadow } from './helpers.js';

interface TileRequest {
  path: string;
  referer: string | null;
}

const json = async <T>(path: string): Promise<T> => (await fetch(path)).json() as Promise<T>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let tileOrigin = '';
let tilePrefix = '';
const tileUrl = () => `${tileOrigin}/${tilePrefix}/{z}/{x}/{y}.png`;
/** The tile requests of the current test (a removed map may still finish earlier ones). */
const tileRequests = async () =>
  (await json<TileRequest[]>('/__tiles/log')).filter((request) => request.path.startsWith(`/${tilePrefix}/`));
const tiles = (el: HTMLElement) => shadow(el).querySelectorAll<HTMLImageElement>('img.leaflet-tile');
const prompt = (el: HTMLElement) => shadow(el).querySelector<HTMLButtonElement>('[part="consent"]');

async function mapWith(attributes: Record<string, string>): Promise<MemberMap> {
  const el = document.createElement('member-map') as MemberMap;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.src = `${FIXTURES}members.geojson`;
  const loaded = oneEvent(el, 'member-map-load');
  await fixture(html`<div style="width:700px">${el}</div>`);
  el.scrollIntoView(); // earlier maps of the same test may push it below the fold, where it waits
  await loaded;
  return el;
}

/** Every resource the page fetched since `start`, as URLs. */
function requestsSince(start: number): URL[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => entry.startTime >= start)
    .map((entry) => new URL(entry.name));
}

describe('<member-map> map tiles and consent', () => {
  before(async () => {
    tileOrigin = (await json<{ origin: string }>('/__tiles/origin')).origin;
  });
  beforeEach(async function () {
    // A path per test, so that no tile comes from the browser's image cache.
    tilePrefix = this.currentTest!.title.replace(/\W+/g, '-');
    await fetch('/__tiles/reset');
    localStorage.clear();
  });

  it('sends nothing to another host by default, before and after the members load', async () => {
    const start = performance.now();
    const el = await mapWith({});
    await sleep(500);
    expect(requestsSince(start).filter((url) => url.origin !== location.origin).map(String)).to.deep.equal([]);
    expect(tiles(el)).to.have.length(0);
    const button = prompt(el)!;
    expect(button.textContent!.trim()).to.equal('Detailkarte laden');
    expect(button.parentElement!.textContent).to.contain('IP-Adresse an tile.openstreetmap.org');
  });

  it('loads tiles from the configured host only after the visitor agrees, with a Referer', async () => {
    const start = performance.now();
    const el = await mapWith({ 'tile-url': tileUrl(), 'tile-attribution': '© Test-Kacheln' });
    await sleep(300);
    expect(await tileRequests()).to.deep.equal([]);
    expect(prompt(el)!.parentElement!.textContent).to.contain(new URL(tileOrigin).host);

    const consent = oneEvent(el, 'member-map-consent');
    prompt(el)!.click();
    expect((await consent).detail).to.deep.equal({ granted: true });
    await waitUntil(async () => (await tileRequests()).length > 0, 'tiles requested');
    await waitUntil(() => [...tiles(el)].some((tile) => tile.complete && tile.naturalWidth > 0), 'a tile shown');

    const requests = await tileRequests();
    for (const request of requests) {
      expect(request.path).to.match(/^\/[\w-]+\/\d+\/\d+\/\d+\.png$/); // no cache-busting query
      expect(request.referer).to.equal(`${location.origin}/`);
    }
    const foreign = requestsSince(start).filter((url) => url.origin !== location.origin);
    expect(foreign.every((url) => url.origin === tileOrigin)).to.equal(true);
    expect(shadow(el).querySelector('.leaflet-control-attribution')!.textContent).to.contain('© Test-Kacheln');
    expect(prompt(el)).to.equal(null);
  });

  it('still sends a Referer on pages with Referrer-Policy: no-referrer', async () => {
    const meta = document.createElement('meta');
    meta.name = 'referrer';
    meta.content = 'no-referrer';
    document.head.append(meta);
    try {
      await mapWith({ 'tile-url': tileUrl(), tiles: 'on' });
      await waitUntil(async () => (await tileRequests()).length > 0, 'tiles requested');
      for (const request of await tileRequests()) expect(request.referer).to.equal(`${location.origin}/`);
    } finally {
      meta.remove();
    }
  });

  it('lets the visitor withdraw consent: tiles go, the basemap and the prompt come back', async () => {
    const el = await mapWith({ 'tile-url': tileUrl() });
    prompt(el)!.click();
    await waitUntil(() => tiles(el).length > 0, 'tiles shown');
    await el.updateComplete;
    const withdraw = shadow(el).querySelector<HTMLButtonElement>('.consent-withdraw')!;
    expect(withdraw.textContent!.trim()).to.equal('Detailkarte ausblenden');
    const consent = oneEvent(el, 'member-map-consent');
    withdraw.click();
    expect((await consent).detail).to.deep.equal({ granted: false });
    await el.updateComplete;
    expect(tiles(el)).to.have.length(0);
    expect(prompt(el)).to.not.equal(null);
    await waitUntil(() => shadow(el).querySelector('.leaflet-member-map-basemap-pane path'), 'basemap back', { timeout: 5000 });
  });

  it('remembers consent per tile host only when the page opts in', async () => {
    const first = await mapWith({ 'tile-url': tileUrl() });
    prompt(first)!.click();
    expect(localStorage.length, 'nothing stored without consent-storage').to.equal(0);

    const remembering = await mapWith({ 'tile-url': tileUrl(), 'consent-storage': 'local' });
    prompt(remembering)!.click();
    expect(Object.keys(localStorage)).to.deep.equal([`member-map:tile-consent:${new URL(tileOrigin).host}`]);

    const later = await mapWith({ 'tile-url': tileUrl(), 'consent-storage': 'local' });
    expect(later.consent).to.equal(true);
    expect(prompt(later)).to.equal(null);
    await waitUntil(() => tiles(later).length > 0, 'tiles without asking again');

    const otherHost = await mapWith({ 'tile-url': 'http://localhost:1/{z}/{x}/{y}.png', 'consent-storage': 'local' });
    expect(prompt(otherHost), 'consent for one host is not consent for another').to.not.equal(null);

    later.consent = false;
    expect(localStorage.length, 'withdrawing forgets').to.equal(0);
  });

  it('can be driven by a consent manager through the consent property and attribute', async () => {
    const el = await mapWith({ 'tile-url': tileUrl() });
    const granted = oneEvent(el, 'member-map-consent');
    el.consent = true;
    expect((await granted).detail.granted).to.equal(true);
    await waitUntil(() => tiles(el).length > 0, 'tiles after consent = true');
    const withdrawn = oneEvent(el, 'member-map-consent');
    el.consent = false;
    expect((await withdrawn).detail.granted).to.equal(false);
    await el.updateComplete;
    expect(tiles(el)).to.have.length(0);

    const preset = await mapWith({ 'tile-url': tileUrl(), consent: 'granted' });
    expect(prompt(preset)).to.equal(null);
    await waitUntil(() => tiles(preset).length > 0, 'tiles with consent="granted"');
    preset.setAttribute('consent', 'denied');
    await preset.updateComplete;
    expect(tiles(preset)).to.have.length(0);
  });

  it('loads tiles at once with tiles="on" and fetches no basemap', async () => {
    const start = performance.now();
    const el = await mapWith({ 'tile-url': tileUrl(), tiles: 'on' });
    expect(prompt(el)).to.equal(null);
    await waitUntil(() => tiles(el).length > 0, 'tiles shown');
    expect(requestsSince(start).filter((url) => url.pathname.endsWith('member-map-basemap.json'))).to.have.length(0);
  });

  it('never loads tiles with tiles="off", not even with consent', async () => {
    const el = await mapWith({ 'tile-url': tileUrl(), tiles: 'off', consent: 'granted' });
    el.consent = true;
    await sleep(500);
    expect(prompt(el)).to.equal(null);
    expect(shadow(el).querySelector('.consent-withdraw')).to.equal(null);
    expect(tiles(el)).to.have.length(0);
    expect(await tileRequests()).to.deep.equal([]);
    expect(shadow(el).querySelector('.leaflet-member-map-basemap-pane path')).to.not.equal(null);
  });

  it('shows the attribution as text, never as HTML', async () => {
    const el = await mapWith({ 'tile-url': tileUrl(), tiles: 'on', 'tile-attribution': '<img src=x onerror="window.__tileXss=1"> © OpenStreetMap' });
    await waitUntil(() => tiles(el).length > 0, 'tiles shown');
    const attribution = shadow(el).querySelector('.leaflet-control-attribution')!;
    expect(attribution.querySelector('img')).to.equal(null);
    expect(attribution.textContent).to.contain('<img src=x onerror="window.__tileXss=1">');
    const osm = [...attribution.querySelectorAll('a')].find((a) => a.textContent === 'OpenStreetMap')!;
    expect(osm.href).to.equal('https://www.openstreetmap.org/copyright');
    expect((window as { __tileXss?: number }).__tileXss).to.equal(undefined);
  });
});

describe('<member-map> lazy start', () => {
  it('does no work until it comes near the viewport', async () => {
    const el = document.createElement('member-map') as MemberMap;
    el.src = `${FIXTURES}members.geojson?below-the-fold`;
    const start = performance.now();
    await fixture(html`<div><div style="height:3000px"></div><div style="width:600px">${el}</div></div>`);
    await sleep(400);
    expect(shadow(el).querySelectorAll('.leaflet-container')).to.have.length(0);
    expect(requestsSince(start).map((url) => url.pathname)).to.deep.equal([]);
    expect(el.getBoundingClientRect().height, 'the height is reserved from the start').to.equal(480);

    const loaded = oneEvent(el, 'member-map-load');
    el.scrollIntoView();
    expect((await loaded).detail.count).to.equal(12);
    expect(shadow(el).querySelectorAll('.leaflet-container')).to.have.length(1);
  });
});

describe('<member-map> tile-url that is not http(s)', () => {
  it('never loads tiles from javascript: or data: templates, and asks nothing', async () => {
    for (const url of ['javascript:alert(1)//{z}/{x}/{y}', 'data:image/svg+xml,<svg/>{z}{x}{y}']) {
      const el = document.createElement('member-map') as MemberMap;
      el.setAttribute('tile-url', url);
      el.setAttribute('tiles', 'on');
      el.src = `${FIXTURES}members.geojson`;
      const loaded = oneEvent(el, 'member-map-load');
      await fixture(html`<div style="width:600px">${el}</div>`);
      await loaded;
      await el.updateComplete;
      expect(shadow(el).querySelectorAll('img.leaflet-tile'), url).to.have.length(0);
      expect(shadow(el).querySelector('[part="consent"]'), url).to.equal(null);
      await waitUntil(() => shadow(el).querySelector('.leaflet-member-map-basemap-pane path'), 'the offline basemap instead', { timeout: 5000 });
    }
  });
});
