import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { DEFAULT_HEIGHT, DEFAULT_TEASER_HEIGHT, HEIGHT_MESSAGE } from '../frame/height.js';

// The layout of the built dist/frame.html, in Chromium and Firefox: in a frame of this page's own origin
// (so that the test can look inside; test/frame.test.ts embeds it from another origin), with the
// README's sandbox and no resizer on this page. The map fills the frame at every size from 240 × 240 px
// up, the frame's page never scrolls, and the frame tells its parent the height it needs.

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';

interface Framed {
  iframe: HTMLIFrameElement;
  /** Every height the frame asked for, in order. */
  asked: number[];
  doc(): Document;
  map(): HTMLElement;
  root(): ShadowRoot;
}

const frames: Framed[] = [];
const listeners: ((event: MessageEvent) => void)[] = [];

/** frame.html?`query` in a frame of `width` × `height` px (no `height` attribute when `height` is 0). */
function frameOf(query: Record<string, string>, width: number, height: number): Framed {
  const iframe = document.createElement('iframe');
  iframe.title = 'Mitgliederkarte';
  iframe.setAttribute('sandbox', SANDBOX);
  iframe.style.display = 'block';
  iframe.style.border = '0';
  iframe.width = String(width);
  if (height) iframe.height = String(height);
  iframe.src = `/dist/frame.html?${new URLSearchParams({ src: '../data/members.geojson', ...query })}`;
  const asked: number[] = [];
  const listener = (event: MessageEvent) => {
    if (event.source === iframe.contentWindow && event.data?.type === HEIGHT_MESSAGE) asked.push(event.data.height);
  };
  window.addEventListener('message', listener);
  listeners.push(listener);
  document.body.append(iframe);
  const framed: Framed = {
    iframe,
    asked,
    doc: () => iframe.contentDocument!,
    map: () => iframe.contentDocument!.querySelector('member-map')!,
    root: () => iframe.contentDocument!.querySelector('member-map')!.shadowRoot!,
  };
  frames.push(framed);
  return framed;
}

/** Single markers and the counts of the cluster icons in the frame. */
function shownIn(framed: Framed): number {
  const root = framed.iframe.contentDocument?.querySelector('member-map')?.shadowRoot;
  if (!root) return -1;
  const clusters = [...root.querySelectorAll('.member-cluster')].reduce((sum, icon) => sum + Number(icon.querySelector('[aria-hidden]')!.textContent), 0);
  return root.querySelectorAll('.member-marker').length + clusters;
}

const statusOf = (framed: Framed) => framed.iframe.contentDocument?.querySelector('member-map')?.shadowRoot?.querySelector('[part="status"]')?.textContent ?? '';
const listOf = (framed: Framed) => framed.iframe.contentDocument?.querySelector('member-map')?.shadowRoot?.querySelector<HTMLElement>('[part~="list"]') ?? null;

/** The frame's page neither scrolls nor is cut: the page and the map are exactly the frame's viewport. */
function expectFilledWithoutScrolling(framed: Framed, what: string): void {
  const doc = framed.doc();
  const page = doc.documentElement;
  const view = framed.iframe.contentWindow!;
  expect(page.scrollHeight, `${what}: no vertical scroll bar`).to.be.at.most(page.clientHeight);
  expect(page.scrollWidth, `${what}: no horizontal scroll bar`).to.be.at.most(page.clientWidth);
  expect(doc.body.scrollHeight, `${what}: nothing below the map`).to.be.at.most(page.clientHeight);
  const box = framed.map().getBoundingClientRect();
  expect([box.left, box.top, box.width, box.height], `${what}: the map fills the frame`).to.deep.equal([0, 0, view.innerWidth, view.innerHeight]);
}

before(async () => {
  await setViewport({ width: 2000, height: 1200 });
});

afterEach(() => {
  for (const framed of frames.splice(0)) framed.iframe.remove();
  for (const listener of listeners.splice(0)) window.removeEventListener('message', listener);
});

describe('frame.html: layout', function () {
  this.timeout(120000);

  it('shows every sample member, at 375 and 1280 px wide', async () => {
    const count = (await (await fetch('/data/members.geojson')).json()).features.length;
    for (const width of [375, 1280]) {
      const framed = frameOf({}, width, 480);
      await waitUntil(() => shownIn(framed) === count, `${width}: ${count} members shown`, { timeout: 20000 });
      framed.iframe.remove();
    }
  });

  it('fills the frame and never scrolls, from 240 × 240 px up, in the map and in the list view', async () => {
    const sizes = [
      [240, 240],
      [260, 480],
      [320, 568],
      [375, 480],
      [600, 300],
      [800, 600],
      [1280, 480],
      [1920, 1080],
    ] as const;
    for (const [width, height] of sizes) {
      const framed = frameOf({}, width, height);
      await waitUntil(() => /\d+ Mitglieder/.test(statusOf(framed)), `${width} × ${height}: the members loaded`, { timeout: 20000 });
      expectFilledWithoutScrolling(framed, `${width} × ${height}, map`);
      const toggle = framed.root().querySelectorAll<HTMLButtonElement>('.view-toggle button');
      toggle[1]!.click();
      await waitUntil(() => listOf(framed), `${width} × ${height}: the list`);
      expectFilledWithoutScrolling(framed, `${width} × ${height}, list`);
      framed.iframe.remove();
    }
  });

  it('a teaser fills its frame too, and its link leaves the frame for the top window', async () => {
    const href = new URL('/test/fixtures/frame-host/full-map.html', location.href).href;
    for (const [width, height] of [
      [240, 240],
      [300, 400],
    ] as const) {
      const framed = frameOf({ teaser: '', href }, width, height);
      await waitUntil(() => framed.iframe.contentDocument?.querySelector('member-map')?.shadowRoot?.querySelector('a.teaser'), 'the teaser', { timeout: 20000 });
      const link = framed.root().querySelector<HTMLAnchorElement>('a.teaser')!;
      expect([link.href, link.target]).to.deep.equal([href, '_top']);
      expectFilledWithoutScrolling(framed, `teaser ${width} × ${height}`);
      framed.iframe.remove();
    }
  });

  it('without the resizer, the frame keeps its height and the list scrolls inside it', async () => {
    const framed = frameOf({ view: 'list' }, 375, 480);
    await waitUntil(() => listOf(framed)?.querySelector('.list-member'), 'the list', { timeout: 20000 });
    await waitUntil(() => framed.asked.length > 0 && framed.asked.at(-1)! > DEFAULT_HEIGHT, 'the list asked for more');
    const list = listOf(framed)!;
    expect(framed.iframe.getBoundingClientRect().height, 'the iframe keeps its height').to.equal(480);
    expect(list.scrollHeight, 'the list scrolls inside').to.be.above(list.clientHeight);
    list.scrollTop = list.scrollHeight;
    expect(list.scrollTop, 'down to its end').to.be.above(0);
    expectFilledWithoutScrolling(framed, 'list, scrolled');
  });

  it('tells its parent the height it needs: the frame’s own for the map, the list’s for the list', async () => {
    const framed = frameOf({}, 375, 520);
    await waitUntil(() => shownIn(framed) > 0 && framed.asked.length > 0, 'the first height', { timeout: 20000 });
    expect(framed.asked, 'the map: the height the page gave the frame').to.deep.equal([520]);

    framed.root().querySelectorAll<HTMLButtonElement>('.view-toggle button')[1]!.click();
    await waitUntil(() => listOf(framed)?.querySelector('.list-member') && framed.asked.length > 1, 'the list’s height', { timeout: 10000 });
    const list = listOf(framed)!;
    const content = Math.ceil(framed.map().getBoundingClientRect().height - list.clientHeight + list.scrollHeight);
    const screenHeight = framed.iframe.contentWindow!.screen.availHeight;
    expect(framed.asked.at(-1), 'the list: its content, at least the map’s, at most one screen').to.equal(Math.max(520, Math.min(content, screenHeight)));
    expect(content, 'the whole sample is longer than the map').to.be.above(520);

    framed.root().querySelectorAll<HTMLButtonElement>('.view-toggle button')[0]!.click();
    await waitUntil(() => framed.asked.at(-1) === 520, 'the map’s height again');
  });

  it('a frame given less than 240 px (an iframe without height) asks for the element’s default height', async () => {
    const map = frameOf({}, 375, 0);
    const teaser = frameOf({ teaser: '', href: '/karte/' }, 300, 0);
    await waitUntil(() => map.asked.length > 0 && teaser.asked.length > 0, 'the heights', { timeout: 20000 });
    expect(map.iframe.getBoundingClientRect().height, 'an iframe without height').to.equal(150);
    expect([map.asked[0], teaser.asked[0]]).to.deep.equal([DEFAULT_HEIGHT, DEFAULT_TEASER_HEIGHT]);
  });

  it('near, by name and by AGS: the place marked, its nearest members on the map and listed with their distance', async () => {
    for (const near of ['Heidelberg', '08221000']) {
      const framed = frameOf({ near }, 800, 520);
      await waitUntil(() => statusOf(framed).trim() === '5 Mitglieder in der Nähe von Heidelberg' && shownIn(framed) === 5, `${near}: answered in the frame`, { timeout: 20000 });
      expect(framed.root().querySelector('.place-marker')!.textContent, near).to.contain('Heidelberg');
      expect(framed.root().querySelector('.near-bar button')!.textContent!.trim()).to.equal('Alle Mitglieder zeigen');
      framed.root().querySelectorAll<HTMLButtonElement>('.view-toggle button')[1]!.click();
      await waitUntil(() => listOf(framed)?.querySelector('.list-member__distance'), `${near}: the list with distances`, { timeout: 10000 });
      const places = [...framed.root().querySelectorAll('.list-member__place')].map((node) => node.textContent!.trim());
      const distances = [...framed.root().querySelectorAll('.list-member__distance')].map((node) => node.textContent!.trim());
      expect(places[0], near).to.equal('Heidelberg');
      expect(places, near).to.have.length(5);
      expect(distances.every((text) => /^\d+(,\d)? km entfernt$/.test(text)), distances.join(' | ')).to.equal(true);
    }
  });
});
