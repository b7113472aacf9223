import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendMouse, setViewport } from '@web/test-runner-commands';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bbox as topologyExtent, feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { BasemapData } from '../src/map/basemap.js';
import type { MemberMap } from '../src/member-map.js';
import { loadedMap, nextFrame, shadow, watchFailures } from './helpers.js';

const GERMANY_FILL = [0xfc, 0xfb, 0xf7];
const NEIGHBOUR_FILL = [0xeb, 0xe8, 0xe0];

/**
 * Waits until the basemap is drawn: it is added in slices, country by country, the city labels last.
 * The test server builds the file on its first request (scripts/basemap.js keeps it in
 * node_modules/.cache after that), which takes seconds on a busy machine.
 */
async function basemapPane(el: HTMLElement): Promise<SVGSVGElement> {
  await waitUntil(() => shadow(el).querySelector('.city-label'), 'basemap drawn', { timeout: 30000 });
  return shadow(el).querySelector<SVGSVGElement>('.leaflet-member-map-basemap-pane svg')!;
}

/** Rasterises the basemap's SVG layer, as the browser draws it, into RGBA pixels. */
async function pixelsOf(svg: SVGSVGElement): Promise<ImageData> {
  const { width, height } = svg.getBoundingClientRect();
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width);
  canvas.height = Math.round(height);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

function share(pixels: ImageData, [r, g, b]: number[]): number {
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (Math.abs(pixels.data[i] - r) < 3 && Math.abs(pixels.data[i + 1] - g) < 3 && Math.abs(pixels.data[i + 2] - b) < 3) count += 1;
  }
  return count / (pixels.width * pixels.height);
}

/** Collects console.warn calls instead of printing them, until `restore()`. */
function captureWarnings(): { warnings: unknown[][]; restore: () => void } {
  const warn = console.warn;
  const warnings: unknown[][] = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
  return { warnings, restore: () => (console.warn = warn) };
}

describe('offline basemap', () => {
  it('is fetched from next to the script, from the page origin', async () => {
    const start = performance.now();
    const el = await loadedMap('members.geojson');
    await basemapPane(el);
    const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.startTime >= start && entry.name.includes('member-map-basemap.json'))
      .map((entry) => new URL(entry.name));
    expect(requests.length).to.be.within(0, 1); // one per page at most: a second map reuses it
    for (const url of requests) {
      expect(url.origin).to.equal(location.origin);
      expect(url.pathname).to.equal('/src/member-map-basemap.json');
    }
  });

  it('draws Germany in its land colour under the members, its neighbours around it', async () => {
    const el = await loadedMap('members.geojson');
    const svg = await basemapPane(el);
    // The map's centre, in the basemap's own coordinates as displayed (Leaflet moves the SVG with a
    // CSS transform, which a rasterised copy of the SVG does not see).
    const map = shadow(el).querySelector('.leaflet-container')!.getBoundingClientRect();
    const centre = new DOMPoint(map.left + map.width / 2, map.top + map.height / 2).matrixTransform(svg.getScreenCTM()!.inverse());
    const germany = [...svg.querySelectorAll('path')].find((path) => path.getAttribute('fill') === '#fcfbf7')!;
    expect(germany.isPointInFill(centre), 'the centre of the fitted map is German land').to.equal(true);
    const pixels = await pixelsOf(svg);
    expect(share(pixels, GERMANY_FILL)).to.be.greaterThan(0.1);
    expect(share(pixels, NEIGHBOUR_FILL)).to.be.greaterThan(0.1);
  });

  it('draws the lines between the Länder lighter and dashed, under the national border; names BKG', async () => {
    const el = await loadedMap('members.geojson');
    const svg = await basemapPane(el);
    const dashed = [...svg.querySelectorAll('path')].filter((path) => path.getAttribute('stroke-dasharray'));
    expect(dashed).to.have.length(1); // one MultiLineString: every line between two Länder
    const border = dashed[0]!;
    expect(Number(border.getAttribute('stroke-width'))).to.be.below(1.6);
    expect(border.getAttribute('stroke')).to.equal('#aab0b8');
    expect(border.getAttribute('fill')).to.equal('none');
    expect(border.getAttribute('d')!.split('M').length).to.be.greaterThan(16);
    expect(shadow(el).querySelector('.leaflet-control-attribution')!.textContent).to.contain('GeoBasis-DE / BKG');
  });

  it('with region, outlines its Land, tones the others down and shows the whole Land', async () => {
    const el = await loadedMap('members.geojson', { region: 'DE-BW' });
    const svg = await basemapPane(el);
    await waitUntil(() => svg.querySelector('path[stroke="#4f5863"]'), 'the region outline');
    const outline = svg.querySelector('path[stroke="#4f5863"]')!;
    expect(outline.getAttribute('stroke-width')).to.equal('2.2');
    const toned = [...svg.querySelectorAll('path[fill-opacity="0.65"]')];
    expect(toned).to.have.length(15);
    // The map shows all of Baden-Württemberg (47.5–49.8° N, 7.5–10.5° E), not just its members' box.
    const map = shadow(el).querySelector('.leaflet-container')!.getBoundingClientRect();
    const box = outline.getBoundingClientRect();
    expect(box.left).to.be.at.least(map.left - 1);
    expect(box.right).to.be.at.most(map.right + 1);
    expect(box.top).to.be.at.least(map.top - 1);
    expect(box.bottom).to.be.at.most(map.bottom + 1);
    expect(box.width * box.height).to.be.greaterThan(0.15 * map.width * map.height);
  });

  it('labels the largest cities without overlapping labels', async () => {
    const el = await loadedMap('members.geojson');
    await basemapPane(el);
    const labels = [...shadow(el).querySelectorAll<HTMLElement>('.city-label span')];
    const names = labels.map((label) => label.textContent);
    for (const city of ['Berlin', 'Hamburg', 'München', 'Köln']) expect(names).to.include(city);
    const boxes = labels.map((label) => label.getBoundingClientRect());
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b, j) => {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${names[i]} / ${names[i + 1 + j]}`).to.equal(true);
      }),
    );
    expect(shadow(el).querySelector('.leaflet-control-attribution')!.textContent).to.contain('Natural Earth').and.contain('GeoNames');
  });

  it('follows basemap-url, and a missing basemap leaves the members usable', async () => {
    const { warnings, restore } = captureWarnings();
    try {
      const el = await loadedMap('members.geojson', { 'basemap-url': '/nowhere/basemap.json' });
      await waitUntil(() => warnings.length > 0, 'a warning about the basemap');
      expect(String(warnings[0][0])).to.contain('/nowhere/basemap.json');
      expect(shadow(el).querySelector('.leaflet-member-map-basemap-pane path')).to.equal(null);
      expect(shadow(el).querySelectorAll('.member-marker, .member-cluster').length).to.be.greaterThan(0);

      const custom = document.createElement('member-map');
      custom.setAttribute('basemap-url', '/elsewhere/member-map-basemap.json');
      custom.setAttribute('src', '/test/fixtures/members.geojson');
      const loaded = oneEvent(custom, 'member-map-load');
      el.after(custom);
      custom.scrollIntoView();
      await loaded;
      await basemapPane(custom);
      expect(performance.getEntriesByName(new URL('/elsewhere/member-map-basemap.json', location.href).href)).to.have.length(1);
    } finally {
      restore();
    }
  });

  it('warns once about a file that is JSON but no basemap, and draws nothing', async () => {
    const { warnings, restore } = captureWarnings();
    try {
      // A member file: valid JSON, fetched fine, rejected when parsed (which happens when it is drawn).
      const el = await loadedMap('members.geojson', { 'basemap-url': '/test/fixtures/members.geojson' });
      await waitUntil(() => warnings.length > 0, 'a warning about the basemap');
      // Both ways to start the drawing (two frames later, and the 300 ms timer) have run by now.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(warnings.map((args) => String(args[0]))).to.deep.equal([
        '<member-map>: the offline basemap /test/fixtures/members.geojson could not be loaded:',
      ]);
      expect(String(warnings[0][1])).to.contain('not a member-map basemap');
      expect(shadow(el).querySelector('.leaflet-member-map-basemap-pane path')).to.equal(null);
      expect(shadow(el).querySelectorAll('.member-marker, .member-cluster').length).to.be.greaterThan(0);
    } finally {
      restore();
    }
  });

  it('is not drawn into a map that went away meanwhile', async () => {
    const watch = watchFailures();
    try {
      const el = await loadedMap('members.geojson');
      const pane = shadow(el).querySelector('.leaflet-member-map-basemap-pane')!;
      el.remove(); // right after the load event: the basemap was due two frames later
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(pane.querySelector('path')).to.equal(null);
      expect(shadow(el).querySelector('.leaflet-host')).to.equal(null);
    } finally {
      watch.stop();
    }
    expect(watch.failures).to.deep.equal([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// The basemap fills every map: wherever a map of any size looks, at any zoom it allows, the basemap
// has data, so no straight edge where its data stops and no empty sea where there is land.

type Area = [west: number, south: number, east: number, north: number];
interface Basemap {
  /** Where the countries' data is, from their arcs: past this, the basemap draws nothing. */
  extent: Area;
  germany: Area;
  /** Cities by name (names that occur once only, so that a label says which city it stands on). */
  cities: Map<string, { lng: number; lat: number }>;
}

const mercator = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latitude = (y: number) => (Math.atan(Math.sinh(y)) * 180) / Math.PI;

function extentOf(coordinates: number[][]): Area {
  const area: Area = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of coordinates) {
    area[0] = Math.min(area[0], lng);
    area[1] = Math.min(area[1], lat);
    area[2] = Math.max(area[2], lng);
    area[3] = Math.max(area[3], lat);
  }
  return area;
}

let basemapFile: Promise<Basemap> | undefined;
/** The basemap file the element draws, read independently of the element. */
function basemap(): Promise<Basemap> {
  basemapFile ??= fetch('/src/member-map-basemap.json')
    .then((response) => response.json() as Promise<BasemapData>)
    .then((data) => {
      const countries = data.topology.objects.countries;
      const germany = countries.geometries.find((country) => (country.properties as { germany?: boolean } | undefined)?.germany)!;
      const outline = (feature(data.topology, germany) as Feature<MultiPolygon>).geometry;
      const names = data.cities.map((city) => city.name);
      return {
        extent: topologyExtent(data.topology) as Area,
        germany: extentOf(outline.coordinates.flat(2)),
        cities: new Map(data.cities.filter((city) => names.indexOf(city.name) === names.lastIndexOf(city.name)).map((city) => [city.name, city])),
      };
    });
  return basemapFile;
}

type Land = (lng: number, lat: number) => boolean;
const landFiles = new Map<string, Promise<Land>>();
/**
 * Where there is land, from a source of its own: Natural Earth's 1:50m countries (world-atlas; its
 * `land` counts the Caspian Sea as land, and 1:110m misses the White Sea), by the even–odd rule. Rings that cross the antimeridian
 * (Russia's) are continued past 180°, and each place is tried 360° east and west as well.
 * Up close (zoom 14) 1:50m is too coarse, its coasts lie kilometres off: there the reference is the
 * 1:10m countries, the basemap's own source, so that check is on what the element draws and on how the
 * basemap was simplified and quantised near Germany (about 200 m), not on the source.
 */
function landReference(scale: '50m' | '10m' = '50m'): Promise<Land> {
  let landFile = landFiles.get(scale);
  if (landFile) return landFile;
  landFile = fetch(`/node_modules/world-atlas/countries-${scale}.json`)
    .then((response) => response.json() as Promise<Topology<{ countries: GeometryCollection }>>)
    .then((topology) => {
      const land = feature(topology, topology.objects.countries) as FeatureCollection<Polygon | MultiPolygon>;
      const rings = land.features.filter((shape) => shape.geometry).flatMap((shape) =>
        (shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates).flat().map((ring) => {
          let offset = 0;
          const points = ring.map(([lng, lat], i) => {
            const previous = ring[i - 1];
            if (previous && lng - previous[0] > 180) offset -= 360;
            if (previous && previous[0] - lng > 180) offset += 360;
            return [lng + offset, lat];
          });
          return { points, extent: extentOf(points) };
        }),
      );
      const inside = (x: number, y: number) => {
        let odd = false;
        for (const { points, extent } of rings) {
          if (x < extent[0] || x > extent[2] || y < extent[1] || y > extent[3]) continue;
          for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
            const [xi, yi] = points[i];
            const [xj, yj] = points[j];
            if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
          }
        }
        return odd;
      };
      return (lng: number, lat: number) => [lng, lng + 360, lng - 360].some((x) => inside(x, lat));
    });
  landFiles.set(scale, landFile);
  return landFile;
}

interface View {
  zoom: number;
  /** The largest distance of a label from where the view puts its city (px). */
  residual: number;
  toScreen(lng: number, lat: number): { x: number; y: number };
  toPlace(x: number, y: number): { lng: number; lat: number };
}

/**
 * Where the map shows which place, read from the city labels: each label's box starts exactly on its
 * city (Leaflet puts markers on whole pixels), and Web Mercator is linear in longitude and in
 * mercator(latitude), with one scale of 256 · 2^zoom px for the whole world. The map zooms in
 * quarter steps. `map.getBounds()` itself is not reachable from outside the element.
 */
function viewOf(el: HTMLElement, cities: Basemap['cities']): View | undefined {
  const placed = [...shadow(el).querySelectorAll<HTMLElement>('.city-label')].flatMap((label) => {
    const city = cities.get(label.textContent ?? '');
    if (!city) return [];
    const box = label.getBoundingClientRect();
    return [{ x: box.left, y: box.top, u: (city.lng + 180) / 360, v: 0.5 - mercator(city.lat) / (2 * Math.PI) }];
  });
  // Two labels fix scale and offset; the tiny map at its lowest zoom (2) shows no more.
  if (placed.length < 2) return undefined;
  const mean = (of: (point: (typeof placed)[number]) => number) => placed.reduce((sum, point) => sum + of(point), 0) / placed.length;
  const [u, v, x, y] = [mean((p) => p.u), mean((p) => p.v), mean((p) => p.x), mean((p) => p.y)];
  const scale = mean((p) => (p.u - u) * (p.x - x) + (p.v - v) * (p.y - y)) / mean((p) => (p.u - u) ** 2 + (p.v - v) ** 2);
  if (!(scale > 0)) return undefined;
  const zoom = Math.round(Math.log2(scale / 256) * 4) / 4;
  const world = 256 * 2 ** zoom;
  const left = x - world * u;
  const top = y - world * v;
  const residual = Math.max(...placed.map((p) => Math.hypot(left + world * p.u - p.x, top + world * p.v - p.y)));
  return {
    zoom,
    residual,
    toScreen: (lng, lat) => ({ x: left + (world * (lng + 180)) / 360, y: top + world * (0.5 - mercator(lat) / (2 * Math.PI)) }),
    toPlace: (px, py) => ({ lng: ((px - left) / world) * 360 - 180, lat: latitude((0.5 - (py - top) / world) * 2 * Math.PI) }),
  };
}

const sameView = (a: View, b: View, within = 0.5) => {
  const [p, q] = [a.toScreen(10, 51), b.toScreen(10, 51)];
  return a.zoom === b.zoom && Math.abs(p.x - q.x) < within && Math.abs(p.y - q.y) < within;
};

/**
 * The view once the map has come to rest (no zoom or pan animation, no drag, the labels unmoved for a
 * few polls), other than `before`. The basemap's SVG is redrawn for a new view only then (moveend).
 */
async function settledView(el: HTMLElement, cities: Basemap['cities'], before?: View): Promise<View> {
  const container = shadow(el).querySelector('.leaflet-container')!;
  const pane = shadow(el).querySelector('.leaflet-map-pane')!;
  const moving = () =>
    container.classList.contains('leaflet-zoom-anim') || container.classList.contains('leaflet-dragging') || pane.classList.contains('leaflet-pan-anim');
  let last: View | undefined;
  let still = 0;
  await waitUntil(
    () => {
      const view = viewOf(el, cities);
      if (!view || view.residual > 1.5 || moving() || (before && sameView(view, before))) {
        still = 0;
        return false;
      }
      still = last && sameView(view, last, 0.01) ? still + 1 : 0;
      last = view;
      return still >= 3;
    },
    'the map comes to rest',
    { interval: 50, timeout: 15000 },
  );
  // The basemap's SVG is redrawn for the new view on moveend and zoomend.
  await nextFrame();
  await nextFrame();
  return last!;
}

const mapBox = (el: HTMLElement) => shadow(el).querySelector('.leaflet-container')!.getBoundingClientRect();

/**
 * Points just inside the map's edges, every `step` px, all the way round: 4 px inside, as Leaflet
 * keeps the view inside its bounds to the pixel and the labels give the view to half a pixel.
 */
function edgePoints(map: DOMRect, step = 20): { x: number; y: number }[] {
  const [left, right, top, bottom] = [map.left + 4, map.right - 4, map.top + 4, map.bottom - 4];
  const points: { x: number; y: number }[] = [];
  for (let x = left; x <= right; x += step) points.push({ x, y: top }, { x, y: bottom });
  for (let y = top; y <= bottom; y += step) points.push({ x: left, y }, { x: right, y });
  return points;
}

/** Which reference says where land is, and how far around it must be land to count as land for certain. */
interface LandCheck {
  scale: '50m' | '10m';
  /** In degrees of latitude; east and west as many kilometres. */
  radius: number;
}
/** 100 km in 1:50m: the basemap simplifies coasts far from Germany for zoom 4, where a pixel is 5–10 km. */
const FAR: LandCheck = { scale: '50m', radius: 0.9 };
/**
 * About 1.7 km in 1:10m, for zoom 14 near Germany (a pixel about 6 m): the basemap keeps Germany's
 * surroundings at zoom-9 detail, quantised to 0.0036° × 0.0017° (about 240 × 190 m at 54° N).
 */
const CLOSE: LandCheck = { scale: '10m', radius: 0.015 };

/** Land for certain: the reference has land here and `radius` around. */
const deepLand = (land: Land, { lng, lat }: { lng: number; lat: number }, radius = FAR.radius) => {
  const [dx, dy] = [radius / Math.cos((lat * Math.PI) / 180), radius];
  return [
    [0, 0],
    [-dx, 0],
    [dx, 0],
    [0, -dy],
    [0, dy],
  ].every(([x, y]) => land(lng + x, lat + y));
};

/**
 * What a visitor sees here: the whole map lies inside the basemap's data, and wherever the map's
 * edge is over land, the basemap has drawn land there. Returns how many edge points were land.
 */
async function expectCovered(el: HTMLElement, view: View, what: string, check: LandCheck = FAR): Promise<number> {
  const [data, land] = await Promise.all([basemap(), landReference(check.scale)]);
  const map = mapBox(el);
  const [west, south, east, north] = data.extent;
  const nw = view.toScreen(west, north);
  const se = view.toScreen(east, south);
  const corner = (x: number, y: number) => Object.values(view.toPlace(x, y)).map((degrees) => degrees.toFixed(2)).join(', ');
  const places = `${corner(map.left, map.top)} to ${corner(map.right, map.bottom)}`;
  // Within 2 px: Leaflet keeps the view inside its bounds to the pixel, the labels give it to half a pixel.
  expect(
    nw.x <= map.left + 2 && nw.y <= map.top + 2 && se.x >= map.right - 2 && se.y >= map.bottom - 2,
    `${what} (zoom ${view.zoom}, map ${map.width} × ${map.height} px): it shows ${places}, past the basemap's data ${JSON.stringify(data.extent)}`,
  ).to.equal(true);

  const svg = shadow(el).querySelector<SVGSVGElement>('.leaflet-member-map-basemap-pane svg')!;
  let count = 0;
  const uncovered = () => {
    const toSvg = svg.getScreenCTM()!.inverse();
    const shapes = [...svg.querySelectorAll<SVGPathElement>('path')].filter((path) => ['#fcfbf7', '#ebe8e0'].includes(path.getAttribute('fill') ?? ''));
    const missing: string[] = [];
    count = 0;
    for (const point of edgePoints(map)) {
      const place = view.toPlace(point.x, point.y);
      if (!deepLand(land, place, check.radius)) continue;
      count += 1;
      // A point on a border may fall between two countries' fills: Leaflet simplifies each polygon on its
      // own by up to a pixel (the border's line covers that on screen). Land within 1.5 px counts.
      const near = [[0, 0], [1.5, 0], [-1.5, 0], [0, 1.5], [0, -1.5]].map(([dx, dy]) => new DOMPoint(point.x + dx!, point.y + dy!).matrixTransform(toSvg));
      const digits = check.radius < 0.1 ? 4 : 1;
      if (!near.some((inSvg) => shapes.some((path) => path.isPointInFill(inSvg)))) missing.push(`${place.lng.toFixed(digits)}, ${place.lat.toFixed(digits)}`);
    }
    return missing;
  };
  // Leaflet redraws the SVG for a new view at the end of the move, which a busy machine may delay past
  // the moment the labels settle: a real gap stays a gap for the whole wait.
  await waitUntil(() => uncovered().length === 0, undefined, { timeout: 5000 }).catch(() => undefined);
  expect(uncovered(), `${what} (zoom ${view.zoom}): land at the map's edge that the basemap leaves as sea`).to.deep.equal([]);
  return count;
}

/** The sample members in a map of this size, before consent, with the basemap drawn. */
async function sizedMap(width: number, height: number, attributes: Record<string, string> = {}): Promise<MemberMap> {
  await setViewport({ width: Math.max(800, width + 40), height: Math.max(600, height + 40) });
  const el = document.createElement('member-map') as MemberMap;
  el.style.setProperty('--member-map-height', `${height}px`);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const loaded = oneEvent(el, 'member-map-load');
  el.src = new URL('/data/members.geojson', location.href).href;
  await fixture(html`<div style="width: ${width}px">${el}</div>`);
  el.scrollIntoView();
  await loaded;
  // The test server builds the basemap on its first request, which takes seconds on a busy machine.
  await waitUntil(() => shadow(el).querySelector('.city-label'), 'basemap drawn', { timeout: 30000 });
  return el;
}

const zoomButton = (el: HTMLElement, which: 'in' | 'out') => shadow(el).querySelector<HTMLElement>(`.leaflet-control-zoom-${which}`)!;

describe('offline basemap fills every map', function () {
  this.timeout(120_000);
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [width, height] of [
    [1280, 420],
    [1920, 360],
    [1920, 1080],
    [375, 480],
    [240, 240],
  ]) {
    it(`${width} × ${height} px: covered after the fit, one level in, and at every level out to the lowest`, async () => {
      const { cities } = await basemap();
      const el = await sizedMap(width, height);
      let view = await settledView(el, cities);
      await expectCovered(el, view, 'fitted');
      const fitted = view.zoom;

      // (A map whose members do not fit, such as the sample at 240 × 240, opens at the highest zoom.)
      if (!zoomButton(el, 'in').classList.contains('leaflet-disabled')) {
        zoomButton(el, 'in').click();
        view = await settledView(el, cities, view);
        expect(view.zoom).to.be.greaterThan(fitted);
        await expectCovered(el, view, 'one level in');
      }

      const zooms = [view.zoom];
      while (!zoomButton(el, 'out').classList.contains('leaflet-disabled')) {
        expect(zooms.length, 'zoom levels').to.be.below(16);
        zoomButton(el, 'out').click();
        view = await settledView(el, cities, view);
        zooms.push(view.zoom);
        await expectCovered(el, view, 'zoomed out');
      }
      // The lowest zoom is the map's own (4), or a little higher where a map is larger than the data; a
      // map too small for the members at 4 (the full map at 240 × 240, 115 px under its toolbar) goes as
      // low as they need, 2 at most (test/fit-overlays.test.ts), and is covered there too (above).
      if (width === 240) expect(view.zoom, `zooms ${zooms.join(' → ')}`).to.be.within(2, 4);
      else expect(view.zoom, `zooms ${zooms.join(' → ')}`).to.be.within(4, 4.75);
      if (width <= 1920 && height <= 420 && width !== 240) expect(view.zoom).to.equal(4);
    });
  }

  for (const [width, height] of [
    [400, 160],
    [1920, 240],
  ]) {
    it(`the sidebar teaser at ${width} × ${height} px (fitted to all of Germany; it may zoom out to 2) is covered`, async () => {
      const { cities } = await basemap();
      const el = await sizedMap(width, height, { teaser: '', href: '#karte' });
      const view = await settledView(el, cities);
      await expectCovered(el, view, 'teaser');
    });
  }

  it('1920 × 360 px: Germany fills the height, and the edges are land where the map reaches Asia', async () => {
    const data = await basemap();
    const land = await landReference();
    const el = await sizedMap(1920, 360);
    const view = await settledView(el, data.cities);
    const map = mapBox(el);
    const [west, south, east, north] = data.germany;
    const top = view.toScreen(west, north);
    const bottom = view.toScreen(east, south);
    expect(top.y, 'Germany\'s north inside the map').to.be.at.least(map.top - 1);
    expect(bottom.y, 'Germany\'s south inside the map').to.be.at.most(map.bottom + 1);
    expect((bottom.y - top.y) / map.height, 'Germany\'s share of the map\'s height').to.be.greaterThan(0.5);

    // As drawn: the basemap's SVG as pixels, at the map's left and right edges.
    const svg = shadow(el).querySelector<SVGSVGElement>('.leaflet-member-map-basemap-pane svg')!;
    const pixels = await pixelsOf(svg);
    const box = svg.getBoundingClientRect();
    const drawn = (x: number, y: number) => {
      const px = Math.round(((x - box.left) * pixels.width) / box.width);
      const py = Math.round(((y - box.top) * pixels.height) / box.height);
      return pixels.data[(py * pixels.width + px) * 4 + 3] > 200; // not transparent: land (or a border on it)
    };
    let lands = 0;
    const sea: string[] = [];
    for (const x of [map.left + 3, map.right - 3]) {
      for (let y = map.top + 4; y < map.bottom - 4; y += 8) {
        const place = view.toPlace(x, y);
        if (!deepLand(land, place)) continue;
        lands += 1;
        if (!drawn(x, y)) sea.push(`${place.lng.toFixed(1)}, ${place.lat.toFixed(1)}`);
      }
    }
    expect(lands, 'edge points over land (Kazakhstan and Russia, east of the Volga)').to.be.greaterThan(10);
    expect(sea, 'drawn as sea, though land').to.deep.equal([]);
  });

  for (const center of ['72,-75', '28,96', '71,95', '30,-70']) {
    it(`a map opened at ${center}, zoom 4, is kept inside the basemap's data`, async () => {
      const { cities } = await basemap();
      const el = await sizedMap(1280, 420, { center, zoom: '4' });
      const view = await settledView(el, cities);
      await expectCovered(el, view, `opened at ${center}`);
    });
  }

  // The deepest zoom the map allows (14, a pixel about 6 m): inland over Heidelberg, and on the Baltic
  // coast at Boltenhagen and at Ahlbeck on Usedom (where the coast meets the Polish border).
  for (const [place, center] of [
    ['Heidelberg', '49.4094,8.6942'],
    ['Boltenhagen', '53.99,11.2'],
    ['Ahlbeck', '53.94,14.19'],
  ] as const) {
    it(`a map opened at the deepest zoom (14) over ${place} is covered, with land where there is land`, async () => {
      const { cities } = await basemap();
      const el = await sizedMap(1280, 420, { center, zoom: '14' });
      const view = await settledView(el, cities);
      expect(view.zoom).to.equal(14);
      expect(zoomButton(el, 'in').classList.contains('leaflet-disabled'), 'the deepest zoom: no level further in').to.equal(true);
      const lands = await expectCovered(el, view, `${place} at zoom 14`, CLOSE);
      // Not a test that checks nothing: land at the edge, and on the coast open sea as well.
      const land = await landReference(CLOSE.scale);
      const map = mapBox(el);
      const sea = edgePoints(map).filter((point) => {
        const { lng, lat } = view.toPlace(point.x, point.y);
        const dx = CLOSE.radius / Math.cos((lat * Math.PI) / 180);
        return [[0, 0], [-dx, 0], [dx, 0], [0, -CLOSE.radius], [0, CLOSE.radius]].every(([x, y]) => !land(lng + x!, lat + y!));
      }).length;
      const points = edgePoints(map).length;
      if (place === 'Heidelberg') expect(lands, `edge points over land, of ${points}`).to.equal(points);
      else {
        expect(lands, `edge points over land, of ${points}`).to.be.greaterThan(points / 5);
        expect(sea, `edge points over open sea, of ${points}`).to.be.greaterThan(points / 10);
      }
    });
  }

  it('dragging the map stops where the basemap\'s data ends', async () => {
    const { cities } = await basemap();
    const el = await sizedMap(1280, 420, { center: '51,10', zoom: '4' });
    let view = await settledView(el, cities);
    const map = mapBox(el);
    const drags = [
      [900, 0], // the map moves right: the view goes west
      [900, 0],
      [0, 300], // north
      [0, 300],
      [-900, 0], // east
      [-900, 0],
      [-900, 0],
      [0, -300], // south
      [0, -300],
      [0, -300],
    ];
    for (const [dx, dy] of drags) {
      const from = { x: Math.round(map.left + map.width / 2 - dx / 2), y: Math.round(map.top + map.height / 2 - dy / 2) };
      await sendMouse({ type: 'move', position: [from.x, from.y] });
      await sendMouse({ type: 'down' });
      for (let step = 1; step <= 4; step += 1) await sendMouse({ type: 'move', position: [Math.round(from.x + (dx * step) / 4), Math.round(from.y + (dy * step) / 4)] });
      await sendMouse({ type: 'up' });
      view = await settledView(el, cities);
      await expectCovered(el, view, `dragged by ${dx}, ${dy}`);
    }
  });
});
