import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { loadedMap, shadow, watchFailures } from './helpers.js';

const GERMANY_FILL = [0xfc, 0xfb, 0xf7];
const NEIGHBOUR_FILL = [0xeb, 0xe8, 0xe0];

/** Waits until the basemap is drawn: it is added in slices, country by country, the city labels last. */
async function basemapPane(el: HTMLElement): Promise<SVGSVGElement> {
  await waitUntil(() => shadow(el).querySelector('.city-label'), 'basemap drawn', { timeout: 5000 });
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
