import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { MemberMap } from '../src/member-map.js';
import { overlayInsets } from '../src/map/overlay-insets.js';
import { shadow, visibleCounts } from './helpers.js';
import '../src/define.js';

// After every fit, each member marker and cluster lies wholly inside the map (its point at least half
// its size from the edge) and clear of what covers the map: the consent bar (after consent, "Detailkarte
// ausblenden"), the zoom buttons and the credit line.

/** Germany's four extremes, as a web editor's wide banner must show them. */
const EXTREMES = {
  type: 'FeatureCollection',
  features: [
    ['list', 'List auf Sylt', 'Schleswig-Holstein', 8.4167, 55.0167],
    ['oberstdorf', 'Oberstdorf', 'Bayern', 10.2792, 47.4097],
    ['goerlitz', 'Görlitz', 'Sachsen', 14.9872, 51.1528],
    ['selfkant', 'Selfkant', 'Nordrhein-Westfalen', 5.9214, 51.0107],
  ].map(([id, municipality, state, lng, lat]) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: { id, municipality, state, role: 'Beauftragte für Bürgerbeteiligung' },
  })),
};
const SAMPLE = new URL('/data/members.geojson', location.href).href;
/** The places file, as the test server serves it wherever the element looks for it. */
const PLACES = '/fit-overlays/member-map-places.json';

const SIZES: Array<[number, number]> = [
  [375, 480],
  [800, 300],
  [1200, 300],
  [1280, 420],
  [1920, 360],
  [1920, 1080],
];

const rect = (element: Element) => element.getBoundingClientRect();
const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const describeBox = (box: DOMRect) => `${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`;

async function mount(width: number, height: number, attributes: Record<string, string>, data?: object): Promise<MemberMap> {
  await setViewport({ width: Math.max(width + 40, 800), height: Math.max(height + 200, 600) });
  const el = document.createElement('member-map') as MemberMap;
  el.style.setProperty('--member-map-height', `${height}px`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const loaded = oneEvent(el, 'member-map-load');
  if (data) el.data = data;
  await fixture(html`<div style="width: ${width}px">${el}</div>`);
  el.scrollIntoView();
  await loaded;
  await el.updateComplete;
  // What the visitor sees: the offline basemap drawn too (it may bound the view once it is there).
  await waitUntil(() => shadow(el).querySelector('.leaflet-member-map-basemap-pane path'), 'the offline basemap', { timeout: 10000 });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return el;
}

/** Every marker and cluster on the map, against the map's box and the controls over it. */
function misplaced(el: MemberMap, controls = ['.consent-prompt', '.leaflet-control-zoom', '.leaflet-control-attribution']): string[] {
  const root = shadow(el);
  const map = rect(root.querySelector('.leaflet-container')!);
  const covers = controls.flatMap((selector) => [...root.querySelectorAll(selector)].map((node) => [selector, rect(node)] as const));
  const problems: string[] = [];
  for (const icon of root.querySelectorAll('.member-marker, .member-cluster')) {
    const box = rect(icon);
    const name = icon.getAttribute('title') ?? icon.getAttribute('aria-label') ?? icon.className;
    if (box.left < map.left || box.right > map.right || box.top < map.top || box.bottom > map.bottom) {
      problems.push(`${name} ${describeBox(box)} not wholly inside the map ${describeBox(map)}`);
    }
    for (const [selector, cover] of covers) {
      if (cover.width > 0 && overlaps(box, cover)) problems.push(`${name} ${describeBox(box)} under ${selector} ${describeBox(cover)}`);
    }
  }
  return problems;
}

describe('fits clear the overlays', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [width, height] of SIZES) {
    it(`${width} × ${height}: Germany's four extremes and the sample, clear of bar, zoom buttons and credit`, async () => {
      const extremes = await mount(width, height, {}, EXTREMES);
      expect(visibleCounts(extremes).total, 'every member on the map (an empty map would pass the rest)').to.equal(4);
      expect(misplaced(extremes)).to.deep.equal([]);
      expect(shadow(extremes).querySelector('.consent-prompt'), 'the consent bar is there to keep clear of').to.not.equal(null);
      extremes.remove();
      const sample = await mount(width, height, { src: SAMPLE });
      expect(visibleCounts(sample).total).to.equal(63);
      expect(misplaced(sample)).to.deep.equal([]);
    });
  }

  it('a map that opens with `near` is fitted again when the bar above it appears (1280 × 480 and 375 × 480)', async () => {
    for (const [width, height] of [[1280, 480], [375, 480]] as const) {
      const el = await mount(width, height, { src: SAMPLE, near: 'Neustadt, Hessen' });
      await waitUntil(() => shadow(el).querySelector('.near-bar'), 'the bar above the map', { timeout: 5000 });
      await waitUntil(() => misplaced(el).length === 0 && visibleCounts(el).total === 5, `${width}: the five members clear of the overlays: ${misplaced(el).join('; ')}`, { timeout: 5000 });
    }
  });

  it('a place typed into the search field ("Heidelberg"): its nearest members clear of bar, zoom buttons and credit (375 × 480, 1280 × 420, 1920 × 360)', async () => {
    for (const [width, height] of [[375, 480], [1280, 420], [1920, 360]] as const) {
      const el = await mount(width, height, { src: SAMPLE, 'places-url': PLACES });
      const input = shadow(el).querySelector<HTMLInputElement>('[part="search"]')!;
      input.focus();
      await sendKeys({ type: 'Heidelberg' });
      const status = () => shadow(el).querySelector('[part="status"]')!.textContent!.trim();
      await waitUntil(
        () => status() === '5 Mitglieder in der Nähe von Heidelberg' && visibleCounts(el).total === 5,
        `${width} × ${height}: the five nearest members on the map (status: ${status()})`,
        { timeout: 5000 },
      );
      expect(shadow(el).querySelector('.place-marker'), 'the place is marked').to.not.equal(null);
      expect(shadow(el).querySelector('.consent-prompt'), 'the consent bar is there to keep clear of').to.not.equal(null);
      expect(misplaced(el), `${width} × ${height}`).to.deep.equal([]);
      el.remove();
    }
  });

  it('a fit after consent (the bar gone, "Detailkarte ausblenden" in its place) uses the room the bar took, clear of every control (1280 × 420 and 375 × 480)', async () => {
    const { origin } = (await (await fetch('/__tiles/origin')).json()) as { origin: string };
    for (const [width, height] of [[1280, 420], [375, 480]] as const) {
      const el = await mount(width, height, { 'tile-url': `${origin}/fit-overlays-${width}/{z}/{x}/{y}.png` }, EXTREMES);
      const lowest = () => Math.max(...[...shadow(el).querySelectorAll('.member-marker, .member-cluster')].map((icon) => rect(icon).bottom));
      const before = lowest();
      shadow(el).querySelector<HTMLButtonElement>('[part="consent"]')!.click();
      await waitUntil(
        () => !shadow(el).querySelector('.consent-prompt') && [...shadow(el).querySelectorAll<HTMLImageElement>('img.leaflet-tile')].some((tile) => tile.complete && tile.naturalWidth > 0),
        `${width} × ${height}: tiles instead of the consent bar`,
        { timeout: 5000 },
      );
      // The same members again: the fit of a new load, now without the bar.
      const loaded = oneEvent(el, 'member-map-load');
      el.data = structuredClone(EXTREMES);
      await loaded;
      await waitUntil(() => visibleCounts(el).total === 4, `${width} × ${height}: every member on the map again`, { timeout: 5000 });
      expect(shadow(el).querySelector('.consent-withdraw'), 'the way back is shown over the map').to.not.equal(null);
      expect(misplaced(el, ['.consent-withdraw', '.leaflet-control-zoom', '.leaflet-control-attribution']), `${width} × ${height}`).to.deep.equal([]);
      expect(lowest(), `${width} × ${height}: Oberstdorf moves down into the room the bar left`).to.be.above(before);
      // The sample, loaded after consent (at 375 × 480 its Freiburg marker came under "Detailkarte ausblenden").
      const sample = oneEvent(el, 'member-map-load');
      el.src = SAMPLE;
      el.data = undefined;
      await sample;
      await waitUntil(() => visibleCounts(el).total === 63, `${width} × ${height}: the sample on the map`, { timeout: 5000 });
      expect(misplaced(el, ['.consent-withdraw', '.leaflet-control-zoom', '.leaflet-control-attribution']), `${width} × ${height}, the sample`).to.deep.equal([]);
      el.remove();
    }
  });

  it('240 × 240 (a full map in a narrow sidebar): every marker inside the map, none under the consent bar', async () => {
    const el = await mount(240, 240, {}, EXTREMES);
    // (The toolbar leaves the map about 115 px, the bar and the credit cover most of it: the map zooms out below 4.)
    expect(visibleCounts(el).total).to.equal(4);
    expect(misplaced(el, ['.consent-prompt'])).to.deep.equal([]);
  });

  it('after region, near and "Auf der Karte zeigen", at 1280 × 420', async () => {
    const el = await mount(1280, 420, { region: 'DE-BY', src: SAMPLE });
    expect(misplaced(el)).to.deep.equal([]);
    el.region = '';
    el.near = 'Oberstdorf';
    await waitUntil(() => shadow(el).querySelector('.near-bar'), 'near answered', { timeout: 5000 });
    await waitUntil(() => visibleCounts(el).total === 5, 'the nearest members on the map', { timeout: 5000 });
    expect(misplaced(el)).to.deep.equal([]);
    // From the list to one member: its marker is clear of the controls too.
    el.near = '';
    await waitUntil(() => visibleCounts(el).total === 63, 'all members again', { timeout: 5000 });
    el.view = 'list';
    await el.updateComplete;
    const show = [...shadow(el).querySelectorAll<HTMLButtonElement>('.list button')].find((button) => button.closest('li')?.textContent?.includes('Dresden'))!;
    show.click();
    await waitUntil(() => shadow(el).querySelector('.leaflet-popup'), 'the popup opened', { timeout: 5000 });
    const marker = [...shadow(el).querySelectorAll('.member-marker')].find((icon) => icon.getAttribute('title')?.startsWith('Dresden'))!;
    const map = rect(shadow(el).querySelector('.leaflet-container')!);
    const box = rect(marker);
    expect(box.left >= map.left && box.right <= map.right && box.top >= map.top && box.bottom <= map.bottom, describeBox(box)).to.equal(true);
    for (const selector of ['.leaflet-control-zoom', '.leaflet-control-attribution', '.consent-prompt']) {
      const cover = shadow(el).querySelector(selector);
      if (cover) expect(overlaps(box, rect(cover)), `Dresden under ${selector}`).to.equal(false);
    }
  });
});

describe('overlayInsets: which band of the map an overlay takes', () => {
  const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
  it('a bar along the bottom of a wide map takes the bottom, as deep as it reaches in', () => {
    expect(overlayInsets(box(0, 0, 1280, 420), [box(10, 340, 650, 394)])).to.deep.equal({ top: 0, right: 0, bottom: 80, left: 0 });
  });
  it('the zoom buttons of a wide, short map take the left side; of a tall, narrow one the top', () => {
    expect(overlayInsets(box(0, 0, 1920, 360), [box(10, 10, 44, 80)])).to.deep.equal({ top: 0, right: 0, bottom: 0, left: 44 });
    expect(overlayInsets(box(0, 0, 240, 900), [box(10, 10, 44, 80)])).to.deep.equal({ top: 80, right: 0, bottom: 0, left: 0 });
  });
  it('keeps the deepest overlay per side, and ignores what lies outside the map or a map of no size', () => {
    const map = box(100, 100, 900, 500);
    expect(overlayInsets(map, [box(700, 480, 900, 500), box(110, 420, 600, 474), box(0, 0, 50, 50)])).to.deep.equal({ top: 0, right: 0, bottom: 80, left: 0 });
    expect(overlayInsets(box(0, 0, 0, 0), [box(0, 0, 10, 10)])).to.deep.equal({ top: 0, right: 0, bottom: 0, left: 0 });
  });
});
