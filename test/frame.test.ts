import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendMouse, setViewport } from '@web/test-runner-commands';
import { HEIGHT_MESSAGE, HEIGHT_REQUEST } from '../frame/height.js';
import { FRAME_SETTINGS, frameSettings } from '../frame/settings.js';

// The iframe embed (README, "Ohne Skript-Rechte: als iframe"), as a CMS page meets it: this test page is
// the host, on one origin, and embeds the built dist/frame.html from a second origin with the README's
// own snippet (read from README.md). The test server answers on localhost and on 127.0.0.1 alike: one
// server, two origins. The host page loads the built resizer, dist/member-map-frame.js.
//
// The test page cannot look into a frame from another origin. scripts/frame-commands.js does it through
// the browser's automation: 'frame-evaluate' runs an expression inside the frame, 'console-messages'
// records the console of the page and its frames, 'tab-open' and its siblings open a host page in a tab
// of its own and click into its frame (the teaser navigates the top window, which must not be this page).
// Chromium only; the frame's layout in Firefox too is test/frame-layout.test.ts.

const OTHER_ORIGIN = location.origin.replace(/\/\/(localhost|127\.0\.0\.1):/, (_, host: string) => `//${host === 'localhost' ? '127.0.0.1' : 'localhost'}:`);
const FRAME = `${OTHER_ORIGIN}/dist/frame.html`;
/** The sample members, relative to frame.html. */
const SAMPLE = '../data/members.geojson';
const FIXTURES = '/test/fixtures/frame-host';
const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';

interface ConsoleMessage {
  type: string;
  text: string;
  url: string;
}

/** The README's iframe snippet. */
let snippet = '';
let sampleCount = 0;
let tileOrigin = '';

/** Runs `script` in the frame showing `url`, in this page or in the page of a tab that 'tab-open' opened. */
const evaluateIn = async <T>(url: string, script: string, tab?: number): Promise<T> =>
  (await executeServerCommand<{ value: T }, { url: string; script: string; tab?: number }>('frame-evaluate', { url, script, ...(tab ? { tab } : {}) })).value;
const consoleMessages = (reset = false) => executeServerCommand<ConsoleMessage[], { reset: boolean }>('console-messages', { reset });

/** In the frame: the <member-map>'s shadow root, as an expression. */
const ROOT = `document.querySelector('member-map')?.shadowRoot`;
/** In the frame: the members shown, single markers and the counts of the cluster icons. */
const SHOWN = `(() => {
  const root = ${ROOT};
  if (!root) return -1;
  const clusters = [...root.querySelectorAll('.member-cluster')].reduce((sum, icon) => sum + Number(icon.querySelector('[aria-hidden]').textContent), 0);
  return root.querySelectorAll('.member-marker').length + clusters;
})()`;
/** In the frame: the page's and the map's box, and whether the page scrolls. */
const LAYOUT = `(() => {
  const page = document.documentElement;
  const map = document.querySelector('member-map').getBoundingClientRect();
  return {
    width: innerWidth, height: innerHeight,
    map: [map.left, map.top, map.width, map.height],
    scroll: [page.scrollWidth, page.scrollHeight, page.clientWidth, page.clientHeight, document.body.scrollHeight],
  };
})()`;
/** In the frame: the list's content and box heights, or null in the map view. */
const LIST = `(() => {
  const list = ${ROOT}.querySelector('[part~="list"]');
  return list ? { scroll: list.scrollHeight, client: list.clientHeight, screen: screen.availHeight } : null;
})()`;
const clickView = (which: 0 | 1) => `${ROOT}.querySelectorAll('.view-toggle button')[${which}].click()`;

interface Embedded {
  iframe: HTMLIFrameElement;
  column: HTMLDivElement;
  /** The frame's address, as the browser keeps it. */
  url: string;
  /** Every height the frame asked for, in order. */
  asked: number[];
  evaluate<T>(script: string): Promise<T>;
}

const embedded: Embedded[] = [];
let serial = 0;
const listeners: ((event: MessageEvent) => void)[] = [];

/** Embeds frame.html (from the other origin) with `query`, by the README's snippet, in a column `width` px wide. */
function embed(query: string | Record<string, string>, { width = 1280, change }: { width?: number; change?: (iframe: HTMLIFrameElement) => void } = {}): Embedded {
  const column = document.createElement('div');
  column.style.width = `${width}px`;
  const template = document.createElement('template');
  template.innerHTML = snippet;
  const iframe = template.content.querySelector('iframe')!;
  // A fragment of its own, which the page ignores, tells this frame from an earlier one with the same query.
  iframe.src = `${FRAME}?${new URLSearchParams(query)}#frame-${(serial += 1)}`;
  change?.(iframe);
  const asked: number[] = [];
  const listener = (event: MessageEvent) => {
    if (event.source === iframe.contentWindow && event.data?.type === HEIGHT_MESSAGE) asked.push(event.data.height);
  };
  window.addEventListener('message', listener);
  listeners.push(listener);
  column.append(iframe);
  document.body.append(column);
  const frame: Embedded = { iframe, column, url: iframe.src, asked, evaluate: (script) => evaluateIn(iframe.src, script) };
  embedded.push(frame);
  return frame;
}

async function shown(frame: Embedded, count = sampleCount): Promise<void> {
  await waitUntil(async () => (await frame.evaluate<number | null>(SHOWN)) === count, `${count} members shown in the frame`, { timeout: 20000 });
}

/** The iframe's content height, which the resizer sets (the snippet's frame has a 2 px border). */
const frameHeight = (frame: Embedded) => frame.iframe.clientHeight;

/** A point in the frame's page as a point in this page, for the mouse. */
function inside(frame: Embedded, point: { x: number; y: number }): [number, number] {
  const box = frame.iframe.getBoundingClientRect();
  return [Math.round(box.left + frame.iframe.clientLeft + point.x), Math.round(box.top + frame.iframe.clientTop + point.y)];
}

/** Resolves with the next message from `source` that `test` accepts (after the resizer saw it: it listens first). */
function nextMessage(source: () => Window | null, test: (data: unknown) => boolean): Promise<unknown> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      if (event.source !== source() || !test(event.data)) return;
      window.removeEventListener('message', listener);
      resolve(event.data);
    };
    window.addEventListener('message', listener);
  });
}

before(async () => {
  expect(OTHER_ORIGIN, 'a second origin').to.not.equal(location.origin);
  const readme = await (await fetch('/README.md')).text();
  const section = readme.slice(readme.indexOf('### Ohne Skript-Rechte: als iframe'));
  snippet = /<iframe[\s\S]*?><\/iframe>/.exec(section)![0];
  expect(snippet).to.contain(`sandbox="${SANDBOX}"`);
  sampleCount = (await (await fetch('/data/members.geojson')).json()).features.length;
  tileOrigin = (await (await fetch('/__tiles/origin')).json()).origin;
  await setViewport({ width: 1400, height: 1000 });
  await consoleMessages(true); // starts recording
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/dist/member-map-frame.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('no dist/member-map-frame.js: run `npm run build` first'));
    document.head.append(script);
  });
});

afterEach(async () => {
  for (const frame of embedded.splice(0)) frame.column.remove();
  for (const listener of listeners.splice(0)) window.removeEventListener('message', listener);
  if (document.fullscreenElement) await document.exitFullscreen();
});

describe('frame.html: the settings from its address', () => {
  const base = 'https://www.example.org/karte/frame.html';
  const read = (query: string) => frameSettings(query, base);

  it('passes every setting with a value that fits, in the order of FRAME_SETTINGS', () => {
    const query =
      'contact-subject=Mitglied+werden&src=members.geojson&region=DE-BW&near=Neustadt%2C+Hessen&nearest=7&lang=EN&view=list&selected=heidelberg' +
      '&teaser&href=%2Fkarte%2F&tiles=off&contact-email=beteiligung(at)example.org&contact-name=Marion+Stock&consent-storage=local';
    const { attributes, refused } = read(query);
    expect(refused).to.deep.equal([]);
    expect(attributes).to.deep.equal([
      ['src', 'members.geojson'],
      ['region', 'DE-BW'],
      ['near', 'Neustadt, Hessen'],
      ['nearest', '7'],
      ['lang', 'en'],
      ['view', 'list'],
      ['selected', 'heidelberg'],
      ['teaser', ''],
      ['href', '/karte/'],
      ['tiles', 'off'],
      ['contact-email', 'beteiligung(at)example.org'],
      ['contact-name', 'Marion Stock'],
      ['contact-subject', 'Mitglied werden'],
      ['consent-storage', 'local'],
    ]);
    expect(attributes.map(([name]) => name)).to.deep.equal([...FRAME_SETTINGS]);
    const own = 'https://www.example.org/daten/m.geojson';
    expect(read(`src=${encodeURIComponent(own)}&near=08221000&region=Baden-W%C3%BCrttemberg&tiles=consent`).attributes).to.deep.equal([
      ['src', own],
      ['region', 'Baden-Württemberg'],
      ['near', '08221000'],
      ['tiles', 'consent'],
    ]);
  });

  it('leaves out, with one reason each, every value that does not fit and every other parameter', () => {
    const hostile = {
      src: 'javascript:alert(1)',
      href: 'data:text/html,<script>alert(1)</script>',
      tiles: 'on',
      lang: 'fr',
      view: 'grid',
      nearest: '0',
      'consent-storage': 'session',
      'contact-email': '"><img src=x onerror=alert(1)>@example.org',
      'contact-name': '<img src=x onerror=alert(1)>',
      'contact-subject': 'a\nb',
      selected: '<b>x</b>',
      region: 'Narnia',
      near: '<svg onload=alert(1)>',
      teaser: 'maybe',
      'tile-url': 'https://tiles.example.org/{z}/{x}/{y}.png',
      'basemap-url': 'https://example.org/b.json',
      'places-url': 'https://example.org/p.json',
      consent: 'granted',
      'tile-attribution': 'x',
    };
    const { attributes, refused } = read(new URLSearchParams(hostile).toString());
    expect(attributes).to.deep.equal([]);
    expect(refused).to.have.length(Object.keys(hostile).length);
    for (const name of Object.keys(hostile)) expect(refused.some((reason) => reason.startsWith(`"${name}"`) || reason.startsWith(`${name}=`)), name).to.equal(true);
    expect(refused.find((reason) => reason.startsWith('tiles='))).to.contain('consent (the default) or off');
    // Tricks that a URL parser undoes are judged as the browser will read them.
    for (const src of ['java\tscript:alert(1)', ' JAVASCRIPT:alert(1)', 'vbscript:x', 'file:///etc/passwd']) {
      expect(read(`src=${encodeURIComponent(src)}`).attributes, src).to.deep.equal([]);
    }
    // A member file from another server: fetched before consent, another site's data under this address.
    for (const src of ['https://daten.example.org/m.geojson', '//evil.example/m.geojson', 'http://www.example.org/m.geojson']) {
      const other = read(`src=${encodeURIComponent(src)}`);
      expect(other.attributes, src).to.deep.equal([]);
      expect(other.refused[0], src).to.contain('server of frame.html');
    }
  });

  it('leaves out a parameter given twice, and empty values quietly; teaser=0 is off', () => {
    expect(read('lang=de&lang=en')).to.deep.equal({ attributes: [], refused: ['"lang" left out: given 2 times'] });
    expect(read('src=&near=&teaser=0')).to.deep.equal({ attributes: [], refused: [] });
    for (const on of ['teaser', 'teaser=', 'teaser=1', 'teaser=true', 'teaser=teaser']) expect(read(on).attributes, on).to.deep.equal([['teaser', '']]);
  });
});

describe('frame.html in an iframe from another origin, by the README snippet', function () {
  this.timeout(60000);

  it('shows every sample member, fills the frame and does not scroll, at 375 and 1280 px wide', async () => {
    for (const width of [375, 1280]) {
      const frame = embed({ src: SAMPLE }, { width });
      await shown(frame);
      const layout = await frame.evaluate<{ width: number; height: number; map: number[]; scroll: number[] }>(LAYOUT);
      expect(layout.width, `${width}: the frame's width`).to.equal(width);
      expect(layout.map, `${width}: the map fills the frame`).to.deep.equal([0, 0, layout.width, layout.height]);
      const [scrollWidth, scrollHeight, clientWidth, clientHeight] = layout.scroll;
      expect(scrollHeight, `${width}: no vertical scroll bar`).to.be.at.most(clientHeight!);
      expect(scrollWidth, `${width}: no horizontal scroll bar`).to.be.at.most(clientWidth!);
      frame.column.remove();
    }
  });

  it('names its page: lang and title follow `lang`, German by default', async () => {
    const german = embed({ src: SAMPLE });
    const english = embed({ src: SAMPLE, lang: 'en' });
    const page = `({ lang: document.documentElement.lang, title: document.title, ui: ${ROOT}?.querySelector('.view-toggle button')?.textContent.trim() })`;
    await waitUntil(async () => (await german.evaluate<{ ui?: string } | null>(page))?.ui, 'the German map', { timeout: 20000 });
    await waitUntil(async () => (await english.evaluate<{ ui?: string } | null>(page))?.ui, 'the English map', { timeout: 20000 });
    expect(await german.evaluate(page)).to.deep.equal({ lang: 'de', title: 'Mitgliederkarte – Netzwerk Bürgerbeteiligung', ui: 'Karte' });
    expect(await english.evaluate(page)).to.deep.equal({ lang: 'en', title: 'Member map – Netzwerk Bürgerbeteiligung', ui: 'Map' });
  });

  it('with the resizer, the iframe takes the height the frame asks for: the map’s, the list’s, the map’s again', async () => {
    for (const width of [375, 1280]) {
      const frame = embed({ src: SAMPLE }, { width });
      await shown(frame);
      await waitUntil(() => frame.asked.length > 0 && frameHeight(frame) === frame.asked.at(-1), `${width}: the iframe took the map's height`, { timeout: 10000 });
      expect(frame.asked.at(-1), `${width}: the map asks for the snippet's height`).to.equal(480);

      await frame.evaluate(clickView(1));
      await waitUntil(() => frame.asked.at(-1) !== 480 && frameHeight(frame) === frame.asked.at(-1), `${width}: the iframe took the list's height`, { timeout: 10000 });
      const list = (await frame.evaluate<{ scroll: number; client: number; screen: number }>(LIST))!;
      const layout = await frame.evaluate<{ height: number; scroll: number[] }>(LAYOUT);
      expect(layout.height, `${width}: the frame is as high as asked`).to.equal(frame.asked.at(-1));
      // The whole sample is longer than a screen: the frame is one screen high and the list scrolls inside.
      expect(frame.asked.at(-1), `${width}: one screen`).to.equal(list.screen);
      expect(list.scroll, `${width}: the list scrolls inside`).to.be.above(list.client);
      expect(layout.scroll[1], `${width}: the page does not`).to.be.at.most(layout.scroll[3]!);

      await frame.evaluate(clickView(0));
      await waitUntil(() => frame.asked.at(-1) === 480 && frameHeight(frame) === 480, `${width}: back to the map's height`, { timeout: 10000 });
      frame.column.remove();
    }
  });

  it('a short list asks for the map\'s height, never less, and shows whole', async () => {
    // Bremen has two members: their list is lower than the map.
    const frame = embed({ src: SAMPLE, region: 'DE-HB', view: 'list' }, { width: 375 });
    await waitUntil(async () => (await frame.evaluate<unknown>(LIST)) !== null, 'the list', { timeout: 20000 });
    await waitUntil(() => frame.asked.length > 0 && frameHeight(frame) === frame.asked.at(-1), 'the iframe took the asked height', { timeout: 10000 });
    const list = (await frame.evaluate<{ scroll: number; client: number }>(LIST))!;
    expect(frame.asked.at(-1)).to.equal(480);
    expect(list.scroll, 'the whole list is in view').to.be.at.most(list.client);
  });

  it('answers a height request, for a resizer that starts after the frame', async () => {
    const frame = embed({ src: SAMPLE });
    await waitUntil(() => frame.asked.length > 0, 'the first height', { timeout: 20000 });
    const count = frame.asked.length;
    frame.iframe.contentWindow!.postMessage({ type: HEIGHT_REQUEST }, OTHER_ORIGIN);
    await waitUntil(() => frame.asked.length === count + 1, 'asked again');
    expect(frame.asked.at(-1)).to.equal(frame.asked.at(-2));
  });

  it('a height message from another window, another origin, or with an insane height changes nothing', async () => {
    const frame = embed({ src: SAMPLE });
    await waitUntil(() => frameHeight(frame) === 480 && frame.asked.length > 0, 'the frame at its height', { timeout: 20000 });

    // From this page itself.
    const own = nextMessage(() => window, (data) => (data as { height?: number }).height === 900);
    window.postMessage({ type: HEIGHT_MESSAGE, height: 900 }, '*');
    await own;
    expect(frameHeight(frame), 'a message from the host page').to.equal(480);

    // From another frame.html on the frame's origin: it sizes that iframe (the control), not this one.
    const poster = embed('', { change: (iframe) => (iframe.src = `${OTHER_ORIGIN}${FIXTURES}/poster/frame.html?heights=[900]`) });
    await nextMessage(() => poster.iframe.contentWindow, (data) => (data as { type?: string }).type === 'poster:done');
    expect(frameHeight(poster), 'the poster sized its own iframe').to.equal(900);
    expect(frameHeight(frame), 'a message from another frame').to.equal(480);

    // From the frame's window, once it shows a page of another origin (the iframe's src still says the frame's).
    const away = `${location.origin}${FIXTURES}/poster/frame.html?heights=[700]`;
    const hop = embed('', { change: (iframe) => (iframe.src = `${OTHER_ORIGIN}${FIXTURES}/poster/frame.html?hop=${encodeURIComponent(away)}`) });
    await nextMessage(() => hop.iframe.contentWindow, (data) => (data as { type?: string }).type === 'poster:done');
    expect(frameHeight(hop), 'a message from another origin').to.equal(480);

    // From the right window and origin, but not a sane height; the last one is (the control).
    // JSON.parse reads 1e999 as Infinity.
    const heights = '["900", -5, 0, 99, 10001, 1e9, 1e999, null, {"height": 900}, [900], 450]';
    const checked = embed('', { change: (iframe) => (iframe.src = `${OTHER_ORIGIN}${FIXTURES}/poster/frame.html?heights=${encodeURIComponent(heights)}`) });
    const seen: [unknown, number][] = [];
    const watch = (event: MessageEvent) => {
      if (event.source === checked.iframe.contentWindow && event.data?.type === HEIGHT_MESSAGE) seen.push([event.data.height, frameHeight(checked)]);
    };
    window.addEventListener('message', watch);
    listeners.push(watch);
    await nextMessage(() => checked.iframe.contentWindow, (data) => (data as { type?: string }).type === 'poster:done');
    expect(seen, 'each height, and the iframe’s height right after it').to.deep.equal([
      ...(JSON.parse(heights) as unknown[]).slice(0, -1).map((height) => [height, 480]),
      [450, 450],
    ]);
  });

  it('leaves hostile settings out, with one console warning each, and runs none of them', async () => {
    await consoleMessages(true);
    const pwned: unknown[] = [];
    const watch = (event: MessageEvent) => event.data === 'pwned' && pwned.push(event.origin);
    window.addEventListener('message', watch);
    listeners.push(watch);
    const prefix = `frame-hostile-${Date.now()}`;
    const hostile = {
      src: 'javascript:parent.postMessage("pwned","*")',
      tiles: 'on',
      'tile-url': `${tileOrigin}/${prefix}/{z}/{x}/{y}.png`,
      consent: 'granted',
      'basemap-url': `${tileOrigin}/${prefix}/basemap.json`,
      'places-url': `${tileOrigin}/${prefix}/places.json`,
      'contact-name': '<img src=x onerror="document.title=\'pwned\'">',
      near: '<svg onload="document.title=\'pwned\'">',
    };
    const frame = embed(hostile);
    const attributes = `(() => { const map = document.querySelector('member-map'); return map && [...map.attributes].map((a) => a.name); })()`;
    await waitUntil(async () => (await frame.evaluate<string[] | null>(attributes)) !== null, 'the element', { timeout: 20000 });
    const set = (await frame.evaluate<string[]>(attributes)).filter((name) => name in hostile || name === 'src' || name === 'tiles');
    expect(set, 'no attribute from the hostile query').to.deep.equal([]);
    await waitUntil(async () => (await consoleMessages()).filter((m) => m.text.startsWith('member-map frame.html:')).length >= Object.keys(hostile).length, 'the warnings');
    const warnings = (await consoleMessages()).filter((message) => message.text.startsWith('member-map frame.html:'));
    expect(warnings.map((message) => message.type)).to.deep.equal(Object.keys(hostile).map(() => 'warn'));
    const about = (name: string) => warnings.filter(({ text }) => text.startsWith(`member-map frame.html: "${name}" `) || text.startsWith(`member-map frame.html: ${name}=`));
    for (const name of Object.keys(hostile)) expect(about(name), name).to.have.length(1);

    // A valid map beside it, with markup as its contact's name: shown as text in the contact panel.
    const markup = embed({ src: SAMPLE, 'contact-name': 'Marion <b>Stock</b>' });
    await shown(markup);
    await markup.evaluate(`${ROOT}.querySelector('[part="contact-button"]').click()`);
    await waitUntil(async () => await markup.evaluate<boolean>(`!!${ROOT}.querySelector('[part="contact-panel"]')`), 'the contact panel');
    expect(await markup.evaluate(`${ROOT}.querySelector('[part="contact-panel"] .contact-panel__mail').textContent`)).to.contain('Marion Stock');
    expect(await markup.evaluate(`document.querySelector('member-map').hasAttribute('contact-name')`), 'the name with markup was left out').to.equal(false);
    for (const each of [frame, markup]) {
      expect(await each.evaluate(`${ROOT}.querySelectorAll('[onerror], [onload], img[src="x"], b').length`), 'no markup from the query').to.equal(0);
      expect(await each.evaluate('document.title'), 'no handler ran').to.equal('Mitgliederkarte – Netzwerk Bürgerbeteiligung');
    }
    expect(pwned, 'no script from the query ran').to.deep.equal([]);
    const tileRequests = ((await (await fetch('/__tiles/log')).json()) as { path: string }[]).filter((request) => request.path.startsWith(`/${prefix}/`));
    expect(tileRequests, 'nothing from the tile server named in the query').to.deep.equal([]);
  });

  it('sends no request beyond its own origin before consent, under a strict Content-Security-Policy', async () => {
    await consoleMessages(true);
    // /csp/… answers with `default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'`
    // (scripts/test-servers.js): a request to the tile server is refused, and the refusal logged.
    const frame = embed({ src: SAMPLE }, {
      change: (iframe) => (iframe.src = iframe.src.replace('/dist/frame.html', '/csp/dist/frame.html')),
    });
    await shown(frame);
    await waitUntil(async () => await frame.evaluate<boolean>(`!!${ROOT}.querySelector('.leaflet-member-map-basemap-pane path')`), 'the basemap', { timeout: 10000 });
    const requested = await frame.evaluate<string[]>(`performance.getEntriesByType('resource').map((entry) => entry.name)`);
    expect(requested.length, 'the witness sees the frame’s requests').to.be.above(3);
    expect(requested.filter((url) => new URL(url).origin !== OTHER_ORIGIN), 'requests beyond the frame’s origin').to.deep.equal([]);
    const refused = (messages: ConsoleMessage[]) => messages.filter((message) => /Content Security Policy|Refused to/i.test(message.text));
    expect(refused(await consoleMessages()), 'no request refused by the policy, no inline script or style').to.deep.equal([]);

    // The control: after consent the map asks OpenStreetMap for tiles, which the policy refuses and logs.
    await frame.evaluate(`${ROOT}.querySelector('[part="consent"]').click()`);
    await waitUntil(async () => refused(await consoleMessages()).some((message) => message.text.includes('https://tile.openstreetmap.org/')), 'the tiles asked for after consent', { timeout: 10000 });
  });

  it('opens the teaser’s link in the top window', async () => {
    // In a tab of its own, whose top window the link may leave (this page's would end the test).
    const href = `${location.origin}${FIXTURES}/full-map.html`;
    const frameUrl = `${FRAME}?${new URLSearchParams({ teaser: '', href, src: SAMPLE })}`;
    const { tab } = await executeServerCommand<{ tab: number }, Record<string, unknown>>('tab-open', {
      url: `${location.origin}${FIXTURES}/host.html?${new URLSearchParams({ frame: frameUrl, height: '240' })}`,
      width: 1000,
      height: 800,
    });
    type Where = { top: string; frame: string | null };
    const where = () => executeServerCommand<Where, Record<string, unknown>>('tab-where', { tab, frameUrl });
    try {
      const caption = `${ROOT}?.querySelector('a.teaser .teaser-count')?.textContent ?? ''`;
      await waitUntil(async () => /\d/.test((await evaluateIn<string | null>(frameUrl, caption, tab)) ?? ''), 'the teaser with its members', { timeout: 20000 });
      const host = (await where()).top;
      await executeServerCommand('tab-click-frame', { tab, frameUrl });
      await waitUntil(async () => (await where()).top !== host || (await where()).frame !== frameUrl, 'a window navigated', { timeout: 10000 });
      expect(await where()).to.deep.equal({ top: href, frame: null });
    } finally {
      await executeServerCommand('tab-close', { tab });
    }
  });

  it('opens websites in a new tab and mail in the top window, where the browser hands it to the mail program', async () => {
    const frame = embed({ src: SAMPLE, selected: 'heidelberg' });
    const links = (where: string) => `[...(${ROOT}?.querySelectorAll('${where} a') ?? [])].map((a) => [a.protocol, a.target, a.rel])`;
    await waitUntil(async () => ((await frame.evaluate<unknown[] | null>(links('.leaflet-popup'))) ?? []).length > 0, 'the popup', { timeout: 20000 });
    expect(await frame.evaluate(links('.leaflet-popup .member-card'))).to.deep.equal([
      ['mailto:', '_top', ''],
      ['https:', '_blank', 'noopener noreferrer'],
    ]);
    await frame.evaluate(`${ROOT}.querySelector('.member-card__join').click()`);
    await waitUntil(async () => (await frame.evaluate<unknown[]>(links('[part="contact-panel"]'))).length > 0, 'the contact panel');
    expect(await frame.evaluate(links('[part="contact-panel"]'))).to.deep.equal([['mailto:', '_top', '']]);
    // The map's credits, Leaflet's own among them, leave the frame for a new tab too.
    const credits = await frame.evaluate<string[][]>(links('.leaflet-control-attribution'));
    expect(credits.length, 'Leaflet, OpenStreetMap or the basemap sources').to.be.greaterThan(1);
    for (const credit of credits) expect(credit).to.deep.equal(['https:', '_blank', 'noopener noreferrer']);

    // A real click on "Mitglied werden?"'s mail link, through the README's sandbox.
    await consoleMessages(true);
    const box = await frame.evaluate<{ x: number; y: number }>(`(() => {
      const link = ${ROOT}.querySelector('[part="contact-panel"] a').getBoundingClientRect();
      return { x: link.left + link.width / 2, y: link.top + link.height / 2 };
    })()`);
    await sendMouse({ type: 'click', position: inside(frame, box) });
    await waitUntil(async () => (await consoleMessages()).some((message) => message.text.startsWith("Launched external handler for 'mailto:")), 'the mail program', { timeout: 10000 });
    const messages = await consoleMessages();
    expect(messages.filter((message) => /sandbox|blocked|unsafe attempt/i.test(message.text)), 'nothing blocked').to.deep.equal([]);
  });

  it('goes fullscreen with allow="fullscreen", and without it fills the frame instead', async () => {
    const allowed = embed({ src: SAMPLE });
    await shown(allowed);
    expect(await allowed.evaluate('document.fullscreenEnabled')).to.equal(true);
    const box = await allowed.evaluate<{ x: number; y: number }>(`(() => {
      const button = ${ROOT}.querySelector('.fullscreen-button').getBoundingClientRect();
      return { x: button.left + button.width / 2, y: button.top + button.height / 2 };
    })()`);
    await sendMouse({ type: 'click', position: inside(allowed, box) });
    await waitUntil(() => document.fullscreenElement === allowed.iframe, 'the frame in fullscreen', { timeout: 5000 });
    await document.exitFullscreen();
    allowed.column.remove();

    const denied = embed({ src: SAMPLE }, { change: (frame) => frame.removeAttribute('allow') });
    await shown(denied);
    expect(await denied.evaluate('document.fullscreenEnabled')).to.equal(false);
    await denied.evaluate(`${ROOT}.querySelector('.fullscreen-button').click()`);
    await waitUntil(async () => await denied.evaluate<boolean>(`document.querySelector('member-map').hasAttribute('fullscreen-fallback')`), 'the fallback');
    const layout = await denied.evaluate<{ width: number; height: number; map: number[]; scroll: number[] }>(LAYOUT);
    expect(layout.map, 'the map fills the frame').to.deep.equal([0, 0, layout.width, layout.height]);
    expect(document.fullscreenElement).to.equal(null);
  });

  it('axe finds no violation on the host page, nor in the frame’s page', async () => {
    const frame = embed({ src: SAMPLE }, { width: 800 });
    await shown(frame);
    await expect(frame.column).to.be.accessible();
    const violations = await frame.evaluate<string[]>(`new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = ${JSON.stringify(`${location.origin}/node_modules/axe-core/axe.min.js`)};
      // The rules for a whole page (one main landmark, an h1) are the host page's to keep: the frame
      // is a part of it, and a second main or h1 inside would only confuse its outline.
      script.onload = () => axe.run(document, { rules: { 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } } }).then((result) => resolve(result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '))), reject);
      script.onerror = () => reject(new Error('axe did not load'));
      document.head.append(script);
    })`);
    expect(violations).to.deep.equal([]);
  });
});
