import { expect, oneEvent, waitUntil } from '@open-wc/testing';

// What a site page with <member-map> sends and stores: the statements of docs/datenschutz.md that a
// test can check. Each test names the statement it backs; the document names the test.
//
// The site page is test/fixtures/privacy/site.html, opened in a frame of its own: the stylesheet and
// the built classic script from the site's own folder (/dist/), as the README's "Plain HTML" step has
// it, so that its resource timeline holds every request of the page from its first moment. Three
// witnesses watch it, and none of them leaves anything out but the test server's own reload script
// (HARNESS):
// - the frame's resource entries (Chromium lists failed requests too);
// - test/fixtures/privacy/recorder.js, loaded first, which records every fetch, XMLHttpRequest,
//   sendBeacon, WebSocket and EventSource the page's scripts start (address, method, body or not) and
//   every request the page's Content-Security-Policy blocked. That policy lets images come only from
//   the site and from 127.0.0.1 (the tests' tile server), so that the default tile server,
//   tile.openstreetmap.org, is never reached from a test: an attempt is blocked and reported;
// - the tests' tile server (scripts/test-servers.js), which logs each request with its headers and
//   counts every connection opened to it, a preconnect without a request included.
// Each test that asserts an absence first or afterwards shows, on the same page and with the same
// witness, the presence it would report (the tiles after consent, the places file of a search).
// The last tests watch the two other pages of dist/ the same way: frame.html and the workbench.

interface Call {
  api: string;
  method: string;
  url: string;
  body: boolean;
}
interface Blocked {
  directive: string;
  url: string;
}
interface PrivacyLog {
  calls: Call[];
  blocked: Blocked[];
}
interface TileRequest {
  path: string;
  referer: string | null;
  headers: Record<string, string | undefined>;
  address: string;
}
type MapElement = HTMLElement & { consent: boolean; selected: string; view: string; data?: unknown; updateComplete: Promise<boolean> };
type FrameWindow = Window & typeof globalThis & { privacyLog?: PrivacyLog };

interface Site {
  frame: HTMLIFrameElement;
  win: FrameWindow;
  doc: Document;
  map: MapElement;
  root: ShadowRoot;
  log: PrivacyLog;
  /** Every resource the page requested since it opened (its own HTML document aside). */
  requests(): URL[];
}

const SITE = '/test/fixtures/privacy/site.html';
/** Where the site keeps the script and the files beside it (site.html loads them from here). */
const DIST = '/dist/';
/** Files of the test harness, not of the site: the dev server's reload script, injected into every page it serves, and the recorder. */
const HARNESS = ['/__web-dev-server__web-socket.js', '/test/fixtures/privacy/recorder.js'];
const MEMBERS = '/test/fixtures/members.geojson';
const OSM = 'https://tile.openstreetmap.org';

/** On a busy machine the browser may take its time; a wait ends as soon as its condition holds. */
const PATIENT = { timeout: 8000 };
const json = async <T>(path: string): Promise<T> => (await fetch(path)).json() as Promise<T>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let tileOrigin = '';
let tilePrefix = '';
const tileUrl = () => `${tileOrigin}/${tilePrefix}/{z}/{x}/{y}.png`;
/** This test's requests to the tile server (a frame of an earlier test may still finish some). */
const tileRequests = async () => (await json<TileRequest[]>('/__tiles/log')).filter((request) => request.path.startsWith(`/${tilePrefix}/`));
/** Connections opened to the tile server since this test began. */
const tileConnections = async () => (await json<{ connections: number }>('/__tiles/connections')).connections;
const zoomOf = (request: TileRequest) => Number(request.path.split('/').at(-3));
/**
 * The map's zoom level (in steps of a quarter), read from the scale that Leaflet gives its animation
 * proxy: 2 to the power of the zoom less one. Tiles are asked for at the nearest whole level.
 */
function mapZoom(site: Site): number {
  const scale = /scale\(([\d.e+]+)\)/.exec(site.root.querySelector<HTMLElement>('.leaflet-proxy')?.style.transform ?? '');
  return scale ? Math.round(4 * (Math.log2(Number(scale[1])) + 1)) / 4 : NaN;
}

/** Opens the site page in a frame and adds a `<member-map>` with `attributes`; resolves once its members are on the map. */
async function openSite(attributes: Record<string, string> = {}, prepare?: (win: FrameWindow) => void): Promise<Site> {
  const frame = document.createElement('iframe');
  frame.width = '1000';
  frame.height = '760';
  document.body.append(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = SITE;
  await loaded;
  const win = frame.contentWindow as FrameWindow;
  const doc = frame.contentDocument!;
  expect(win.privacyLog, 'the recorder runs first').to.exist;
  await waitUntil(() => win.customElements.get('member-map'), 'the classic script defined <member-map> (run `npm run build` first)', PATIENT);
  prepare?.(win);
  const map = doc.createElement('member-map') as MapElement;
  for (const [name, value] of Object.entries({ src: MEMBERS, ...attributes })) map.setAttribute(name, value);
  map.style.width = '800px';
  const ready = oneEvent(map, 'member-map-load');
  doc.body.append(map);
  await ready;
  await waitUntil(() => map.shadowRoot!.querySelector('.leaflet-container'), 'the map is drawn', PATIENT);
  return {
    frame,
    win,
    doc,
    map,
    root: map.shadowRoot!,
    log: win.privacyLog!,
    requests: () => win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name)),
  };
}

const statusOf = (site: Site) => site.root.querySelector('[part="status"]')!.textContent!.trim();

async function search(site: Site, query: string, answer: RegExp): Promise<void> {
  const input = site.root.querySelector<HTMLInputElement>('[part="search"]')!;
  input.value = query;
  input.dispatchEvent(new site.win.Event('input', { bubbles: true, composed: true }));
  await waitUntil(() => answer.test(statusOf(site)), `the search for "${query}" answered (${statusOf(site)})`, PATIENT);
}

async function click(site: Site, selector: string): Promise<void> {
  await site.map.updateComplete;
  const button = site.root.querySelector<HTMLElement>(selector);
  expect(button, selector).to.exist;
  button!.click();
}

/**
 * What a visitor does without agreeing to tiles: the offline basemap, a popup, the contact panel, the
 * list, a text search and a place search. After each step, `check` runs with the step's name.
 */
async function visitWithoutConsent(site: Site, check: (step: string) => void | Promise<void>): Promise<void> {
  const { root, map } = site;
  await check('loaded');
  await waitUntil(() => root.querySelector('.leaflet-member-map-basemap-pane path'), 'the offline basemap', PATIENT);
  await check('offline basemap');

  const selected = oneEvent(map, 'member-map-select');
  map.selected = 'hd';
  await selected;
  await waitUntil(() => root.querySelector('.leaflet-popup .member-card'), 'the popup', PATIENT);
  await check('popup');

  await click(site, '[part="contact-button"]');
  await waitUntil(() => root.querySelector('[part="contact-panel"]'), 'the contact panel', PATIENT);
  await check('contact panel');
  await click(site, '[part="contact-panel"] .close');
  await waitUntil(() => !root.querySelector('[part="contact-panel"]'), 'the contact panel closed', PATIENT);

  map.view = 'list';
  await waitUntil(() => root.querySelector('[part="list"]'), 'the list', PATIENT);
  await search(site, 'Jugend', /gefunden/);
  await check('list and text search');
  await search(site, 'Heidelberg', /in der Nähe von Heidelberg/);
  await check('place search');
  map.view = 'map';
  await map.updateComplete;
  await check('back to the map');
}

/** Everything the page keeps in the browser: cookies, both web storages, IndexedDB, Cache Storage. */
async function stored(site: Site) {
  const { win } = site;
  return {
    cookie: win.document.cookie,
    localStorage: { ...win.localStorage },
    sessionStorage: { ...win.sessionStorage },
    indexedDB: (await win.indexedDB.databases()).map((database) => database.name),
    caches: await win.caches.keys(),
  };
}
const NOTHING_STORED = { cookie: '', localStorage: {}, sessionStorage: {}, indexedDB: [], caches: [] };

describe('privacy: what a site page with <member-map> sends and stores (docs/datenschutz.md)', () => {
  before(async () => {
    tileOrigin = (await json<{ origin: string }>('/__tiles/origin')).origin;
  });
  beforeEach(async function () {
    // A path per test, so that no tile comes from the browser's image cache.
    tilePrefix = `privacy-${this.currentTest!.title.replace(/\W+/g, '-').slice(0, 60)}`;
    await fetch('/__tiles/reset');
    localStorage.clear();
    sessionStorage.clear();
    for (const cookie of document.cookie.split(';').filter(Boolean)) document.cookie = `${cookie.split('=')[0]!.trim()}=; max-age=0; path=/`;
    expect(document.cookie, 'a cookie left by an earlier test: these tests need a clean start').to.equal('');
    // The same for the origin's other stores (none of the suite writes them today).
    for (const database of await indexedDB.databases()) if (database.name) indexedDB.deleteDatabase(database.name);
    for (const key of await caches.keys()) await caches.delete(key);
  });
  afterEach(() => {
    document.querySelectorAll('iframe').forEach((frame) => frame.remove());
    localStorage.clear();
  });

  it('before consent, every request of the page goes to its own origin and none to the tile server, through a whole visit', async function () {
    this.timeout(30000);
    const site = await openSite({ 'tile-url': tileUrl() });
    await visitWithoutConsent(site, () => undefined);
    await sleep(300); // anything still on its way after the last step

    const foreign = site.requests().filter((url) => url.origin !== location.origin);
    expect(foreign.map(String), 'requests to another origin').to.deep.equal([]);
    expect(site.log.blocked, 'requests blocked by the page policy').to.deep.equal([]);
    expect(site.log.calls.filter((call) => new URL(call.url).origin !== location.origin), 'script requests to another origin').to.deep.equal([]);
    expect(await tileRequests(), 'tile requests').to.deep.equal([]);
    expect(await tileConnections(), 'connections to the tile server').to.equal(0);
    // What it did load: the site's own files, from where the site put them.
    const paths = new Set(site.requests().map((url) => url.pathname));
    for (const file of [`${DIST}member-map.css`, `${DIST}member-map.iife.js`, `${DIST}member-map-basemap.json`, MEMBERS, `${DIST}member-map-places.json`]) {
      expect(paths, file).to.include(file);
    }
    for (const path of paths) expect(path.startsWith(DIST) || path === MEMBERS || HARNESS.includes(path), path).to.equal(true);

    // The same witnesses see the tile server once the visitor agrees.
    await click(site, '[part="consent"]');
    await waitUntil(async () => (await tileRequests()).length > 0, 'tile requests after the click', PATIENT);
    await waitUntil(() => site.requests().some((url) => url.origin === tileOrigin), 'the tiles in the page\'s resource entries', PATIENT);
    expect(await tileConnections()).to.be.greaterThan(0);
    expect([...new Set(site.requests().filter((url) => url.origin !== location.origin).map((url) => url.origin))]).to.deep.equal([tileOrigin]);
  });

  it('by default names tile.openstreetmap.org and sends it nothing before "Detailkarte laden"; the click is the first request there', async function () {
    this.timeout(30000);
    const site = await openSite();
    const prompt = site.root.querySelector('[part="consent"]')!;
    expect(prompt.textContent!.trim()).to.equal('Detailkarte laden');
    expect(prompt.parentElement!.textContent).to.contain('Dabei wird Ihre IP-Adresse an tile.openstreetmap.org übertragen.');
    await visitWithoutConsent(site, () => undefined);
    await sleep(300);
    expect(site.requests().filter((url) => url.origin !== location.origin).map(String)).to.deep.equal([]);
    expect(site.log.blocked).to.deep.equal([]);

    // The page's policy stops the tiles before they leave the browser (no test reaches the internet)
    // and reports each attempt: after the click, and only to the OpenStreetMap tile server.
    await click(site, '[part="consent"]');
    await waitUntil(() => site.log.blocked.length > 0, 'the tile requests, blocked by the page policy', PATIENT);
    for (const blocked of site.log.blocked) {
      expect(blocked.directive, blocked.url).to.equal('img-src');
      expect(blocked.url, blocked.url).to.match(new RegExp(`^${OSM}/\\d+/\\d+/\\d+\\.png$`));
    }
  });

  it('after "Detailkarte laden" the tile server receives the tile addresses, the site\'s origin as Referer, the user agent and the language, and no cookie', async function () {
    this.timeout(30000);
    const site = await openSite({ 'tile-url': tileUrl() });
    expect(await tileRequests()).to.deep.equal([]);
    await click(site, '[part="consent"]');
    await waitUntil(async () => (await tileRequests()).length > 0, 'tile requests', PATIENT);
    await waitUntil(() => [...site.root.querySelectorAll<HTMLImageElement>('img.leaflet-tile')].some((tile) => tile.complete && tile.naturalWidth > 0), 'a tile shown', PATIENT);

    const requests = await tileRequests();
    for (const request of requests) {
      // Which tile: zoom level and position, nothing else (no query, no id).
      expect(request.path).to.match(new RegExp(`^/${tilePrefix}/\\d+/\\d+/\\d+\\.png$`));
      // The site's origin only: not the page's path (/test/fixtures/privacy/site.html).
      expect(request.referer).to.equal(`${location.origin}/`);
      expect(request.headers['user-agent']).to.equal(site.win.navigator.userAgent);
      expect(request.headers['accept-language'], 'the browser\'s languages').to.be.a('string').and.not.equal('');
      expect(request.headers.cookie).to.equal(undefined);
      // The visitor's IP address, as the server sees it (here the loopback address).
      expect(request.address).to.equal('127.0.0.1');
    }
  });

  it('"Detailkarte ausblenden" ends the tile requests: zooming in afterwards asks the tile server for nothing', async function () {
    this.timeout(30000);
    const site = await openSite({ 'tile-url': tileUrl() });
    await click(site, '[part="consent"]');
    await waitUntil(async () => (await tileRequests()).length > 0, 'tile requests', PATIENT);
    // With tiles on, zooming in asks for the tiles of the next level at once.
    const before = Math.max(...(await tileRequests()).map(zoomOf));
    await click(site, '.leaflet-control-zoom-in');
    await waitUntil(async () => (await tileRequests()).some((request) => zoomOf(request) > before), 'tiles of the next zoom level', PATIENT);
    const zoomed = Math.max(...(await tileRequests()).map(zoomOf));

    const withdrawn = oneEvent(site.map, 'member-map-consent');
    await click(site, '.consent-withdraw');
    expect((await withdrawn).detail).to.deep.equal({ granted: false });
    await waitUntil(() => site.root.querySelector('.leaflet-member-map-basemap-pane path'), 'the offline basemap back', PATIENT);
    expect(site.root.querySelectorAll('img.leaflet-tile')).to.have.length(0);
    expect(site.root.querySelector('[part="consent"]'), 'the prompt back').to.exist;

    // The same zoom now: the map reaches the next level, and no tile of it is asked for.
    const zoom = mapZoom(site);
    expect(Math.round(zoom), 'the map is at the zoom of the last tiles').to.equal(zoomed);
    await click(site, '.leaflet-control-zoom-in');
    await waitUntil(() => mapZoom(site) === zoom + 1 && !site.root.querySelector('.leaflet-zoom-anim'), 'the next zoom level reached', PATIENT);
    await sleep(300);
    expect((await tileRequests()).filter((request) => zoomOf(request) > zoomed).map((request) => request.path)).to.deep.equal([]);
  });

  it('stores nothing in the browser without consent-storage: no cookie, no localStorage, sessionStorage, IndexedDB or Cache Storage, through a visit, consent and withdrawal; the next page asks again', async function () {
    this.timeout(30000);
    const site = await openSite({ 'tile-url': tileUrl() });
    // The cookie after every step of the visit.
    await visitWithoutConsent(site, (step) => {
      expect(site.doc.cookie, step).to.equal('');
    });
    await click(site, '[part="consent"]');
    await waitUntil(async () => (await tileRequests()).length > 0, 'tiles after consent', PATIENT);
    expect(await stored(site), 'with the tiles on').to.deep.equal(NOTHING_STORED);
    await click(site, '.consent-withdraw');
    await waitUntil(() => site.root.querySelector('[part="consent"]'), 'withdrawn', PATIENT);
    expect(await stored(site), 'after the withdrawal').to.deep.equal(NOTHING_STORED);

    // The consent held for that page only: the next page asks again and loads no tile.
    await click(site, '[part="consent"]');
    await waitUntil(() => site.map.consent, 'agreed once more');
    site.frame.remove();
    tilePrefix += '-next'; // a request of the first page still under way does not count
    const next = await openSite({ 'tile-url': tileUrl() });
    expect(next.map.consent).to.equal(false);
    expect(next.root.querySelector('[part="consent"]'), 'the prompt').to.exist;
    await waitUntil(() => next.root.querySelector('.leaflet-member-map-basemap-pane path'), 'the offline basemap', PATIENT);
    expect(await tileRequests()).to.deep.equal([]);
  });

  it('with consent-storage="local" stores exactly member-map:tile-consent:<tile host> = granted, takes it over on the next page, and removes it on withdrawal', async function () {
    this.timeout(30000);
    const host = new URL(tileOrigin).host;
    const first = await openSite({ 'tile-url': tileUrl(), 'consent-storage': 'local' });
    expect(await stored(first), 'nothing before the click').to.deep.equal(NOTHING_STORED);
    await click(first, '[part="consent"]');
    expect(await stored(first)).to.deep.equal({ ...NOTHING_STORED, localStorage: { [`member-map:tile-consent:${host}`]: 'granted' } });
    first.frame.remove();

    // The next page of the site: tiles at once, without asking. (The key names the host, not the
    // path: a path of its own keeps a late tile of the first page from counting for this one.)
    tilePrefix += '-next';
    const next = await openSite({ 'tile-url': tileUrl(), 'consent-storage': 'local' });
    expect(next.map.consent).to.equal(true);
    expect(next.root.querySelector('[part="consent"]')).to.equal(null);
    await waitUntil(async () => (await tileRequests()).length > 0, 'tiles without a click', PATIENT);
    await click(next, '.consent-withdraw');
    expect(await stored(next), '"Detailkarte ausblenden" removes it').to.deep.equal(NOTHING_STORED);
    next.frame.remove();

    // The default tile server's key (its tiles are blocked by the page policy).
    const osm = await openSite({ 'consent-storage': 'local' });
    await click(osm, '[part="consent"]');
    expect({ ...osm.win.localStorage }).to.deep.equal({ 'member-map:tile-consent:tile.openstreetmap.org': 'granted' });
    osm.map.consent = false;
    expect({ ...osm.win.localStorage }).to.deep.equal({});
    // A consent manager's decision (the consent property) is remembered the same way.
    osm.map.consent = true;
    expect({ ...osm.win.localStorage }).to.deep.equal({ 'member-map:tile-consent:tile.openstreetmap.org': 'granted' });
  });

  it('with consent-storage="local" but the browser storage blocked, consent still works for the page, nothing is stored, and the next page asks again', async function () {
    this.timeout(30000);
    // As a browser that blocks site data (or a sandboxed frame) does: reading localStorage throws.
    const blockStorage = (win: FrameWindow) =>
      Object.defineProperty(win, 'localStorage', {
        get() {
          throw new win.DOMException('The storage is blocked.', 'SecurityError');
        },
      });
    const site = await openSite({ 'tile-url': tileUrl(), 'consent-storage': 'local' }, blockStorage);
    await click(site, '[part="consent"]');
    await waitUntil(async () => (await tileRequests()).length > 0, 'tiles after consent', PATIENT);
    expect({ ...localStorage }, 'the origin\'s storage, read from the test page').to.deep.equal({});
    site.frame.remove();

    tilePrefix += '-next';
    const next = await openSite({ 'tile-url': tileUrl(), 'consent-storage': 'local' }, blockStorage);
    expect(next.map.consent).to.equal(false);
    expect(next.root.querySelector('[part="consent"]'), 'the prompt').to.exist;
  });

  it('the place search sends no request that contains the query: it fetches only the places file, once, from the site, without a body', async function () {
    this.timeout(30000);
    const site = await openSite({ 'tile-url': tileUrl() });
    await waitUntil(() => site.root.querySelector('.leaflet-member-map-basemap-pane path'), 'the offline basemap', PATIENT);
    await sleep(300);
    const entriesBefore = site.requests().length;
    const callsBefore = site.log.calls.length;

    const queries = ['Heidelberg', 'Sipplingen', 'Weyarn', 'Jugend'];
    await search(site, 'Heidelberg', /in der Nähe von Heidelberg/);
    await search(site, 'Sipplingen', /in der Nähe von Sipplingen/);
    await search(site, 'Weyarn', /in der Nähe von Weyarn/);
    await search(site, 'Jugend', /gefunden/);
    await sleep(300);

    const places = `${location.origin}${DIST}member-map-places.json`;
    // Besides the places file, the search's own part of the script (loaded on the first search, also from the site).
    const part = `${location.origin}${DIST}member-map-search.js`;
    expect(site.requests().slice(entriesBefore).map(String), 'the requests of the searches').to.deep.equal([part, places]);
    expect(site.log.calls.slice(callsBefore), 'what the script asked for').to.deep.equal([{ api: 'fetch', method: 'GET', url: places, body: false }]);
    const everything = [...site.requests().map(String), ...site.log.calls.map((call) => call.url), ...site.log.blocked.map((blocked) => blocked.url)];
    for (const query of queries) {
      expect(everything.filter((url) => url.toLowerCase().includes(query.toLowerCase())), query).to.deep.equal([]);
    }
    expect(await tileRequests()).to.deep.equal([]);
  });

  it('shows only what the member file contains: a member with role and municipality only shows no name and no contact', async function () {
    this.timeout(30000);
    const site = await openSite({ 'tile-url': tileUrl() });
    const data = site.win.JSON.parse(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [11.79, 47.85] }, properties: { id: 'w', municipality: 'Weyarn', role: 'Koordinator Bürgerbeteiligung' } }],
      }),
    );
    const loaded = oneEvent(site.map, 'member-map-load');
    site.map.data = data;
    expect((await loaded).detail.count).to.equal(1);
    site.map.selected = 'w';
    await waitUntil(() => site.root.querySelector('.leaflet-popup .member-card'), 'the popup', PATIENT);
    const card = site.root.querySelector('.leaflet-popup .member-card')!;
    const texts = [...card.querySelectorAll('p, li, button')].map((node) => node.textContent!.trim());
    expect(texts).to.deep.equal(['Koordinator Bürgerbeteiligung', 'Weyarn', 'Mitglied werden?']);
    expect(card.querySelectorAll('a')).to.have.length(0);
  });

  it('frame.html (the iframe embed) asks only its own server before consent, and a src of another server in its address is refused; the README\'s Content-Security-Policy fences the frame besides', async function () {
    this.timeout(30000);
    /** Opens frame.html at `path` with `query` in a frame; resolves with its <member-map> once it answered. */
    const openFrame = async (path: string, query: string, answered: (root: ShadowRoot) => Element | null) => {
      const frame = document.createElement('iframe');
      frame.width = '900';
      frame.height = '600';
      document.body.append(frame);
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = `${path}?${query}`;
      await loaded;
      const win = frame.contentWindow as FrameWindow;
      await waitUntil(() => win.document.querySelector('member-map')?.shadowRoot && answered(win.document.querySelector('member-map')!.shadowRoot!), `frame.html?${query} answered`, PATIENT);
      return win;
    };
    const members = (root: ShadowRoot) => root.querySelector('.member-marker, .member-cluster');

    // As the README has it: the member file next to frame.html (here given by its path on the site).
    const own = await openFrame(`${DIST}frame.html`, `src=${encodeURIComponent(MEMBERS)}`, members);
    await waitUntil(() => own.document.querySelector('member-map')!.shadowRoot!.querySelector('.leaflet-member-map-basemap-pane path'), 'the offline basemap', PATIENT);
    const foreign = own.performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => new URL(url).origin !== location.origin);
    expect(foreign, 'requests to another origin').to.deep.equal([]);
    expect(await tileConnections(), 'connections to the other server').to.equal(0);

    // A link that names a member file on another server: the frame leaves `src` out (the element then has
    // no file and says so) and asks that server nothing.
    const elsewhere = `${tileOrigin}/${tilePrefix}/members.geojson`;
    const refused = await openFrame(`${DIST}frame.html`, `src=${encodeURIComponent(elsewhere)}`, (root) => root.querySelector('.frame, [part="error"]'));
    expect(refused.document.querySelector('member-map')!.hasAttribute('src'), 'src of another server').to.equal(false);
    expect(await tileRequests()).to.deep.equal([]);
    expect(await tileConnections(), 'connections to the other server').to.equal(0);

    // With the policy the README gives for frame.html (default-src 'self'), the browser would not send it either.
    tilePrefix += '-csp';
    const fenced = `${tileOrigin}/${tilePrefix}/members.geojson`;
    await openFrame(`/csp${DIST}frame.html`, `src=${encodeURIComponent(fenced)}`, (root) => root.querySelector('.frame, [part="error"]'));
    expect(await tileRequests()).to.deep.equal([]);
  });

  it('the workbench requests nothing outside its own folder while it opens files, sends no file, and keeps its draft only under member-map-editor-draft until it is discarded', async function () {
    this.timeout(30000);
    const frame = document.createElement('iframe');
    frame.width = String(innerWidth);
    frame.height = String(innerHeight);
    document.body.append(frame);
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = `${DIST}editor.html`;
    await loaded;
    const win = frame.contentWindow as FrameWindow;
    const doc = frame.contentDocument!;
    await waitUntil(() => doc.querySelector('#file'), 'the workbench is drawn', PATIENT);
    // From now on, what its scripts ask for is recorded too.
    const recorder = doc.createElement('script');
    recorder.src = '/test/fixtures/privacy/recorder.js';
    const ready = new Promise((resolve) => recorder.addEventListener('load', resolve, { once: true }));
    doc.head.append(recorder);
    await ready;
    const status = () => doc.querySelector('.status')?.textContent?.trim() ?? '';

    const open = async (url: string, name: string) => {
      const bytes = await (await fetch(url)).arrayBuffer(); // read here, in the test's page
      const transfer = new win.DataTransfer();
      transfer.items.add(new win.File([bytes], name));
      const input = doc.querySelector<HTMLInputElement>('#file')!;
      input.files = transfer.files;
      input.dispatchEvent(new win.Event('change', { bubbles: true }));
      await waitUntil(() => status().includes(`${name} geöffnet`), `${name} opened (${status()})`, { timeout: 10000 });
    };
    const draft = () => JSON.parse(win.localStorage.getItem('member-map-editor-draft') ?? 'null') as { sheet: { fileName: string; rows: unknown[] }; savedAt: number } | null;

    expect({ ...win.localStorage }, 'nothing before a file is opened').to.deep.equal({});
    await open('/raw/test/cli/fixtures/members.xlsx', 'members.xlsx'); // loads the Excel reader on demand
    await waitUntil(() => draft()?.sheet.fileName === 'members.xlsx', 'the draft of members.xlsx', PATIENT); // a big sheet's draft may be written in steps
    expect(Object.keys(win.localStorage)).to.deep.equal(['member-map-editor-draft']);
    expect(draft()!.sheet.fileName).to.equal('members.xlsx');
    expect(draft()!.sheet.rows.length).to.be.greaterThan(0);
    expect(draft()!.savedAt).to.be.a('number');
    await open('/raw/test/fixtures/editor/members-1252.csv', 'mitglieder.csv');
    await open('/data/members.geojson', 'members.geojson');
    const map = doc.querySelector('member-map')!;
    map.scrollIntoView();
    await waitUntil(() => map.shadowRoot?.querySelector('.leaflet-marker-icon, .member-cluster'), 'the preview drew the members', PATIENT);

    // The download stays in the browser (a Blob URL), and the draft stays after it.
    const downloads: string[] = [];
    const createObjectURL = win.URL.createObjectURL.bind(win.URL);
    win.URL.createObjectURL = (blob: Blob | MediaSource) => {
      const url = createObjectURL(blob);
      downloads.push(url);
      return url;
    };
    const save = doc.querySelector<HTMLButtonElement>('.save-buttons button')!;
    expect(save.disabled).to.equal(false);
    save.click();
    await waitUntil(() => downloads.length === 1, 'the member file offered for download', PATIENT);
    await waitUntil(() => draft()?.sheet.fileName === 'members.geojson', 'the draft of members.geojson', PATIENT);
    expect(draft()!.sheet.fileName, 'the draft after the download').to.equal('members.geojson');
    await sleep(300);

    const folder = `${location.origin}${DIST}`;
    const requests = win.performance.getEntriesByType('resource').map((entry) => entry.name).filter((url) => !HARNESS.includes(new URL(url).pathname));
    expect(requests.length, 'the page\'s own files are listed').to.be.greaterThan(2);
    expect(requests.filter((url) => !url.startsWith(folder)), 'requests outside dist/').to.deep.equal([]);
    const log = win.privacyLog!;
    expect(log.calls.filter((call) => call.method !== 'GET' || call.body || !call.url.startsWith(folder)), 'requests that could carry data').to.deep.equal([]);
    expect(doc.cookie).to.equal('');
    expect({ ...win.sessionStorage }).to.deep.equal({});

    [...doc.querySelectorAll<HTMLButtonElement>('button')].find((button) => button.textContent!.trim() === 'Entwurf verwerfen')!.click();
    await waitUntil(() => status() === 'Der Entwurf wurde verworfen.', 'discarded', PATIENT);
    expect({ ...win.localStorage }, 'nothing after "Entwurf verwerfen"').to.deep.equal({});
  });
});
