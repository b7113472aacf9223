import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';

// The classic script, as a web editor embeds it: `npm test` builds dist/ before running this file.
const BUNDLE = '/dist/member-map.iife.js';

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`${src} did not load: run \`npm run build\` first.`));
    document.head.append(script);
  });
}

describe('dist/member-map.iife.js (classic script)', () => {
  before(async () => {
    await loadScript(BUNDLE);
  });

  it('registers <member-map> without creating window.L or window.Leaflet', () => {
    expect(customElements.get('member-map')).to.be.a('function');
    expect('L' in window).to.equal(false);
    expect('Leaflet' in window).to.equal(false);
  });

  it('shows the members with its bundled CSS and requests no assets', async () => {
    const start = performance.now();
    const el = document.createElement('member-map');
    el.setAttribute('src', '/test/fixtures/members.geojson');
    const loaded = oneEvent(el, 'member-map-load');
    await fixture(html`<div style="width:800px">${el}</div>`);
    expect((await loaded).detail.count).to.equal(12);

    const root = el.shadowRoot!;
    const counts = [...root.querySelectorAll('.member-cluster [aria-hidden]')].reduce(
      (sum, node) => sum + Number(node.textContent),
      root.querySelectorAll('.member-marker').length,
    );
    expect(counts).to.equal(12);
    expect(getComputedStyle(root.querySelector('.leaflet-pane')!).position).to.equal('absolute');
    expect(root.querySelector<HTMLElement>('.member-marker')!.offsetWidth).to.equal(26);

    await waitUntil(() => root.querySelector('.leaflet-member-map-basemap-pane path'), 'basemap drawn', { timeout: 5000 });
    const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.startTime >= start)
      .map((entry) => new URL(entry.name).pathname);
    // The data, and the offline basemap found next to the script.
    expect(requests.sort()).to.deep.equal(['/dist/member-map-basemap.json', '/test/fixtures/members.geojson']);
  });

  it('tolerates the script being loaded a second time', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      await loadScript(`${BUNDLE}?again`);
    } finally {
      console.warn = warn;
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
    expect(warnings).to.have.length(1);
  });
});
