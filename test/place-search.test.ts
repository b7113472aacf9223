import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MemberMap } from '../src/member-map.js';
import { loadedMap, shadow, visibleCounts, watchFailures } from './helpers.js';

// The sample data of data/members.geojson, as visitors see it on the network's page.
const SAMPLE = new URL('/data/members.geojson', location.href).href;

const statusText = (el: HTMLElement) => shadow(el).querySelector('[part="status"]')!.textContent!.trim();
const listedPlaces = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('.list-member__place')].map((node) => node.textContent!.trim());
const listedKm = (el: HTMLElement) =>
  [...shadow(el).querySelectorAll('.list-member__distance')].map((node) => Number(node.textContent!.replace(',', '.').match(/[\d.]+/)![0]));

/** Each test its own places URL, so that "fetched once" is about this test alone. */
let run = 0;
const placesUrl = () => `/places-${Date.now()}-${run++}/member-map-places.json`;
const requestsFor = (url: string) => performance.getEntriesByName(new URL(url, location.href).href);

async function search(el: MemberMap, text: string): Promise<void> {
  const input = shadow(el).querySelector<HTMLInputElement>('[part="search"]')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await new Promise((resolve) => setTimeout(resolve, 300)); // the search waits for a typing pause
  await waitUntil(() => !statusText(el).startsWith('Suche den Ort'), 'places loaded', { timeout: 5000 });
  await el.updateComplete;
}

// An implementation of its own, to check the element's distances against.
function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The place's point as the places file gives it, read here without the element's decoder. */
async function placePoint(ags: string): Promise<{ lat: number; lng: number }> {
  const file = await (await fetch(`/x/member-map-places.json`)).json();
  let lat = 0;
  let lng = 0;
  let code = '';
  for (const line of (file.places as string).split('\n')) {
    const cells = line.split('\t');
    code = cells[1]!.length === 3 ? code.slice(0, 5) + cells[1] : cells[1]!;
    lat += Number(cells[2]);
    lng += Number(cells[3]);
    if (code === ags) return { lat: lat / 1000, lng: lng / 1000 };
  }
  throw new Error(`no AGS ${ags}`);
}

interface Feature {
  geometry: { coordinates: [number, number] };
  properties: { municipality: string };
}

describe('search by place (nearest contact)', () => {
  it('"Heidelberg" lists the 5 nearest members, Heidelberg\'s own first, with distances, in list and map alike', async () => {
    const el = await loadedMap(SAMPLE, { 'places-url': placesUrl() });
    await search(el, 'Heidelberg');
    expect(statusText(el)).to.equal('5 Mitglieder in der Nähe von Heidelberg');

    const heidelberg = await placePoint('08221000');
    const features = ((await (await fetch(SAMPLE)).json()).features as Feature[]).map((feature) => ({
      municipality: feature.properties.municipality,
      km: haversineKm(heidelberg, { lat: feature.geometry.coordinates[1], lng: feature.geometry.coordinates[0] }),
    }));
    const own = features.filter((item) => item.municipality === 'Heidelberg');
    const others = features.filter((item) => item.municipality !== 'Heidelberg').sort((a, b) => a.km - b.km);
    const expected = [...own, ...others].slice(0, 5);

    // The map: exactly those members, the place marked, fitted to them.
    expect(visibleCounts(el).total).to.equal(5);
    expect(shadow(el).querySelector('.place-marker')!.textContent).to.contain('Heidelberg');

    el.view = 'list';
    await el.updateComplete;
    expect(listedPlaces(el)).to.deep.equal(expected.map((item) => item.municipality));
    listedKm(el).forEach((km, index) => expect(Math.abs(km - expected[index]!.km)).to.be.below(1, expected[index]!.municipality));
    expect(shadow(el).querySelector('.list h3')!.textContent).to.equal('Die nächsten Mitglieder zu Heidelberg');
    await expect(el).to.be.accessible();
  });

  it('finds "Muenchen", a small municipality ("Sipplingen") and a place in each Land, with the member count of `nearest`', async function () {
    this.timeout(30_000); // 20 searches, each after the search's typing pause: on a busy machine over 10 s
    const el = await loadedMap(SAMPLE, { 'places-url': placesUrl(), nearest: '3' });
    for (const [query, name] of [
      ['Muenchen', 'München'],
      ['sipplingen', 'Sipplingen'],
      ['Kiel', 'Kiel'],
      ['Hamburg', 'Hamburg'],
      ['Hannover', 'Hannover'],
      ['Bremerhaven', 'Bremerhaven'],
      ['Düsseldorf', 'Düsseldorf'],
      ['Wiesbaden', 'Wiesbaden'],
      ['Mainz', 'Mainz'],
      ['Stuttgart', 'Stuttgart'],
      ['Bamberg', 'Bamberg'],
      ['Saarbrücken', 'Saarbrücken'],
      ['Berlin', 'Berlin'],
      ['Cottbus', 'Cottbus'],
      ['Schwerin', 'Schwerin'],
      ['Görlitz', 'Görlitz'],
      ['Magdeburg', 'Magdeburg'],
      ['GERA', 'Gera'],
    ]) {
      await search(el, query!);
      expect(statusText(el)).to.match(new RegExp(`^\\d Mitglieder? in der Nähe von ${name}$`), query);
      // The status names the place as soon as the answer is known; the markers follow in a task of their own.
      await waitUntil(() => visibleCounts(el).total === 3, `${query}: 3 members on the map`, { timeout: 3000 });
    }
    // Berlin has three members of its own: all of them are listed, even above `nearest`.
    el.nearest = 2;
    await search(el, 'Berlin');
    expect(statusText(el)).to.equal('3 Mitglieder in der Nähe von Berlin');
    el.nearest = 1;
    await search(el, 'Potsdam');
    expect(statusText(el)).to.equal('1 Mitglied in der Nähe von Potsdam');
  });

  it('offers both Frankfurts, and a choice answers for that one', async () => {
    const el = await loadedMap(SAMPLE, { 'places-url': placesUrl() });
    await search(el, 'Frankfurt');
    const buttons = [...shadow(el).querySelectorAll<HTMLButtonElement>('.place-choices button')];
    expect(buttons.map((button) => button.textContent!.trim())).to.deep.equal(['Frankfurt am Main (Hessen)', 'Frankfurt (Oder) (Brandenburg)']);
    expect(statusText(el)).to.contain('„Frankfurt“ heißen 2 Gemeinden');
    await expect(el).to.be.accessible();
    buttons[1]!.click();
    await waitUntil(() => statusText(el).includes('Frankfurt (Oder)'), 'the chosen place answered');
    expect(statusText(el)).to.equal('5 Mitglieder in der Nähe von Frankfurt (Oder)');
    expect(shadow(el).querySelector<HTMLInputElement>('[part="search"]')!.value).to.equal('Frankfurt (Oder)');
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('[part="search"]'));
    expect(shadow(el).querySelector('.place-choices')).to.equal(null);
  });

  it('keeps the text search for what is no place, and says so clearly for an unknown name', async () => {
    const failures = watchFailures();
    try {
      const el = await loadedMap(SAMPLE, { 'places-url': placesUrl() });
      await search(el, 'Koordinierungsstelle');
      expect(statusText(el)).to.match(/^\d+ Mitglieder gefunden$/);
      expect(shadow(el).querySelector('.place-marker')).to.equal(null);
      await search(el, 'Xyzzyhausen');
      expect(statusText(el)).to.equal('Keine Mitglieder gefunden, und „Xyzzyhausen“ ist keine Gemeinde in Deutschland. Prüfen Sie die Schreibweise.');
      await expect(el).to.be.accessible();
      expect(failures.failures).to.deep.equal([]);
    } finally {
      failures.stop();
    }
  });

  it('fetches the places file only for a search, once for every map of the page, and nothing from another origin', async () => {
    const url = placesUrl();
    const first = await loadedMap(SAMPLE, { 'places-url': url });
    const second = await loadedMap(SAMPLE, { 'places-url': url, tiles: 'on', 'tile-url': `${location.origin}/tiles/{z}/{x}/{y}.png` });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requestsFor(url)).to.have.length(0);
    await search(first, 'Heidelberg');
    await search(second, 'Heidelberg');
    await search(first, 'Weyarn');
    expect(requestsFor(url)).to.have.length(1);
    // With tiles on, the search answers the same.
    expect(statusText(second)).to.equal('5 Mitglieder in der Nähe von Heidelberg');
    const foreign = performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).origin !== location.origin);
    expect(foreign.map((entry) => entry.name)).to.deep.equal([]);
  });

  it('falls back to the text search when the places file is missing, with one warning', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args[0]);
    try {
      const el = await loadedMap(SAMPLE, { 'places-url': '/nowhere/places.json' });
      await search(el, 'Heidelberg');
      expect(statusText(el)).to.equal('1 Mitglied gefunden');
      expect(warnings.filter((message) => String(message).includes('/nowhere/places.json'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
