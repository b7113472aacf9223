import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';

// A page with a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval') loading the
// classic script from a nested folder: a whole visitor session must not violate the policy.
const violations: string[] = [];
document.addEventListener("securitypolicyviolation", (event) => violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`), true);

const shadow = (el: Element) => el.shadowRoot!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('strict Content-Security-Policy', () => {
  let tileOrigin = '';

  before(async () => {
    tileOrigin = (await (await fetch('/__tiles/origin')).json()).origin;
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = `default-src 'self'; img-src 'self' data: ${tileOrigin}; style-src 'self'; script-src 'self'`;
    document.head.append(meta);
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/dist/member-map.iife.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('the bundle did not load: run `npm run build` first'));
      document.head.append(script);
    });
  });

  it('reports no violation through load, clusters, popup, list, search, contact panel and consent', async () => {
    const start = performance.now();
    const el = document.createElement('member-map') as HTMLElement & { selected: string; view: string };
    el.setAttribute('src', '/test/fixtures/members.geojson');
    el.setAttribute('tile-url', `${tileOrigin}/csp/{z}/{x}/{y}.png`);
    const loaded = oneEvent(el, 'member-map-load');
    const wrapper = await fixture<HTMLDivElement>(html`<div>${el}</div>`);
    wrapper.style.width = '800px'; // through the CSSOM: a style="" attribute would break this page's own policy
    await loaded;
    await waitUntil(() => shadow(el).querySelector('.leaflet-member-map-basemap-pane path'), 'basemap', { timeout: 5000 });

    shadow(el).querySelector<HTMLElement>('.member-cluster')!.click();
    await sleep(600);
    const selected = oneEvent(el, 'member-map-select');
    el.selected = 'hd';
    await selected;
    shadow(el).querySelector<HTMLButtonElement>('.member-card__join')!.click();
    await sleep(100);
    expect(shadow(el).querySelector('[part="contact-panel"]')).to.exist;
    el.view = 'list';
    await sleep(100);
    const input = shadow(el).querySelector<HTMLInputElement>('[part="search"]')!;
    input.value = 'köln';
    input.dispatchEvent(new InputEvent('input'));
    await sleep(300);
    expect(shadow(el).querySelectorAll('.list-member')).to.have.length(1);
    el.view = 'map';
    await sleep(100);
    shadow(el).querySelector<HTMLButtonElement>('[part="consent"]')!.click();
    await waitUntil(() => shadow(el).querySelector('img.leaflet-tile'), 'tiles after consent', { timeout: 3000 });
    await sleep(300);

    expect(violations).to.deep.equal([]);
    const failed = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (entry) => entry.startTime >= start && entry.responseStatus >= 400,
    );
    expect(failed.map((entry) => entry.name), 'no 404 from the nested folder').to.deep.equal([]);
  });
});
