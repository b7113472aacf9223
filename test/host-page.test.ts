import { expect, oneEvent, waitUntil } from '@open-wc/testing';

// A host page like a real CMS page: its own Leaflet 1.7 as the global `L` with a map of its own, a
// WordPress-like theme stylesheet (test/fixtures/hostile/wp-theme.css, `html { font-size: 10px }`)
// and `<meta name="referrer" content="no-referrer">`. Then the classic bundle. Both maps must work,
// `window.L` must stay the page's, untouched, and the element must look exactly as on a plain page
// (measured in a plain same-origin iframe with the same bundle).

interface MemberMapElement extends HTMLElement {
  selected: string;
  view: string;
}
interface TileRequest {
  path: string;
  referer: string | null;
}
type LeafletGlobal = typeof import('leaflet') & { version: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shadow = (el: Element) => el.shadowRoot!;
const MEMBERS = '/test/fixtures/members.geojson';

function addScript(doc: Document, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load (run \`npm run build\` first)`));
    doc.head.append(script);
  });
}
function addStylesheet(doc: Document, href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.onload = () => resolve();
    link.onerror = () => reject(new Error(`${href} did not load`));
    doc.head.append(link);
  });
}

/**
 * Inherited properties a theme's `html`/`body` rules could pass into the shadow root; the element
 * resets them all (README: "inherited text styles are reset").
 */
const TEXT = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'line-height', 'letter-spacing', 'word-spacing',
  'text-align', 'text-align-last', 'text-indent', 'text-transform', 'white-space', 'hyphens', 'overflow-wrap',
  'word-break', 'font-feature-settings', 'font-variant-numeric', 'font-variant-ligatures', 'font-kerning',
  'text-rendering', 'text-underline-offset', 'tab-size', 'cursor', 'accent-color', 'caret-color', 'color',
  'box-sizing',
];

/**
 * What a theme could change about the element: boxes and the text styles that matter, measured on
 * the loaded map, then with Heidelberg's popup open.
 */
async function measure(el: MemberMapElement): Promise<Record<string, number | string>> {
  const root = shadow(el);
  const view = el.ownerDocument.defaultView!;
  const values: Record<string, number | string> = {};
  const box = (name: string, node: Element | null) => {
    expect(node, name).to.exist;
    const rect = node!.getBoundingClientRect();
    values[`${name} width`] = Math.round(rect.width * 10) / 10;
    values[`${name} height`] = Math.round(rect.height * 10) / 10;
  };
  const text = (name: string, node: Element | null) => {
    expect(node, name).to.exist;
    const style = view.getComputedStyle(node!);
    for (const property of TEXT) values[`${name} ${property}`] = style.getPropertyValue(property);
  };
  box('element', el);
  box('toolbar', root.querySelector('.toolbar'));
  box('search field', root.querySelector('[part="search"]'));
  box('search label', root.querySelector('.search label'));
  box('contact button', root.querySelector('[part="contact-button"]'));
  box('view switch', root.querySelector('.view-toggle'));
  box('map', root.querySelector('.leaflet-container'));
  box('zoom control', root.querySelector('.leaflet-control-zoom'));
  box('consent bar', root.querySelector('.consent-prompt'));
  box('consent button', root.querySelector('[part="consent"]'));
  box('cluster', root.querySelector('.member-cluster'));
  text('frame', root.querySelector('.frame'));
  text('contact button', root.querySelector('[part="contact-button"]'));
  text('search field', root.querySelector('[part="search"]'));
  text('cluster', root.querySelector('.member-cluster'));

  await openPopup(el);
  box('marker', root.querySelector('.member-marker'));
  box('popup', root.querySelector('.leaflet-popup-content-wrapper'));
  box('popup title', root.querySelector('.member-card__title'));
  box('popup link', root.querySelector('.member-card a'));
  text('popup', root.querySelector('.leaflet-popup-content'));
  text('popup title', root.querySelector('.member-card__title'));
  text('popup link', root.querySelector('.member-card a'));
  const link = view.getComputedStyle(root.querySelector('.member-card a')!);
  values['popup link decoration'] = `${link.textDecorationLine} ${link.textDecorationColor} ${link.textDecorationThickness}`;
  return values;
}

async function measureList(el: MemberMapElement): Promise<Record<string, number | string>> {
  el.view = 'list';
  await waitUntil(() => shadow(el).querySelector('.list-member'), 'list shown');
  const root = shadow(el);
  const view = el.ownerDocument.defaultView!;
  const first = root.querySelector('.list-member')!.getBoundingClientRect();
  const heading = root.querySelector('.list h3')!;
  const result = {
    'list entry width': first.width,
    'list entry height': first.height,
    'list heading height': heading.getBoundingClientRect().height,
    'list heading font-size': view.getComputedStyle(heading).fontSize,
    'list heading font-weight': view.getComputedStyle(heading).fontWeight,
    'list heading font-family': view.getComputedStyle(heading).fontFamily,
    'list heading letter-spacing': view.getComputedStyle(heading).letterSpacing,
    'list heading margin': view.getComputedStyle(heading).margin,
    'list bullets': view.getComputedStyle(root.querySelector('.list-members')!).listStyleType,
    'list paragraph indent': view.getComputedStyle(root.querySelector('.list-member p')!).textIndent,
  };
  el.view = 'map';
  await waitUntil(() => !shadow(el).querySelector('.list-member'), 'map shown');
  return result;
}

/** Loads the members, opens Heidelberg's popup and waits for the map to settle. */
async function openPopup(el: MemberMapElement): Promise<void> {
  const selected = oneEvent(el, 'member-map-select');
  el.selected = 'hd';
  await selected;
  await sleep(400); // zoom and pan animations
}

async function referenceMeasurements(): Promise<{ map: Record<string, number | string>; list: Record<string, number | string> }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1000px;height:900px;border:0';
  frame.srcdoc = '<!doctype html><html lang="de"><head><meta charset="utf-8"></head><body></body></html>';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  await addScript(doc, '/dist/member-map.iife.js');
  const wrapper = doc.body.appendChild(doc.createElement('div'));
  wrapper.style.width = '800px';
  const el = doc.createElement('member-map') as MemberMapElement;
  el.setAttribute('src', MEMBERS);
  const ready = oneEvent(el, 'member-map-load');
  wrapper.append(el);
  await ready;
  const map = await measure(el);
  const list = await measureList(el);
  frame.remove();
  return { map, list };
}

describe('<member-map> on a WordPress-like page that has its own Leaflet 1.7', () => {
  let pageL: LeafletGlobal;
  let pageMap: import('leaflet').Map;
  let pageMarker: import('leaflet').Marker;
  let globalsBefore: Set<string>;
  let leafletBefore: Map<string, Map<string, unknown>>;
  let sheetsBefore: number;
  let reference: Awaited<ReturnType<typeof referenceMeasurements>>;
  let content: HTMLElement;

  /** Own properties (and their values) of the page's Leaflet namespace and the classes plugins extend. */
  function snapshotLeaflet(L: LeafletGlobal): Map<string, Map<string, unknown>> {
    const targets: Record<string, object> = {
      L,
      'L.Util': L.Util,
      'L.DomUtil': L.DomUtil,
      'L.DomEvent': L.DomEvent,
      'L.Browser': L.Browser,
      'L.Class.prototype': L.Class.prototype,
      'L.Evented.prototype': L.Evented.prototype,
      'L.Layer.prototype': L.Layer.prototype,
      'L.LayerGroup.prototype': L.LayerGroup.prototype,
      'L.FeatureGroup.prototype': L.FeatureGroup.prototype,
      'L.Marker.prototype': L.Marker.prototype,
      'L.Marker.prototype.options': L.Marker.prototype.options,
      'L.Icon.prototype': L.Icon.prototype,
      'L.DivIcon.prototype': L.DivIcon.prototype,
      'L.Popup.prototype': L.Popup.prototype,
      'L.Map.prototype': L.Map.prototype,
      'L.Map.prototype.options': L.Map.prototype.options,
      'L.Control.prototype': L.Control.prototype,
      'L.TileLayer.prototype': L.TileLayer.prototype,
    };
    const snapshot = new Map<string, Map<string, unknown>>();
    for (const [name, target] of Object.entries(targets)) {
      const entries = new Map<string, unknown>();
      for (const key of Object.getOwnPropertyNames(target)) {
        const value = (target as Record<string, unknown>)[key];
        entries.set(key, Array.isArray(value) ? [...value] : value); // init hooks are arrays changed in place
      }
      snapshot.set(name, entries);
    }
    return snapshot;
  }

  before(async function () {
    this.timeout(30000);
    // Measured first, before the theme exists: the element as on a plain page.
    reference = await referenceMeasurements();

    const meta = document.createElement('meta');
    meta.name = 'referrer';
    meta.content = 'no-referrer';
    document.head.prepend(meta);
    document.documentElement.lang = 'de';
    await addStylesheet(document, '/node_modules/leaflet-1.7/dist/leaflet.css');
    await addStylesheet(document, '/test/fixtures/hostile/wp-theme.css');
    await addScript(document, '/node_modules/leaflet-1.7/dist/leaflet.js');
    pageL = (window as unknown as { L: LeafletGlobal }).L;
    expect(pageL.version).to.equal('1.7.1');

    content = document.body.appendChild(document.createElement('main'));
    content.className = 'entry-content';
    content.innerHTML = `
      <h1>Beteiligung in unserer Stadt</h1>
      <p>Ein Absatz mit <a href="#">Link</a>, wie auf jeder Seite.</p>
      <div id="page-map" style="height:300px"></div>
      <p>Unsere Mitglieder im Netzwerk:</p>
      <div class="alignwide" style="width:800px"></div>`;
    pageMap = pageL.map(content.querySelector<HTMLElement>('#page-map')!, { center: [51.1, 10.4], zoom: 5 });
    pageMarker = pageL.marker([52.52, 13.4]).addTo(pageMap).bindPopup('Rathaus der Seite');

    globalsBefore = new Set(Object.getOwnPropertyNames(window));
    leafletBefore = snapshotLeaflet(pageL);
    sheetsBefore = document.styleSheets.length + document.adoptedStyleSheets.length;
    await addScript(document, '/dist/member-map.iife.js');
  });

  after(() => {
    content.remove();
    pageMap.remove();
  });

  async function memberMap(attributes: Record<string, string> = {}): Promise<MemberMapElement> {
    const el = document.createElement('member-map') as MemberMapElement;
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    el.setAttribute('src', MEMBERS);
    const loaded = oneEvent(el, 'member-map-load');
    const slot = content.querySelector('.alignwide')!;
    slot.replaceChildren(el);
    el.scrollIntoView();
    expect((await loaded).detail.count).to.equal(12);
    return el;
  }

  it('keeps the page\'s Leaflet 1.7 as window.L, unmodified, and adds no globals of its own', async () => {
    const el = await memberMap();
    await openPopup(el);
    const L = (window as unknown as { L: LeafletGlobal }).L;
    expect(L, 'window.L is the page\'s object').to.equal(pageL);
    expect(L.version).to.equal('1.7.1');
    expect('MarkerClusterGroup' in L, 'no markercluster on the page\'s L').to.equal(false);
    expect('markerClusterGroup' in L).to.equal(false);
    expect('Leaflet' in window).to.equal(false);
    const after = snapshotLeaflet(L);
    for (const [name, entries] of leafletBefore) {
      const now = after.get(name)!;
      expect([...now.keys()].sort(), `${name}: own properties`).to.deep.equal([...entries.keys()].sort());
      for (const [key, value] of entries) {
        const current = now.get(key);
        if (Array.isArray(value)) expect(current, `${name}.${key}`).to.deep.equal(value);
        else expect(current === value || (Number.isNaN(current) && Number.isNaN(value)), `${name}.${key} replaced`).to.equal(true);
      }
    }
    // Lit's version registries are the only globals the bundle may add.
    const added = Object.getOwnPropertyNames(window).filter((name) => !globalsBefore.has(name));
    expect(added.filter((name) => !/^(litHtmlVersions|litElementVersions|reactiveElementVersions)$/.test(name))).to.deep.equal([]);
    expect(document.styleSheets.length + document.adoptedStyleSheets.length, 'no styles added to the page').to.equal(sheetsBefore);
  });

  it('leaves the page\'s own map working: marker popup, zoom control, dragging state', async () => {
    const el = await memberMap();
    await openPopup(el);
    const container = pageMap.getContainer();
    expect(container.querySelector('.leaflet-marker-icon'), 'the page\'s marker').to.exist;
    // A click on the page's marker opens the page's popup, with Leaflet 1.7's markup.
    (container.querySelector('.leaflet-marker-icon') as HTMLElement).click();
    await waitUntil(() => container.querySelector('.leaflet-popup-content'), 'page popup');
    expect(container.querySelector('.leaflet-popup-content')!.textContent).to.equal('Rathaus der Seite');
    expect(pageMarker.isPopupOpen()).to.equal(true);
    // Our popup is still open in our map, independently.
    expect(shadow(el).querySelector('.leaflet-popup .member-card__title')).to.exist;
    const zoom = pageMap.getZoom();
    (container.querySelector('.leaflet-control-zoom-in') as HTMLElement).click();
    await waitUntil(() => pageMap.getZoom() === zoom + 1, 'page map zoomed in');
    expect(pageMap.dragging.enabled()).to.equal(true);
    expect(container.querySelectorAll('.leaflet-marker-icon')).to.have.length(1);
    // The default icon image of Leaflet 1.7 still resolves (its CSS path detection is intact).
    const icon = container.querySelector<HTMLImageElement>('img.leaflet-marker-icon')!;
    await waitUntil(() => icon.complete && icon.naturalWidth > 0, 'page marker image loaded');
    expect(icon.getAttribute('src')).to.contain('/leaflet-1.7/dist/images/marker-icon');
    pageMap.closePopup();
    // Nothing of the page's map leaked into ours, nor the other way round.
    expect(shadow(el).querySelectorAll('.leaflet-container')).to.have.length(1);
    expect(document.querySelectorAll('.leaflet-container')).to.have.length(1);
  });

  it('looks exactly as on a plain page under the theme (boxes, fonts, popup, list)', async () => {
    const el = await memberMap();
    const themed = await measure(el);
    const list = await measureList(el);
    // The theme is really there: the page around the element is 10px-rem, serif, justified.
    expect(getComputedStyle(document.documentElement).fontSize).to.equal('10px');
    expect(getComputedStyle(document.body).textAlign).to.equal('justify');
    expect(getComputedStyle(content.querySelector('p')!).textIndent).to.not.equal('0px');
    // Known values, then every measurement against the plain page.
    expect(themed['element height']).to.equal(480);
    expect(themed['element width']).to.equal(800);
    expect([themed['marker width'], themed['marker height']]).to.deep.equal([26, 26]);
    expect(themed['popup font-size']).to.equal(reference.map['popup font-size']);
    expect(themed).to.deep.equal(reference.map);
    expect(list).to.deep.equal(reference.list);
  });

  it('sends a Referer with its tile requests although the page says no-referrer', async () => {
    const origin = ((await (await fetch('/__tiles/origin')).json()) as { origin: string }).origin;
    const prefix = `host-page-${Date.now()}`;
    const log = async () =>
      ((await (await fetch('/__tiles/log')).json()) as TileRequest[]).filter((request) => request.path.startsWith(`/${prefix}/`));

    // The page's policy is in force: an image the page itself loads goes without a Referer.
    const probe = new Image();
    probe.src = `${origin}/${prefix}/page/1/1/1.png`;
    await probe.decode();
    const [pageRequest] = await log();
    expect(pageRequest.referer, 'the page\'s own request').to.equal(null);

    const el = await memberMap({ tiles: 'on', 'tile-url': `${origin}/${prefix}/element/{z}/{x}/{y}.png` });
    await waitUntil(async () => (await log()).some((request) => request.path.includes('/element/')), 'tiles requested', {
      timeout: 5000,
    });
    await waitUntil(() => [...shadow(el).querySelectorAll<HTMLImageElement>('img.leaflet-tile')].some((tile) => tile.complete && tile.naturalWidth > 0), 'a tile shown');
    const tiles = (await log()).filter((request) => request.path.includes('/element/'));
    expect(tiles.length).to.be.greaterThan(0);
    for (const request of tiles) expect(request.referer, request.path).to.equal(`${location.origin}/`);
    // The page's own Leaflet never requested anything from the tile server.
    expect((await log()).filter((request) => !request.path.includes('/element/') && !request.path.includes('/page/'))).to.deep.equal([]);
  });
});

describe('a page in ISO-8859-1', () => {
  it('runs the classic script served without a character set, and shows its German text right', async () => {
    // Older CMS installations serve their pages as ISO-8859-1 and scripts with no character set: the
    // browser then decodes the script as the page. UTF-8 text in it broke it with a syntax error.
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 420px; border: 0';
    const errors: string[] = [];
    const loaded = new Promise<void>((resolve) => (frame.onload = () => resolve()));
    frame.src = '/latin1/test/fixtures/latin1-page.html';
    document.body.append(frame);
    try {
      await loaded;
      const win = frame.contentWindow as Window & typeof globalThis;
      win.addEventListener('error', (event) => errors.push(event.message));
      expect(win.document.characterSet, 'the page is read as Latin-1').to.equal('windows-1252');
      await waitUntil(() => win.customElements.get('member-map'), 'the element defined (a script that does not parse never defines it)', { timeout: 6000 });
      const el = win.document.querySelector('member-map')!;
      await waitUntil(() => shadow(el).querySelectorAll('.member-marker, .member-cluster').length > 0, 'the members on the map', { timeout: 3000 });
      const text = shadow(el).textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Dabei wird Ihre IP-Adresse an tile.openstreetmap.org übertragen.');
      const search = shadow(el).querySelector('input[type="search"]') as HTMLInputElement;
      expect(search.placeholder).to.contain('…');
      expect(errors).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
