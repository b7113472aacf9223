import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemberMap } from '../src/member-map.js';
import { loadedMap, shadow, visibleCounts } from './helpers.js';

// `near`: a municipality's own page opens on it with its nearest colleagues, as if searched for.
const SAMPLE = new URL('/data/members.geojson', location.href).href;

let run = 0;
/** Each test its own places URL, so that request counts are about this test alone. */
const placesUrl = () => `/near-${Date.now()}-${run++}/member-map-places.json`;
const requestsFor = (url: string) => performance.getEntriesByName(new URL(url, location.href).href);

const statusText = (el: HTMLElement) => shadow(el).querySelector('[part="status"]')!.textContent!.trim();
const searchField = (el: HTMLElement) => shadow(el).querySelector<HTMLInputElement>('[part="search"]')!;
const nearBar = (el: HTMLElement) => shadow(el).querySelector<HTMLElement>('.near-bar');
const showAllButton = (el: HTMLElement) => nearBar(el)?.querySelector('button') ?? null;
const listed = async (el: MemberMap) => {
  el.view = 'list';
  await el.updateComplete;
  const root = shadow(el);
  const result = {
    title: root.querySelector('.list h3')?.textContent?.trim(),
    places: [...root.querySelectorAll('.list-member__place')].map((node) => node.textContent!.trim()),
    distances: [...root.querySelectorAll('.list-member__distance')].map((node) => node.textContent!.trim()),
  };
  el.view = 'map';
  await el.updateComplete;
  return result;
};

/** What a visitor's search for `query` shows: the answer `near` must give as well. */
async function searched(query: string, attributes: Record<string, string> = {}) {
  const el = await loadedMap(SAMPLE, { 'places-url': placesUrl(), ...attributes });
  searchField(el).focus();
  await sendKeys({ type: query });
  await waitUntil(() => / in der Nähe von /.test(statusText(el)), `the search for ${query} answered`, { timeout: 5000 });
  await waitUntil(() => visibleCounts(el).total === Number(statusText(el).match(/^\d+/)![0]), 'its members on the map', { timeout: 5000 });
  const answer = { status: statusText(el), ...(await listed(el)) };
  el.remove();
  return answer;
}

/** Collects console warnings while `body` runs. */
async function warningsDuring(body: () => Promise<void>): Promise<string[]> {
  const warn = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    await body();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

const sampleCount = async () => ((await (await fetch(SAMPLE)).json()).features as unknown[]).length;

describe('near: a municipality\'s own view', () => {
  it('near="Heidelberg" opens on Heidelberg, marked, with its 5 nearest members listed with their distances, as a search would', async () => {
    const expected = await searched('Heidelberg');
    const url = placesUrl();
    const el = await loadedMap(SAMPLE, { near: 'Heidelberg', 'places-url': url });
    // member-map-load comes once the municipality's members are on the map, not the whole file first.
    expect(visibleCounts(el).total).to.equal(5);
    expect(statusText(el)).to.equal('5 Mitglieder in der Nähe von Heidelberg');
    expect(shadow(el).querySelector('.place-marker')!.textContent).to.contain('Heidelberg');
    expect(searchField(el).value).to.equal('', 'the search field stays empty');
    expect(nearBar(el)!.textContent).to.contain('5 Mitglieder in der Nähe von Heidelberg');
    expect(showAllButton(el)!.textContent!.trim()).to.equal('Alle Mitglieder zeigen');
    expect(shadow(el).querySelector('.place-choices:not(.near-bar)')).to.equal(null);
    const list = await listed(el);
    expect(list).to.deep.equal({ title: 'Die nächsten Mitglieder zu Heidelberg', places: expected.places, distances: expected.distances });
    expect(list.places[0]).to.equal('Heidelberg');
    expect(requestsFor(url)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('takes an 8-digit AGS and `nearest`', async () => {
    const el = await loadedMap(SAMPLE, { near: '08221000', nearest: '3', 'places-url': placesUrl() });
    expect(statusText(el)).to.equal('3 Mitglieder in der Nähe von Heidelberg');
    expect(visibleCounts(el).total).to.equal(3);
    expect(shadow(el).querySelector('.place-marker')!.textContent).to.contain('Heidelberg');
    const list = await listed(el);
    expect(list.title).to.equal('Die nächsten Mitglieder zu Heidelberg');
    expect(list.places).to.have.length(3);
    expect(list.places[0]).to.equal('Heidelberg');
    // Each with its distance, nearest first.
    const km = list.distances.map((text) => (/^[\d.,]+\s*km entfernt$/.test(text) ? Number.parseFloat(text.replace(/\./g, '').replace(',', '.')) : NaN));
    expect(km, list.distances.join(' / ')).to.have.length(3);
    for (const [index, distance] of km.entries()) {
      expect(distance, list.distances[index]).to.be.a('number').and.not.NaN;
      if (index > 0) expect(distance).to.be.at.least(km[index - 1]!);
    }
  });

  it('"Alle Mitglieder zeigen" returns to the whole map and puts the focus into the search field', async () => {
    const el = await loadedMap(SAMPLE, { near: 'Heidelberg', 'places-url': placesUrl() });
    const all = await sampleCount();
    showAllButton(el)!.click();
    await waitUntil(() => visibleCounts(el).total === all, 'every member on the map', { timeout: 5000 });
    expect(nearBar(el)).to.equal(null);
    expect(shadow(el).querySelector('.place-marker')).to.equal(null);
    // The count is announced once the clusters are complete, a task after the markers appear.
    await waitUntil(() => statusText(el) === `${all} Mitglieder auf der Karte`, `the count announced (${statusText(el)})`);
    expect(shadow(el).activeElement).to.equal(searchField(el));
    // Another municipality in `near` applies again.
    el.near = 'Görlitz';
    await waitUntil(() => statusText(el).endsWith('in der Nähe von Görlitz'), 'the new near answered', { timeout: 5000 });
    await waitUntil(() => visibleCounts(el).total === 5, 'its members on the map', { timeout: 5000 });
  });

  it('a visitor\'s search takes over, and an empty search field returns to `near`', async () => {
    const el = await loadedMap(SAMPLE, { near: 'Heidelberg', 'places-url': placesUrl() });
    searchField(el).focus();
    await sendKeys({ type: 'Kiel' });
    await waitUntil(() => statusText(el).endsWith('in der Nähe von Kiel'), 'the search answered', { timeout: 5000 });
    expect(nearBar(el)).to.equal(null);
    searchField(el).select();
    await sendKeys({ press: 'Backspace' });
    await waitUntil(() => statusText(el) === '5 Mitglieder in der Nähe von Heidelberg', 'near again', { timeout: 5000 });
    expect(nearBar(el)).to.not.equal(null);
  });

  it('"Name, Land" picks one of several; a kreisfreie Stadt answers at once; without the choice offered', async () => {
    const hessen = await loadedMap(SAMPLE, { near: 'Neustadt, Hessen', 'places-url': placesUrl() });
    expect(statusText(hessen)).to.equal('5 Mitglieder in der Nähe von Neustadt (Hessen)');
    const schwerin = await loadedMap(SAMPLE, { near: 'Schwerin', 'places-url': placesUrl() });
    expect(statusText(schwerin)).to.equal('5 Mitglieder in der Nähe von Schwerin');
    // The search offers the other Schwerin besides; `near` was the editor's choice, so it does not.
    expect(shadow(schwerin).querySelector('.place-choices:not(.near-bar)')).to.equal(null);
  });

  it('a name of several municipalities, or none, shows the whole map with one console warning', async () => {
    const all = await sampleCount();
    for (const [near, expected] of [
      ['Frankfurt', /near="Frankfurt" passt auf mehrere Gemeinden.*near="Frankfurt am Main".*near="Frankfurt \(Oder\)"/],
      ['Xyzzyhausen', /near="Xyzzyhausen" ist keine Gemeinde in Deutschland/],
    ] as const) {
      let el: MemberMap | undefined;
      const warnings = await warningsDuring(async () => {
        el = await loadedMap(SAMPLE, { near, 'places-url': placesUrl() });
        await el.updateComplete;
      });
      expect(visibleCounts(el!).total).to.equal(all, near);
      expect(nearBar(el!)).to.equal(null);
      expect(statusText(el!)).to.not.contain('Nähe');
      expect(warnings.filter((warning) => warning.includes('near='))).to.have.length(1, near);
      expect(warnings.find((warning) => warning.includes('near='))).to.match(expected);
    }
  });

  it('fetches the places file only when `near` is set (or a visitor searches)', async () => {
    const url = placesUrl();
    const el = await loadedMap(SAMPLE, { 'places-url': url });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requestsFor(url)).to.have.length(0);
    el.near = 'Kiel';
    await waitUntil(() => statusText(el).endsWith('in der Nähe von Kiel'), 'near answered', { timeout: 5000 });
    expect(requestsFor(url)).to.have.length(1);
  });

  it('speaks English with lang="en"', async () => {
    const el = await loadedMap(SAMPLE, { near: 'Heidelberg', lang: 'en', 'places-url': placesUrl() });
    expect(statusText(el)).to.equal('5 members near Heidelberg');
    expect(showAllButton(el)!.textContent!.trim()).to.equal('Show all members');
  });
});
