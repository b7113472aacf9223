import { expect, waitUntil } from '@open-wc/testing';

// No layout shift from the snippet. A CMS page gets exactly the lines the README tells editors to paste
// (stylesheet link, deferred script, tag), with text above and below the map, in an iframe under the
// strict Content-Security-Policy the README documents, loading the built files from dist/. The script
// arrives late (through /slow/, as on a slow connection), so the page is painted before the element is
// defined. The page's own `layout-shift` entries (buffered, so none is missed) must add up to less than
// 0.001; the same page without the stylesheet line must shift, so that the measurement can fail.
// Shifts that only move things inside the map (nodes in its shadow root are reported as null) are told
// apart from shifts of the page's content: the stylesheet answers for the latter, the element for both.
//
// `npm test` builds dist/ before running this file.

const README = '/README.md';
const MEMBERS = '/test/fixtures/members.geojson';
/** How late the script arrives: long enough for the page to be painted before it runs. */
const SCRIPT_DELAY_MS = 400;
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'";
const STYLESHEET_LINE = /^<link rel="stylesheet" href="[^"]*\/member-map\.css">\n/m;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The fenced code blocks of the README, each with the heading it stands under. */
async function readmeBlocks(): Promise<Array<{ heading: string; language: string; code: string }>> {
  const text = await (await fetch(README)).text();
  const blocks: Array<{ heading: string; language: string; code: string }> = [];
  let heading = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '');
    const fence = /^```(\w*)$/.exec(line);
    if (!fence) continue;
    const end = lines.indexOf('```', i + 1);
    if (end < 0) throw new Error(`README.md: the code block in line ${i + 1} is not closed`);
    blocks.push({ heading, language: fence[1]!, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** The first HTML snippet under `heading`, with its placeholder paths pointing at this server. */
async function readmeSnippet(heading: string): Promise<string> {
  const block = (await readmeBlocks()).find((candidate) => candidate.heading === heading && candidate.language === 'html');
  if (!block) throw new Error(`README.md has no html snippet under "${heading}"`);
  return block.code
    .replace('/path/to/member-map.css', '/dist/member-map.css')
    .replace('/path/to/member-map.iife.js', `/slow/${SCRIPT_DELAY_MS}/dist/member-map.iife.js`)
    .replace('/path/to/members.geojson', MEMBERS);
}

/** A CMS-like page with `snippet` in its content column: a heading and text above, more text below. */
function cmsPage(snippet: string): string {
  const paragraph = (n: number) =>
    `<p>Absatz ${n}: Die Mitglieder des Netzwerks beraten Kommunen bei der Beteiligung von Bürgerinnen und Bürgern, ` +
    `bei Leitlinien, Beiräten und Vorhabenlisten.</p>`;
  return `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${CSP}">
    <title>Mitglieder – CMS-Seite</title>
  </head>
  <body>
    <h1>Unsere Mitglieder</h1>
    ${paragraph(1)}
    ${snippet}
    <h2>Mitglied werden</h2>
    ${paragraph(2)}
    ${paragraph(3)}
    ${paragraph(4)}
  </body>
</html>`;
}

interface Shift {
  value: number;
  /** Whether the shift moved something of the page (not only the inside of the map). */
  page: boolean;
  sources: string[];
}
interface Measured {
  /** All the page's layout shifts added up. */
  cls: number;
  /** Only the shifts that moved the page's own content (anything but the inside of the map). */
  pageCls: number;
  shifts: Shift[];
  /** The element's height when painted first (before the script ran), and at the end. */
  reserved: number;
  final: number;
  violations: string[];
}

type LayoutShift = PerformanceEntry & {
  value: number;
  hadRecentInput: boolean;
  sources?: Array<{ node: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }>;
};

const frames = (win: Window) => new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));

/**
 * Loads `html` into an iframe of 800 × 900 px, waits until the map has drawn its basemap, and reads the
 * page's layout shifts (none within 500 ms of input: nothing here is input).
 */
let visits = 0;
async function measure(html: string): Promise<Measured> {
  const frame = document.createElement('iframe');
  frame.title = 'CMS-Seite';
  frame.width = '800';
  frame.height = '900';
  // A new script URL per visit: from the browser's cache the script would run before the first paint.
  frame.srcdoc = html.replace('member-map.iife.js"', `member-map.iife.js?visit=${++visits}"`);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  try {
    await waitUntil(() => frame.contentDocument?.querySelector('member-map'), 'page parsed', { timeout: 2000 });
    const doc = frame.contentDocument!;
    const win = frame.contentWindow! as Window & typeof globalThis;
    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
    // The first paint, before the late script has run.
    await frames(win);
    const el = doc.querySelector('member-map')!;
    const defined = Boolean(win.customElements.get('member-map'));
    if (defined) throw new Error('the script ran before the first paint: the measurement would show nothing');
    const reserved = el.getBoundingClientRect().height;

    await loaded;
    await waitUntil(() => el.shadowRoot?.querySelector('.leaflet-member-map-basemap-pane path'), 'basemap drawn', {
      timeout: 5000,
    });
    await sleep(300);
    await frames(win);

    const entries = await new Promise<LayoutShift[]>((resolve) => {
      const observer = new win.PerformanceObserver((list) => {
        observer.disconnect();
        resolve(list.getEntries() as LayoutShift[]);
      });
      observer.observe({ type: 'layout-shift', buffered: true });
      // Without any entry the callback is never called.
      setTimeout(() => {
        observer.disconnect();
        resolve([]);
      }, 500);
    });
    const box = el.getBoundingClientRect();
    const within = (rect: DOMRectReadOnly) =>
      rect.width === 0 || (rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5 && rect.top >= box.top - 0.5 && rect.bottom <= box.bottom + 0.5);
    const shifts = entries
      .filter((entry) => !entry.hadRecentInput)
      .map((entry) => {
        const sources = entry.sources ?? [];
        // Nodes in the element's shadow root are reported as null.
        const inside = (source: (typeof sources)[number]) =>
          (source.node === null || el.contains(source.node)) && within(source.previousRect) && within(source.currentRect);
        const px = (value: number) => String(Math.round(value * 10) / 10);
        const rect = ({ x, y, width, height }: DOMRectReadOnly) => `${px(x)},${px(y)} ${px(width)}×${px(height)}`;
        return {
          value: entry.value,
          page: sources.length === 0 || !sources.every(inside),
          sources: sources.map((source) => {
            const name = source.node ? source.node.nodeName.toLowerCase() : 'inside <member-map>';
            return `${name} ${rect(source.previousRect)} → ${rect(source.currentRect)}`;
          }),
        };
      });
    const sum = (list: Shift[]) => list.reduce((total, shift) => total + shift.value, 0);
    return {
      cls: sum(shifts),
      pageCls: sum(shifts.filter((shift) => shift.page)),
      shifts,
      reserved,
      final: el.getBoundingClientRect().height,
      violations,
    };
  } finally {
    frame.remove();
  }
}

/** The measured shifts, for failure messages and the log. */
const report = ({ cls, pageCls, shifts }: Measured) =>
  `CLS ${cls.toFixed(4)} (page content ${pageCls.toFixed(4)}): ` +
  (shifts.map(({ value, sources }) => `${value.toFixed(4)} [${sources.join('; ')}]`).join(', ') || 'no shift');

/** Measures `snippet` with and without its stylesheet line; `height` is what the stylesheet reserves. */
function layoutShiftSuite(heading: string, height: number, tag: RegExp) {
  let withStylesheet: Measured;
  let without: Measured;

  before(async function () {
    this.timeout(30000);
    const snippet = await readmeSnippet(heading);
    expect(snippet, 'the README snippet links the stylesheet').to.match(STYLESHEET_LINE);
    expect(snippet, 'and defers the script').to.match(/<script src="[^"]+" defer><\/script>/);
    expect(snippet).to.match(tag);
    without = await measure(cmsPage(snippet.replace(STYLESHEET_LINE, '')));
    withStylesheet = await measure(cmsPage(snippet));
    console.log(`${heading}, with member-map.css: ${report(withStylesheet)}`);
    console.log(`${heading}, without member-map.css: ${report(without)}`);
  });

  it('without member-map.css the content below the map jumps when the script runs', () => {
    expect(without.reserved, 'no height before the script ran').to.equal(0);
    expect(without.final).to.equal(height);
    expect(without.pageCls, report(without)).to.be.greaterThan(0.01);
  });

  it('with member-map.css the height is reserved and nothing around the map moves', () => {
    expect(withStylesheet.violations, 'no CSP violation').to.deep.equal([]);
    expect(withStylesheet.reserved, 'height reserved before the script ran').to.equal(height);
    expect(withStylesheet.final, 'the element takes the height that was reserved').to.equal(height);
    expect(withStylesheet.pageCls, report(withStylesheet)).to.be.lessThan(0.001);
  });

  it('with member-map.css the whole page, inside of the map included, has CLS < 0.001', () => {
    expect(withStylesheet.cls, report(withStylesheet)).to.be.lessThan(0.001);
  });
}

describe('no layout shift from the README snippet: the full map', () => {
  layoutShiftSuite('Embedding in a page', 480, /^<member-map src="[^"]+"><\/member-map>$/m);
});

describe('no layout shift from the README snippet: the sidebar teaser', () => {
  layoutShiftSuite('Kleine Karte in der Seitenspalte (teaser)', 240, /^<member-map teaser href="[^"]+" src="[^"]+"><\/member-map>$/m);
});

describe('dist/member-map.css', () => {
  it('reserves exactly the height the defined element takes, and leaves its states to it', async () => {
    const frame = document.createElement('iframe');
    frame.width = '800';
    frame.height = '900';
    frame.srcdoc = `<!doctype html><html lang="de"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="${CSP}">
      <link rel="stylesheet" href="/dist/member-map.css"></head><body>
      <member-map id="plain"></member-map>
      <member-map id="teaser" teaser href="/karte/"></member-map>
      <member-map id="teaser-without-href" teaser></member-map>
      <member-map id="custom"></member-map>
      <member-map id="hidden" hidden></member-map>
      </body></html>`;
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    try {
      await loaded;
      const doc = frame.contentDocument!;
      const win = frame.contentWindow! as Window & typeof globalThis;
      const $ = (id: string) => doc.getElementById(id)!;
      $('custom').style.setProperty('--member-map-height', '560px'); // CSSOM: allowed under the CSP
      const ids = ['plain', 'teaser', 'teaser-without-href', 'custom', 'hidden'];
      const heights = () => Object.fromEntries(ids.map((id) => [id, $(id).getBoundingClientRect().height]));
      // A teaser without `href` is the full map (the element's `:host([teaser][href])`).
      const expected = { plain: 480, teaser: 240, 'teaser-without-href': 480, custom: 560, hidden: 0 };
      expect(heights(), 'before the script').to.deep.equal(expected);
      expect(win.getComputedStyle($('hidden')).display).to.equal('none');

      const script = doc.createElement('script');
      script.src = '/dist/member-map.iife.js';
      const ran = new Promise((resolve, reject) => {
        script.onload = resolve;
        script.onerror = () => reject(new Error('dist/member-map.iife.js did not load: run `npm run build` first.'));
      });
      doc.head.append(script);
      await ran;
      await sleep(50);
      expect(ids.filter((id) => !$(id).shadowRoot), 'all upgraded').to.deep.equal([]);
      expect(heights(), 'after the script: the element’s own :host rules').to.deep.equal(expected);

      // Once defined, the element's own rules decide: the stylesheet must not keep a hidden map visible
      // or the full-screen fallback at 480 px (a plain `member-map { height }` rule would).
      $('plain').hidden = true;
      expect(win.getComputedStyle($('plain')).display).to.equal('none');
      $('plain').hidden = false;
      $('plain').setAttribute('fullscreen-fallback', '');
      expect($('plain').getBoundingClientRect().height).to.equal(win.innerHeight);
      $('plain').removeAttribute('fullscreen-fallback');
    } finally {
      frame.remove();
    }
  });
});

describe('README: every snippet with the script also links member-map.css', () => {
  it('in every code block that names member-map.iife.js', async () => {
    const blocks = (await readmeBlocks()).filter(({ code }) => code.includes('member-map.iife.js'));
    expect(blocks.length, 'snippets found (the page snippet, the teaser, TYPO3)').to.be.at.least(3);
    for (const { heading, language, code } of blocks) {
      const folder = /([^\s'"]*\/)member-map\.iife\.js/.exec(code)![1]!;
      expect(code, `${language} block under "${heading}"`).to.contain(`${folder}member-map.css`);
      if (language === 'html') {
        expect(code, `html block under "${heading}": the link before the script`).to.match(
          /<link rel="stylesheet" href="[^"]*member-map\.css">\n<script src="[^"]*member-map\.iife\.js" defer><\/script>/,
        );
      }
    }
  });
});
