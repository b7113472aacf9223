import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MemberMap } from '../src/member-map.js';
import { shadow, visibleCounts } from './helpers.js';

const status = (el: HTMLElement) => shadow(el).querySelector<HTMLElement>('[part="status"]')!;
const alertText = (el: HTMLElement) => shadow(el).querySelector('[part="error"]')?.textContent ?? '';

interface Mounted {
  el: MemberMap;
  /** Listened for before mounting: a small local file can load (or fail) before fixture() returns. */
  loaded: Promise<CustomEvent>;
  failed: Promise<CustomEvent>;
}

async function mapFor(src: string, attributes: Record<string, string> = {}): Promise<Mounted> {
  const el = document.createElement('member-map') as MemberMap;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.src = src;
  const loaded = oneEvent(el, 'member-map-load');
  const failed = oneEvent(el, 'member-map-error');
  await fixture(html`<div style="width:700px">${el}</div>`);
  el.scrollIntoView(); // it starts only near the viewport
  await el.updateComplete; // its first render comes in a task of its own
  return { el, loaded, failed };
}

describe('slow, silent and oversized data', () => {
  it('shows the loading status for as long as a slow server takes', async () => {
    const key = `slow-server-${Math.random().toString(36).slice(2)}`;
    const { el, loaded } = await mapFor(`/held/${key}/test/fixtures/members.geojson`);
    await waitUntil(() => status(el).textContent!.includes('Lade Mitglieder'), 'loading shown');
    for (let i = 0; i < 5; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(status(el).textContent!.trim()).to.equal('Lade Mitglieder…');
      expect(status(el).getBoundingClientRect().width, 'visible').to.be.greaterThan(50);
    }
    await fetch(`/release/${key}`); // the server answers only now
    await loaded;
    await el.updateComplete;
    expect(status(el).textContent!.trim()).to.equal('12 Mitglieder auf der Karte');
  });

  it('gives up on a server that never answers after load-timeout, and offers a retry', async () => {
    const { el, failed } = await mapFor('/hang/test/fixtures/members.geojson', { 'load-timeout': '1' });
    const started = performance.now();
    expect((await failed).detail.message).to.equal('Der Server hat in 1 Sekunden nicht geantwortet.');
    expect(performance.now() - started).to.be.below(5000);
    await el.updateComplete;
    expect(alertText(el)).to.contain('nicht geantwortet');
    const retry = shadow(el).querySelector<HTMLButtonElement>('[part="error"] button')!;
    expect(retry.textContent).to.equal('Erneut versuchen');
    retry.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="error"]')).to.equal(null);
    expect(status(el).textContent!.trim()).to.equal('Lade Mitglieder…');
    await oneEvent(el, 'member-map-error');
  });

  it('loads on retry when the server answers the second time', async () => {
    const key = `k${Date.now()}`;
    const { el, failed } = await mapFor(`/hang-once/${key}/test/fixtures/members.geojson`, { 'load-timeout': '1' });
    await failed;
    await el.updateComplete;
    const loaded = oneEvent(el, 'member-map-load');
    shadow(el).querySelector<HTMLButtonElement>('[part="error"] button')!.click();
    expect((await loaded).detail.count).to.equal(12);
    expect(visibleCounts(el).total).to.equal(12);
  });

  it('refuses a file over max-size with a clear message (declared or streamed size)', async () => {
    for (const src of ['/test/fixtures/members.geojson', '/chunked/test/fixtures/members.geojson']) {
      const { el, failed } = await mapFor(src, { 'max-size': '0.001' });
      expect((await failed).detail.message, src).to.equal('Die Mitgliederdatei ist größer als 0,001 MB und wird daher nicht geladen.');
      await el.updateComplete;
      expect(shadow(el).querySelector('[part="error"] button'), 'no retry for a file that is too large').to.equal(null);
    }
    const fits = await mapFor('/chunked/test/fixtures/members.geojson', { 'max-size': '1' });
    expect((await fits.loaded).detail.count).to.equal(12);
  });

  it('shows a 50,000-member file', async function () {
    this.timeout(30000);
    const { el, loaded } = await mapFor('/generated/50000.geojson');
    const { detail } = await loaded;
    expect(detail.count).to.equal(50000);
    expect(visibleCounts(el).total).to.equal(50000);
  });
});
