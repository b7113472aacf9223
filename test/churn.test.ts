import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MemberMap } from '../src/member-map.js';
import { FIXTURES, loadedMap, nextFrame, shadow, visibleCounts, watchFailures } from './helpers.js';

// Lifecycle churn: a CMS that moves the element around (tabs, accordions, page builders re-rendering)
// and a page that changes `src` faster than the server answers. Nothing may throw, nothing may be
// rejected unhandled, there is never more than one Leaflet map in the shadow root, and only the last
// `src` ever shows. (test/lifecycle.test.ts covers the single steps; this file repeats them hard.)

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const containers = (el: HTMLElement) => shadow(el).querySelectorAll('.leaflet-container').length;


/** The most Leaflet containers the shadow root ever held, checked on every DOM change inside it. */
function watchContainers(el: HTMLElement) {
  let most = containers(el);
  const observer = new MutationObserver(() => {
    most = Math.max(most, containers(el));
  });
  observer.observe(shadow(el), { childList: true, subtree: true });
  return {
    get most() {
      return most;
    },
    stop: () => observer.disconnect(),
  };
}

/** Every fetch the page starts, with its URL and abort signal; `onResponse` hears when headers arrive. */
function watchFetches(onResponse: (url: string) => void = () => {}) {
  const calls: Array<{ url: string; signal?: AbortSignal | null }> = [];
  const original = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    calls.push({ url, signal: init?.signal });
    const response = await original.call(window, input, init);
    onResponse(url);
    return response;
  };
  return { calls, stop: () => (window.fetch = original) };
}

describe('<member-map> lifecycle churn', () => {
  let failures: ReturnType<typeof watchFailures>;
  let warn: typeof console.warn;
  beforeEach(() => {
    failures = watchFailures();
    warn = console.warn;
    console.warn = () => {}; // mixed.geojson skips features on purpose
  });
  afterEach(async () => {
    await sleep(50);
    console.warn = warn;
    failures.stop();
    expect(failures.failures).to.deep.equal([]);
  });

  it('survives 100 removals and re-appends at every point of its life', async function () {
    this.timeout(30000);
    const el = await loadedMap('members.geojson');
    const parent = el.parentElement!;
    const watch = watchContainers(el);
    const loads: number[] = [];
    el.addEventListener('member-map-load', (event) => loads.push(event.detail.count));
    // Where in its life the element is when it is moved again.
    const pauses: Array<() => Promise<unknown>> = [
      async () => undefined, // in the same task
      () => Promise.resolve(), // after a microtask
      () => el.updateComplete, // after its update
      nextFrame, // after a frame
      () => sleep(15), // while the members are being clustered
    ];
    try {
      for (let cycle = 0; cycle < 100; cycle += 1) {
        el.remove();
        expect(containers(el), `cycle ${cycle}: no map while removed`).to.equal(0);
        await pauses[(cycle * 3) % pauses.length]();
        expect(containers(el), `cycle ${cycle}: no map while removed`).to.equal(0);
        // Every sixth time it stays until it has loaded completely.
        const loaded = cycle % 6 === 5 ? oneEvent(el, 'member-map-load') : undefined;
        // Mostly back into the same place, sometimes elsewhere in the page.
        if (cycle % 10 === 9) document.body.append(el);
        else parent.append(el);
        el.scrollIntoView(); // it starts only near the viewport
        expect(containers(el), `cycle ${cycle}`).to.be.at.most(1);
        await (loaded ?? pauses[cycle % pauses.length]());
        expect(containers(el), `cycle ${cycle}`).to.be.at.most(1);
      }
      if (el.parentElement !== parent) parent.append(el);
      el.scrollIntoView();
      await waitUntil(() => visibleCounts(el).total === 12 && containers(el) === 1, 'all 12 members after the last re-append', {
        timeout: 5000,
      });
      expect(watch.most, 'never two maps at once').to.equal(1);
      expect(shadow(el).querySelectorAll('.leaflet-host'), 'one map host').to.have.length(1);
      expect(loads.length, 'it announced its members again after re-appends').to.be.greaterThan(10);
      expect(new Set(loads)).to.deep.equal(new Set([12]));
      // Still a working map: a popup opens.
      const selected = oneEvent(el, 'member-map-select');
      el.selected = 'hd';
      await selected;
      expect(shadow(el).querySelectorAll('.leaflet-popup')).to.have.length(1);
    } finally {
      watch.stop();
    }
  });

  it('shows only the last of 50 rapid src changes; the earlier requests are aborted', async function () {
    this.timeout(20000);
    const el = await loadedMap('members.geojson');
    const watch = watchContainers(el);
    const fetches = watchFetches();
    const events: string[] = [];
    el.addEventListener('member-map-load', (event) => events.push(`load ${event.detail.count}`));
    el.addEventListener('member-map-error', (event) => events.push(`error ${event.detail.message}`));
    try {
      const started = performance.now();
      for (let i = 0; i < 49; i += 1) {
        // Each earlier file (12 members) would arrive after the last one (3 members) if not aborted.
        el.src = `/slow/${600 + (49 - i) * 15}/test/fixtures/members.geojson?change=${i}`;
        if (i % 5 === 4) await sleep(i % 3); // sometimes a pause, mostly only the update
        else await el.updateComplete;
      }
      el.src = `/slow/100/test/fixtures/mixed.geojson?change=49`;
      await waitUntil(() => events.length > 0, 'the last file loaded', { timeout: 5000 });
      expect(events).to.deep.equal(['load 3']);
      // Wait until every earlier response would have arrived.
      await sleep(Math.max(0, started + 600 + 50 * 15 + 300 - performance.now()));
      expect(events, 'no stale load and no error from an aborted request').to.deep.equal(['load 3']);
      expect(visibleCounts(el).total).to.equal(3);
      expect(shadow(el).querySelector('[part="status"]')!.textContent).to.not.match(/lädt|loading/i);

      const memberFetches = fetches.calls.filter((call) => call.url.includes('/test/fixtures/'));
      expect(memberFetches.length, 'every change started a request').to.equal(50);
      const notAborted = memberFetches.filter((call) => !call.signal?.aborted).map((call) => call.url);
      expect(notAborted, 'only the last request ran to its end').to.deep.equal([memberFetches[49].url]);
      expect(watch.most).to.equal(1);
    } finally {
      fetches.stop();
      watch.stop();
    }
  });

  it('shows only the last src when the last answer is the slowest', async function () {
    this.timeout(20000);
    const el = await loadedMap('members.geojson');
    const events: Array<{ event: string; at: number }> = [];
    const record = (event: string) => events.push({ event, at: performance.now() });
    el.addEventListener('member-map-load', (event) => record(`load ${event.detail.count}`));
    el.addEventListener('member-map-error', () => record('error'));
    for (let i = 0; i < 49; i += 1) {
      el.src = `/slow/${10 + i}/test/fixtures/members.geojson?fast=${i}`;
      await sleep(i % 2 ? 0 : 25); // some earlier answers are due before the next change
    }
    // Earlier answers that arrived before the next change could show; from here on only the last may,
    // and not before its response is there (measured, not guessed: a busy machine stretches every wait).
    const before = events.length;
    let lastArrived = Infinity;
    const fetches = watchFetches((url) => url.includes('fast=49') && (lastArrived = performance.now()));
    try {
      el.src = '/slow/700/test/fixtures/mixed.geojson?fast=49';
      await el.updateComplete;
      await sleep(300);
      if (lastArrived === Infinity) {
        expect(shadow(el).querySelector('[part="status"]')!.classList.contains('visible'), 'loading meanwhile').to.equal(true);
      }
      await waitUntil(() => events.length > before, 'the last file loaded', { timeout: 5000 });
      await sleep(200);
    } finally {
      fetches.stop();
    }
    expect(events.slice(before).map(({ event }) => event)).to.deep.equal(['load 3']);
    expect(events[before].at, 'shown only after its response arrived').to.be.at.least(lastArrived);
    expect(visibleCounts(el).total).to.equal(3);
  });

  it('moves and changes src at the same time without losing the last src', async function () {
    this.timeout(20000);
    const el = document.createElement('member-map') as MemberMap;
    el.src = `${FIXTURES}members.geojson`;
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width:700px">${el}</div>`);
    const watch = watchContainers(el);
    const events: string[] = [];
    el.addEventListener('member-map-load', (event) => events.push(`load ${event.detail.count}`));
    el.addEventListener('member-map-error', () => events.push('error'));
    for (let i = 0; i < 30; i += 1) {
      el.src = `/slow/${50 + (i % 4) * 60}/test/fixtures/${i % 2 ? 'members' : 'mixed'}.geojson?move=${i}`;
      if (i % 3 === 0) el.remove();
      await sleep(i % 4 === 0 ? 30 : 0);
      if (!el.isConnected) wrapper.append(el);
      await el.updateComplete;
      expect(containers(el)).to.be.at.most(1);
    }
    el.src = '/slow/150/test/fixtures/mixed.geojson?move=last';
    await waitUntil(() => events.at(-1) === 'load 3' && visibleCounts(el).total === 3, 'the last src shown', { timeout: 5000 });
    await sleep(500); // anything stale would have arrived by now
    expect(events.at(-1)).to.equal('load 3');
    expect(events).to.not.include('error');
    expect(visibleCounts(el).total).to.equal(3);
    expect(watch.most).to.equal(1);
    watch.stop();
  });
});
