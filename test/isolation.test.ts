import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { MemberMap } from '../src/member-map.js';

// This file imports the element only dynamically, after the page has set its own `window.L`.
const pageLeaflet = { version: '1.7.1', page: true };
(window as unknown as { L: unknown }).L = pageLeaflet;

const HOSTILE_THEME = `
  html { font-size: 10px !important; }
  body { font: italic 30px/3 serif; text-align: center; letter-spacing: 4px; color: #f0f; text-transform: uppercase; }
  * { box-sizing: content-box !important; }
  div, span, a, p { padding: 20px !important; margin: 7px !important; }
  img, svg { max-width: 100% !important; border: 5px solid red !important; }
  button { all: unset; background: yellow !important; }
  .leaflet-container, .leaflet-marker-icon, .leaflet-popup { display: none !important; }
`;

async function mapUnderTheme(): Promise<MemberMap> {
  await import('../src/define.js');
  const el = document.createElement('member-map') as MemberMap;
  el.src = new URL('./fixtures/members.geojson', import.meta.url).href;
  const loaded = oneEvent(el, 'member-map-load');
  await fixture(html`<div style="width:700px"><style>${HOSTILE_THEME}</style>${el}</div>`);
  await loaded;
  return el;
}

describe('<member-map> on a hostile host page', () => {
  it('never creates or changes window.L or window.Leaflet', async () => {
    await mapUnderTheme();
    const w = window as unknown as Record<string, unknown>;
    expect(w.L).to.equal(pageLeaflet);
    expect(pageLeaflet).to.deep.equal({ version: '1.7.1', page: true });
    expect('Leaflet' in window).to.equal(false);
  });

  it('keeps its layout under aggressive theme CSS', async () => {
    const el = await mapUnderTheme();
    const root = el.shadowRoot!;
    const container = root.querySelector<HTMLElement>('.leaflet-container')!;
    const host = el.getBoundingClientRect();
    expect(host.height).to.equal(480);
    const stage = root.querySelector('.stage')!.getBoundingClientRect();
    const toolbar = root.querySelector('.toolbar')!.getBoundingClientRect();
    expect(toolbar.height + stage.height).to.equal(host.height);
    // One row, or two where search and buttons do not fit one (below about 780 px): never more.
    expect(toolbar.height).to.be.within(40, 100);
    expect(container.getBoundingClientRect().width).to.equal(host.width);
    expect(container.getBoundingClientRect().height).to.equal(stage.height);

    const marker = root.querySelector<HTMLElement>('.member-marker')!;
    expect([marker.offsetWidth, marker.offsetHeight]).to.deep.equal([26, 26]);
    const frame = getComputedStyle(root.querySelector('.frame')!);
    expect(frame.fontSize).to.equal('15px');
    expect(frame.textAlign).to.equal('left');
    expect(frame.letterSpacing).to.equal('normal');
    expect(frame.textTransform).to.equal('none');
    const button = root.querySelector<HTMLElement>('[part="contact-button"]')!;
    expect(getComputedStyle(button).backgroundColor).to.not.equal('rgb(255, 255, 0)');
    expect(getComputedStyle(root.querySelector('.leaflet-pane')!).position).to.equal('absolute');
  });

  it('requests no images, stylesheets or anything from another host', async () => {
    const start = performance.now();
    const el = await mapUnderTheme();
    el.selected = 'hd'; // a popup, too
    await new Promise((resolve) => setTimeout(resolve, 500));
    const requests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (entry) => entry.startTime >= start,
    );
    // (In this dev server, CSS reaches the element as JS modules: initiator 'script', not 'css'/'link'.)
    const unexpected = requests.filter(
      (entry) =>
        new URL(entry.name).origin !== location.origin ||
        ['img', 'image', 'css', 'link'].includes(entry.initiatorType) ||
        /\.(png|jpe?g|gif|webp)(\?|$)/.test(entry.name),
    );
    expect(unexpected.map((entry) => entry.name)).to.deep.equal([]);
    expect(requests.some((entry) => entry.name.endsWith('members.geojson'))).to.equal(true);
  });

  it('keeps its own styles out of the page', async () => {
    await mapUnderTheme();
    const pageRules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
    expect(pageRules.some((rule) => rule.includes('leaflet') && !rule.includes('!important'))).to.equal(false);
  });
});
