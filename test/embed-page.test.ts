import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { MemberMap } from '../src/member-map.js';
import { visibleCounts } from './helpers.js';
import {
  applyOptions,
  buildIframe,
  buildShortcode,
  buildSnippet,
  FRAME_SANDBOX,
  frameUrl,
  contrastWithWhite,
  DEFAULT_OPTIONS,
  escapeAttribute,
  initEmbedPage,
  normalizeHeight,
  normalizeHexColor,
  normalizeHref,
  REGIONS,
  stylesheetUrl,
} from '../demo/embed.js';

const LINK_LINE = '<link rel="stylesheet" href="/fileadmin/member-map/member-map.css">';
const SCRIPT_LINE = '<script src="/fileadmin/member-map/member-map.iife.js" defer></script>';
/** What every snippet starts with: the stylesheet that reserves the map's height, then the script. */
const HEAD = `${LINK_LINE}\n${SCRIPT_LINE}`;

/** Reads a snippet back the way a browser would when a CMS page contains it. */
function parseSnippet(snippet: string): { links: HTMLLinkElement[]; scripts: HTMLScriptElement[]; maps: HTMLElement[] } {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${snippet}</body>`, 'text/html');
  return {
    links: [...doc.querySelectorAll('link')],
    scripts: [...doc.querySelectorAll('script')],
    maps: [...doc.querySelectorAll<HTMLElement>('member-map')],
  };
}

describe('embed generator: the snippet', () => {
  it('for the defaults has the stylesheet, the script and the element with only src and lang', () => {
    expect(buildSnippet(DEFAULT_OPTIONS)).to.equal(
      `${HEAD}\n<member-map src="../data/members.geojson" lang="de"></member-map>`,
    );
    expect(buildSnippet()).to.equal(buildSnippet(DEFAULT_OPTIONS));
  });

  it('adds region, height and accent colour in the documented form', () => {
    const snippet = buildSnippet({ src: '/fileadmin/members.geojson', region: 'DE-BW', height: '560px', accent: '#6B2D5C' });
    expect(snippet).to.equal(
      `${HEAD}\n<member-map src="/fileadmin/members.geojson" region="DE-BW" lang="de" ` +
        `style="--member-map-height: 560px; --member-map-accent: #6b2d5c"></member-map>`,
    );
  });

  it('adds tiles, lang and contact-email only when they differ from the element defaults', () => {
    const snippet = buildSnippet({ lang: 'en', tiles: 'off', contactEmail: 'beteiligung(at)example.org' });
    expect(snippet).to.contain(' lang="en" tiles="off" contact-email="beteiligung(at)example.org"');
    const defaults = buildSnippet({ tiles: 'consent', contactEmail: 'Stock@netzwerk-buergerbeteiligung.de', accent: '#00567F', height: '480' });
    expect(defaults).not.to.contain('tiles=');
    expect(defaults).not.to.contain('contact-email');
    expect(defaults).not.to.contain('style=');
  });

  it('escapes quotes, angle brackets and ampersands in every value', () => {
    const src = `a"b<c>&d'e.geojson`;
    const scriptUrl = '/x.js"></script><script>alert(1)</script>';
    const contactEmail = '"><img src=x onerror=alert(1)>@example.org';
    const snippet = buildSnippet({ src, scriptUrl, contactEmail });
    expect(snippet).to.contain('src="a&quot;b&lt;c&gt;&amp;d&#39;e.geojson"');
    expect(snippet).not.to.contain('<img');
    expect(snippet).not.to.contain('<script>alert');
    // Read back by an HTML parser, the values come out exactly as typed, and nothing else appears.
    const { links, scripts, maps } = parseSnippet(snippet);
    expect(links).to.have.length(1);
    expect(links[0]!.getAttribute('href')).to.equal(stylesheetUrl(scriptUrl));
    expect(scripts).to.have.length(1);
    expect(scripts[0]!.getAttribute('src')).to.equal(scriptUrl);
    expect(maps).to.have.length(1);
    expect(maps[0]!.getAttribute('src')).to.equal(src);
    expect(maps[0]!.getAttribute('contact-email')).to.equal(contactEmail);
    expect(escapeAttribute('a\nb')).to.equal('a b');
  });

  it('links member-map.css from the folder of the script', () => {
    expect(stylesheetUrl('/fileadmin/member-map/member-map.iife.js')).to.equal('/fileadmin/member-map/member-map.css');
    expect(stylesheetUrl('https://cdn.example.org/mm/v1/member-map.iife.js?v=2')).to.equal('https://cdn.example.org/mm/v1/member-map.css');
    expect(stylesheetUrl('member-map.iife.js')).to.equal('member-map.css');
    const snippet = buildSnippet({ scriptUrl: '/assets/karte/member-map.iife.js' });
    expect(snippet.split('\n').slice(0, 2)).to.deep.equal([
      '<link rel="stylesheet" href="/assets/karte/member-map.css">',
      '<script src="/assets/karte/member-map.iife.js" defer></script>',
    ]);
    const { links } = parseSnippet(buildSnippet({ scriptUrl: '/a"b/<c>/member-map.iife.js' }));
    expect(links.map((link) => [link.rel, link.getAttribute('href')])).to.deep.equal([['stylesheet', '/a"b/<c>/member-map.css']]);
  });

  it('for the teaser writes `teaser href`, leaves out tiles and contact, and defaults to 240 px', () => {
    expect(buildSnippet({ teaser: true, href: '/karte/' })).to.equal(
      `${HEAD}\n<member-map teaser href="/karte/" src="../data/members.geojson" lang="de"></member-map>`,
    );
    const options = { teaser: true, href: ' /karte/ ', region: 'DE-NW', tiles: 'on' as const, contactEmail: 'a@example.org' };
    expect(buildSnippet({ ...options, height: '240' })).to.contain(
      '<member-map teaser href="/karte/" src="../data/members.geojson" region="DE-NW" lang="de"></member-map>',
    );
    expect(buildSnippet({ ...options, height: '480' })).to.contain(' style="--member-map-height: 480px"');
    expect(buildSnippet({ ...options, height: '300', accent: '#6b2d5c' })).to.contain(
      ' style="--member-map-height: 300px; --member-map-accent: #6b2d5c"',
    );
    // No address yet, or one the element would refuse: `teaser` alone (the page reminds the editor).
    expect(buildSnippet({ teaser: true })).to.contain('<member-map teaser src=');
    expect(buildSnippet({ teaser: true, href: 'javascript:alert(1)' })).to.contain('<member-map teaser src=');
    // A full map ignores the address.
    expect(buildSnippet({ teaser: false, href: '/karte/' })).to.equal(buildSnippet(DEFAULT_OPTIONS));
  });

  it('escapes the teaser address like every other value', () => {
    const href = `/karte/?a="b"&c=<d>'e`;
    const snippet = buildSnippet({ teaser: true, href });
    expect(snippet).to.contain(' href="/karte/?a=&quot;b&quot;&amp;c=&lt;d&gt;&#39;e"');
    const { maps } = parseSnippet(snippet);
    expect(maps).to.have.length(1);
    expect(maps[0]!.hasAttribute('teaser')).to.equal(true);
    expect(maps[0]!.getAttribute('teaser')).to.equal('');
    expect(maps[0]!.getAttribute('href')).to.equal(href);
    expect(normalizeHref('https://www.example.org/karte/')).to.equal('https://www.example.org/karte/');
    expect(normalizeHref('karte.html')).to.equal('karte.html');
    expect(normalizeHref('  ')).to.equal(undefined);
    expect(normalizeHref('javascript:alert(1)')).to.equal(undefined);
    expect(normalizeHref('mailto:a@example.org')).to.equal(undefined);
  });

  it('never lets a height or colour value add other CSS', () => {
    const snippet = buildSnippet({ height: '480px; background: red', accent: 'red;x:y' });
    expect(snippet).not.to.contain('style=');
    expect(normalizeHeight('600')).to.equal('600px');
    expect(normalizeHeight('30rem')).to.equal('30rem');
    expect(normalizeHeight('70vh')).to.equal('70vh');
    expect(normalizeHeight('12')).to.equal(undefined); // too small to be a map
    expect(normalizeHeight('1e3px')).to.equal(undefined);
    expect(normalizeHexColor('#ABC')).to.equal('#aabbcc');
    expect(normalizeHexColor('00567f')).to.equal('#00567f');
    expect(normalizeHexColor('url(x)')).to.equal(undefined);
  });

  it('measures the contrast of white text on the accent colour (WCAG 2.1)', () => {
    expect(contrastWithWhite('#ffffff')).to.be.closeTo(1, 0.001);
    expect(contrastWithWhite('#000000')).to.be.closeTo(21, 0.001);
    expect(contrastWithWhite('#767676')).to.be.closeTo(4.54, 0.01);
    expect(contrastWithWhite('#00567f')).to.be.greaterThan(4.5);
    expect(contrastWithWhite('#f0c0d0')).to.be.lessThan(4.5);
  });
});

describe('embed generator: the three ways to embed', () => {
  it('writes near after region, and not for the teaser', () => {
    expect(buildSnippet({ region: 'DE-BW', near: ' Heidelberg ' })).to.contain('<member-map src="../data/members.geojson" region="DE-BW" near="Heidelberg" lang="de">');
    expect(buildSnippet({ teaser: true, href: '/karte/', near: 'Heidelberg' })).not.to.contain('near=');
  });

  it('writes the WordPress plugin\'s shortcode with the same attributes, height of its own, never tiles="on"', () => {
    expect(buildShortcode(DEFAULT_OPTIONS)).to.equal('[member-map src="../data/members.geojson" lang="de"]');
    expect(buildShortcode({ src: '/wp-content/uploads/members.geojson', region: 'DE-NW', near: 'Neustadt, Hessen', lang: 'en', tiles: 'off', height: '560' })).to.equal(
      '[member-map src="/wp-content/uploads/members.geojson" region="DE-NW" near="Neustadt, Hessen" lang="en" tiles="off" height="560px"]',
    );
    expect(buildShortcode({ tiles: 'on', accent: '#6b2d5c' })).to.equal('[member-map src="../data/members.geojson" lang="de"]');
    expect(buildShortcode({ teaser: true, href: '/karte/' })).to.equal('[member-map teaser href="/karte/" src="../data/members.geojson" lang="de"]');
    // A bracket or quote cannot end the shortcode or the attribute early.
    const shortcode = buildShortcode({ src: 'a"]b[c.geojson' });
    expect(shortcode).to.equal('[member-map src="a&quot;&#93;b&#91;c.geojson" lang="de"]');
    expect(shortcode.indexOf(']')).to.equal(shortcode.length - 1);
  });

  it('writes the iframe: frame.html beside the script with the options as query, title, lazy, fullscreen and the sandbox', () => {
    const snippet = buildIframe({ scriptUrl: '/fileadmin/member-map/member-map.iife.js', src: 'members.geojson', near: 'Neustadt, Hessen', tiles: 'off', contactEmail: 'a@example.org' });
    const frame = new DOMParser().parseFromString(snippet, 'text/html').querySelector('iframe')!;
    const url = new URL(frame.getAttribute('src')!, 'https://www.example.org/seite/');
    expect(url.pathname).to.equal('/fileadmin/member-map/frame.html');
    expect([...url.searchParams]).to.deep.equal([
      ['src', 'members.geojson'],
      ['near', 'Neustadt, Hessen'],
      ['lang', 'de'],
      ['tiles', 'off'],
      ['contact-email', 'a@example.org'],
    ]);
    expect(frame.getAttribute('title')).to.equal('Mitgliederkarte des Netzwerks Bürgerbeteiligung');
    expect(frame.getAttribute('height')).to.equal('480');
    expect(frame.getAttribute('width')).to.equal('100%');
    expect(frame.getAttribute('loading')).to.equal('lazy');
    expect(frame.getAttribute('allow')).to.equal('fullscreen');
    expect(frame.getAttribute('sandbox')).to.equal(FRAME_SANDBOX);
    expect(FRAME_SANDBOX.split(' ')).to.have.members(['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-top-navigation-by-user-activation']);
    expect(snippet).not.to.contain('<script');
  });

  it('leaves tile server and tiles="on" out of the frame, takes the teaser, and adds the resizer on request', () => {
    expect(frameUrl({ tiles: 'on' })).to.equal('/fileadmin/member-map/frame.html?src=..%2Fdata%2Fmembers.geojson&lang=de');
    expect(frameUrl({ teaser: true, href: '/karte/', scriptUrl: 'https://cdn.example.org/mm/member-map.iife.js' })).to.equal(
      'https://cdn.example.org/mm/frame.html?teaser=1&href=%2Fkarte%2F&src=..%2Fdata%2Fmembers.geojson&lang=de',
    );
    const teaser = new DOMParser().parseFromString(buildIframe({ teaser: true, href: '/karte/', lang: 'en' }, true), 'text/html');
    expect(teaser.querySelector('iframe')!.getAttribute('height')).to.equal('240');
    expect(teaser.querySelector('iframe')!.getAttribute('title')).to.equal('Map of the members of the Netzwerk Bürgerbeteiligung');
    const scripts = [...teaser.querySelectorAll('script')];
    expect(scripts.map((script) => [script.getAttribute('src'), script.defer])).to.deep.equal([['/fileadmin/member-map/member-map-frame.js', true]]);
    // A height in rem has no iframe attribute: it goes into the style.
    expect(buildIframe({ height: '30rem' })).to.contain('style="border: 0; height: 30rem"');
    // Values are escaped in the address and the attribute.
    const hostile = buildIframe({ src: '"><script>alert(1)</script>' });
    expect(new DOMParser().parseFromString(hostile, 'text/html').querySelectorAll('script')).to.have.length(0);
  });
});

describe('embed generator: applyOptions on a real <member-map>', () => {
  it('sets attributes and custom properties the element reads through its public API', async () => {
    const el = await fixture<MemberMap>(html`<member-map style="width: 600px"></member-map>`);
    applyOptions(el, { ...DEFAULT_OPTIONS, region: 'DE-BY', lang: 'en', tiles: 'off', height: '560px', accent: '#6b2d5c', contactEmail: 'a@example.org' });
    expect(el.getAttribute('src')).to.equal('../data/members.geojson');
    expect(el.getAttribute('region')).to.equal('DE-BY');
    expect(el.getAttribute('lang')).to.equal('en');
    expect(el.getAttribute('tiles')).to.equal('off');
    expect(el.getAttribute('contact-email')).to.equal('a@example.org');
    await el.updateComplete;
    expect(el.tiles).to.equal('off');
    expect(el.contactEmail).to.equal('a@example.org');
    expect(el.style.getPropertyValue('--member-map-accent')).to.equal('#6b2d5c');
    expect(getComputedStyle(el).getPropertyValue('--member-map-height').trim()).to.equal('560px');
    expect(el.getBoundingClientRect().height).to.equal(560); // the element reserves the chosen height
  });

  it('goes back to the element defaults without leaving an attribute null', async () => {
    const el = await fixture<MemberMap>(html`<member-map></member-map>`);
    applyOptions(el, { ...DEFAULT_OPTIONS, region: 'DE-BY', tiles: 'on', height: '600px', accent: '#6b2d5c', contactEmail: 'a@example.org' });
    applyOptions(el, DEFAULT_OPTIONS);
    await el.updateComplete;
    expect(el.getAttribute('region')).to.equal('');
    expect(el.tiles).to.equal('consent');
    expect(el.contactEmail).to.equal('stock@netzwerk-buergerbeteiligung.de');
    expect(el.style.getPropertyValue('--member-map-height')).to.equal('');
    expect(el.style.getPropertyValue('--member-map-accent')).to.equal('');
    expect(el.getBoundingClientRect().height).to.equal(480);
  });

  it('makes the preview a teaser and back to the full map', async () => {
    const el = await fixture<MemberMap>(html`<member-map style="width: 300px"></member-map>`);
    applyOptions(el, { ...DEFAULT_OPTIONS, teaser: true, href: '/karte/', height: '240', tiles: 'off', contactEmail: 'a@example.org' });
    expect(el.style.getPropertyValue('--member-map-height'), 'the teaser’s default height').to.equal('');
    expect(el.getAttribute('teaser')).to.equal('');
    expect(el.getAttribute('href')).to.equal('/karte/');
    // Choices the teaser has no use for go back to the element's defaults.
    expect(el.getAttribute('tiles')).to.equal('consent');
    expect(el.getAttribute('contact-email')).to.equal('stock@netzwerk-buergerbeteiligung.de');
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.equal(240);

    // Before the editor has typed the address, the preview still shows the teaser.
    applyOptions(el, { ...DEFAULT_OPTIONS, teaser: true, href: '', height: '240' });
    expect(el.getAttribute('href')).to.equal('#');
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.equal(240);

    applyOptions(el, DEFAULT_OPTIONS);
    expect(el.hasAttribute('teaser')).to.equal(false);
    expect(el.getAttribute('href')).to.equal('');
    await el.updateComplete;
    expect(el.getBoundingClientRect().height).to.equal(480);
  });
});

describe('embed generator: a freshly uploaded dist/ folder without members.geojson', () => {
  it('shows the sample members in the preview and says so, until the editor enters another file', async () => {
    const page = await (await fetch(new URL('../demo/embed.html', import.meta.url))).text();
    const parsed = new DOMParser().parseFromString(page, 'text/html');
    const missing = '/missing-folder/members.geojson';
    const field = parsed.querySelector<HTMLInputElement>('#embed-src')!;
    field.setAttribute('value', missing);
    parsed.querySelector('#embed-preview')!.setAttribute('src', missing);
    const container = await fixture<HTMLElement>(html`<div style="width: 1200px"></div>`);
    container.append(document.importNode(parsed.querySelector('main')!, true));
    const element = container.querySelector<MemberMap>('#embed-preview')!;
    const stop = initEmbedPage(container);
    try {
      element.scrollIntoView();
      await waitUntil(() => element.shadowRoot?.querySelectorAll('.member-cluster, .member-marker').length, 'the sample on the map', { timeout: 10000 });
      const note = container.querySelector<HTMLElement>('#embed-fallback-note')!;
      expect(note.hidden).to.equal(false);
      expect(note.textContent).to.contain('Beispielmitglieder');
      expect(element.getAttribute('src')).to.match(/member-map-sample\.geojson$/);
      expect(element.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      // The code still names the editor's file, not the sample.
      expect(container.querySelector<HTMLTextAreaElement>('#embed-code')!.value).to.contain(`src="${missing}"`);
      const srcField = container.querySelector<HTMLInputElement>('#embed-src')!;
      srcField.value = '/fileadmin/eigene.geojson';
      srcField.dispatchEvent(new Event('change', { bubbles: true }));
      expect(note.hidden).to.equal(true);
      expect(element.getAttribute('src')).to.equal('/fileadmin/eigene.geojson');
    } finally {
      stop();
    }
  });
});

describe('embed generator: the built page (dist/embed.html) in a freshly uploaded dist/ folder', () => {
  let iframe: HTMLIFrameElement | undefined;
  afterEach(() => iframe?.remove());

  it('shows the sample members in the preview and says so, with no 404 error, while the code keeps members.geojson', async function () {
    this.timeout(40000);
    // The folder exactly as built, without members.geojson (scripts/test-servers.js, uploadedDist).
    const folder = '/uploaded-dist/';
    expect((await fetch(`${folder}members.geojson`)).status, 'no members.geojson in the folder').to.equal(404);
    const sample = ((await (await fetch(`${folder}member-map-sample.geojson`)).json()).features as unknown[]).length;
    expect(sample).to.be.greaterThan(10);

    // The web editor opens …/embed.html in the browser: here in a frame on top of this page, so that the
    // preview lies in the window and starts.
    iframe = Object.assign(document.createElement('iframe'), { title: 'Karte einbinden', src: `${folder}embed.html` });
    iframe.style.cssText = 'position: fixed; top: 0; left: 0; width: 1280px; height: 900px; border: 0; z-index: 1';
    const loaded = new Promise((resolve) => iframe!.addEventListener('load', resolve, { once: true }));
    document.body.append(iframe);
    await loaded;
    const doc = iframe.contentDocument!;
    const preview = doc.querySelector<HTMLElement>('#embed-preview')!;
    preview.scrollIntoView();
    const shown = () => (preview.shadowRoot ? visibleCounts(preview).total : 0);
    await waitUntil(() => shown() === sample, 'every sample member in the preview', { timeout: 20000 });

    // The sample comes from the folder itself (the copy the build puts beside the script). The note below
    // is shown only after the preview's first address failed (demo/embed.ts, onPreviewError).
    expect(new URL(preview.getAttribute('src')!, doc.baseURI).pathname).to.equal(`${folder}member-map-sample.geojson`);

    const root = preview.shadowRoot!;
    expect(root.querySelector('[part="error"]'), 'no error in the preview').to.equal(null);
    expect(root.textContent).not.to.contain('404');
    await waitUntil(() => root.querySelector('[part="status"]')!.textContent!.trim() === `${sample} Mitglieder auf der Karte`, 'the count announced');
    const note = doc.querySelector<HTMLElement>('#embed-fallback-note')!;
    expect(note.checkVisibility(), 'the note is shown').to.equal(true);
    expect(note.textContent!.replace(/\s+/g, ' ')).to.contain('noch keine Datei members.geojson. Die Vorschau zeigt deshalb die Beispielmitglieder');
    // The code still names the folder's own file, the one the editor will upload.
    expect(doc.querySelector<HTMLTextAreaElement>('#embed-code')!.value).to.contain('<member-map src="members.geojson" lang="de"></member-map>');
  });
});

describe('embed generator: the page (demo/embed.html)', () => {
  let container: HTMLElement;
  let stop: () => void;
  const $ = <T extends HTMLElement>(selector: string) => container.querySelector<T>(selector)!;
  const code = () => $<HTMLTextAreaElement>('#embed-code').value;
  const change = (selector: string, value: string, type: 'input' | 'change' = 'change') => {
    const field = $<HTMLInputElement | HTMLSelectElement>(selector);
    field.value = value;
    field.dispatchEvent(new Event(type, { bubbles: true }));
  };

  beforeEach(async () => {
    // The page's own markup, without its scripts: the test wires it up like embed.html does.
    const page = await (await fetch(new URL('../demo/embed.html', import.meta.url))).text();
    const parsed = new DOMParser().parseFromString(page, 'text/html');
    container = await fixture<HTMLElement>(html`<div style="width: 1200px"></div>`);
    container.append(document.importNode(parsed.querySelector('main')!, true));
    stop = initEmbedPage(container);
  });

  afterEach(() => {
    stop();
    delete (navigator as unknown as Record<string, unknown>).clipboard;
  });

  it('shows the snippet for the defaults and the live element with the same options', () => {
    expect(code()).to.equal(buildSnippet(DEFAULT_OPTIONS));
    expect($('#embed-sample-note').hidden, 'reminder that the sample file is still in the code').to.equal(false);
    const preview = $('#embed-preview');
    expect(preview.getAttribute('tiles')).to.equal('consent');
    expect(preview.getAttribute('lang')).to.equal('de');
  });

  it('offers all of Germany and the 16 Bundesländer by ISO code', () => {
    const options = [...$<HTMLSelectElement>('#embed-region').options].map((option) => [option.value, option.text]);
    expect(options[0]).to.deep.equal(['', 'ganz Deutschland']);
    expect(options.slice(1)).to.deep.equal(REGIONS.map(({ code, name }) => [code, name]));
  });

  it('updates snippet and preview when region, language, tiles and colour change', async () => {
    change('#embed-region', 'DE-BW');
    $<HTMLInputElement>('input[name="lang"][value="en"]').click();
    $<HTMLInputElement>('#embed-tiles-off').click();
    change('#embed-accent', '#6b2d5c', 'input');
    expect(code()).to.contain('region="DE-BW" lang="en" tiles="off" style="--member-map-accent: #6b2d5c"');
    expect($<HTMLInputElement>('#embed-accent-picker').value).to.equal('#6b2d5c');
    const preview = $('#embed-preview');
    expect(preview.getAttribute('region')).to.equal('DE-BW');
    expect(preview.getAttribute('lang')).to.equal('en');
    expect(preview.getAttribute('tiles')).to.equal('off');
    expect(preview.style.getPropertyValue('--member-map-accent')).to.equal('#6b2d5c');

    change('#embed-accent-picker', '#112233', 'input');
    expect($<HTMLInputElement>('#embed-accent').value).to.equal('#112233');
    expect(code()).to.contain('--member-map-accent: #112233');
  });

  it('sends typed addresses to the preview after a pause, and to the snippet at once', async () => {
    change('#embed-src', '/fileadmin/mitglieder.geojson', 'input');
    expect(code()).to.contain('src="/fileadmin/mitglieder.geojson"');
    expect($('#embed-preview').getAttribute('src')).to.equal('../data/members.geojson');
    await waitUntil(() => $('#embed-preview').getAttribute('src') === '/fileadmin/mitglieder.geojson', 'preview follows');
    expect($('#embed-sample-note').hidden, 'no more reminder of the sample file').to.equal(true);
  });

  it('warns about a light accent colour and an impossible height', () => {
    change('#embed-accent', '#f0c0d0', 'input');
    const hint = $('#embed-accent-hint');
    expect(hint.classList.contains('warning')).to.equal(true);
    expect(hint.textContent).to.contain('zu hell');
    change('#embed-accent', '#00567f', 'input');
    expect(hint.classList.contains('warning')).to.equal(false);

    change('#embed-height', '12');
    expect($('#embed-height').getAttribute('aria-invalid')).to.equal('true');
    expect($('#embed-height-error').hidden).to.equal(false);
    expect(code()).not.to.contain('--member-map-height');
    change('#embed-height', '600');
    expect($('#embed-height').hasAttribute('aria-invalid')).to.equal(false);
    expect(code()).to.contain('--member-map-height: 600px');
  });

  it('copies with the Clipboard API and says so politely', async () => {
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void (copied = text) },
    });
    change('#embed-region', 'DE-HH');
    $<HTMLButtonElement>('#embed-copy').click();
    const status = $('#embed-copy-status');
    expect(status.getAttribute('role')).to.equal('status');
    await waitUntil(() => status.textContent!.startsWith('Kopiert'), 'announced');
    expect(copied).to.equal(code());
    expect(copied).to.contain('region="DE-HH"');
  });

  it('selects the code for Ctrl+C where the clipboard is not allowed', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
    $<HTMLButtonElement>('#embed-copy').click();
    const field = $<HTMLTextAreaElement>('#embed-code');
    await waitUntil(() => $('#embed-copy-status').textContent!.includes('Strg+C'), 'told to press Ctrl+C');
    expect(document.activeElement).to.equal(field);
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
  });

  it('resets every choice', async () => {
    change('#embed-region', 'DE-SN');
    change('#embed-accent', '#6b2d5c', 'input');
    $<HTMLInputElement>('#embed-kind-teaser').click();
    change('#embed-href', '/karte/', 'input');
    $<HTMLFormElement>('#embed-form').reset();
    await waitUntil(() => code() === buildSnippet(DEFAULT_OPTIONS), 'snippet back to the defaults');
    expect($<HTMLInputElement>('#embed-accent').value).to.equal('#00567f');
    expect($<HTMLInputElement>('#embed-height').value).to.equal('480');
    expect($('#embed-href-field').hidden).to.equal(true);
    expect($('#embed-preview').getAttribute('region')).to.equal('');
    expect($('#embed-preview').hasAttribute('teaser')).to.equal(false);
  });

  it('offers the teaser by keyboard: the address of the full map, 240 px, no tiles or contact', async () => {
    const full = $<HTMLInputElement>('#embed-kind-full');
    const teaser = $<HTMLInputElement>('#embed-kind-teaser');
    expect(full.checked).to.equal(true);
    expect(teaser.labels![0]!.textContent).to.equal('Kleine Übersichtskarte für eine Seitenspalte (Teaser)');
    expect($('#embed-href-field').hidden).to.equal(true);
    expect($('#embed-teaser-note').hidden).to.equal(true);

    full.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(teaser.checked, 'the arrow key chose the teaser').to.equal(true);
    expect($('#embed-href-field').hidden).to.equal(false);
    expect($<HTMLInputElement>('#embed-href').required).to.equal(true);
    expect($<HTMLInputElement>('#embed-height').value, 'the teaser’s own height').to.equal('240');
    expect($('#embed-height-hint').textContent).to.equal('Standard: 240 Pixel.');
    expect($<HTMLFieldSetElement>('#embed-tiles-fieldset').disabled).to.equal(true);
    expect($<HTMLFieldSetElement>('#embed-contact-fieldset').disabled).to.equal(true);
    expect($('#embed-href-note').hidden, 'reminder to enter the address').to.equal(false);
    expect($('#embed-href').hasAttribute('aria-invalid'), 'empty is no error yet').to.equal(false);
    expect(code()).to.contain('\n<member-map teaser src="../data/members.geojson" lang="de"></member-map>');
    expect($('.embed-preview').classList.contains('embed-preview--teaser')).to.equal(true);
    expect($('#embed-teaser-note').hidden).to.equal(false);

    await sendKeys({ press: 'Tab' });
    expect(document.activeElement, 'the address field comes next').to.equal($('#embed-href'));
    await sendKeys({ type: '/karte/' });
    expect(code()).to.equal(`${HEAD}\n<member-map teaser href="/karte/" src="../data/members.geojson" lang="de"></member-map>`);
    expect($('#embed-href-note').hidden).to.equal(true);
    const preview = $('#embed-preview');
    await waitUntil(() => preview.getAttribute('href') === '/karte/', 'the preview follows the typed address');
    expect(preview.hasAttribute('teaser')).to.equal(true);

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(document.activeElement).to.equal(teaser);
    await sendKeys({ press: 'ArrowUp' });
    expect(full.checked, 'back to the full map').to.equal(true);
    expect($<HTMLInputElement>('#embed-height').value).to.equal('480');
    expect($('#embed-href-field').hidden).to.equal(true);
    expect($<HTMLFieldSetElement>('#embed-tiles-fieldset').disabled).to.equal(false);
    expect(code()).to.equal(buildSnippet(DEFAULT_OPTIONS));
    expect(preview.hasAttribute('teaser')).to.equal(false);
  });

  it('keeps a height of the editor’s own when switching between full map and teaser', () => {
    change('#embed-height', '360');
    $<HTMLInputElement>('#embed-kind-teaser').click();
    expect($<HTMLInputElement>('#embed-height').value).to.equal('360');
    expect(code()).to.contain('--member-map-height: 360px');
    change('#embed-height', '12');
    expect($('#embed-height-error').textContent).to.contain('Standardhöhe von 240 Pixeln');
    change('#embed-height', '480');
    expect(code(), '480 px is not the teaser’s default').to.contain('--member-map-height: 480px');
    $<HTMLInputElement>('#embed-kind-full').click();
    expect($<HTMLInputElement>('#embed-height').value).to.equal('480');
    expect(code()).not.to.contain('--member-map-height');
  });

  it('keeps a click on the teaser preview on this page', async () => {
    $<HTMLInputElement>('#embed-kind-teaser').click();
    change('#embed-href', '/karte/');
    const preview = $('#embed-preview');
    // What the preview did with the click, read before this test's own safety net stops the navigation.
    const seen: boolean[] = [];
    const record = (event: Event) => {
      if (event.target !== preview) return; // (a click inside the element reaches here retargeted to it)
      seen.push(event.defaultPrevented);
      event.preventDefault();
    };
    document.addEventListener('click', record);
    try {
      const click = () => new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      await waitUntil(() => preview.shadowRoot?.querySelector('a[href]'), 'the teaser is one link');
      preview.shadowRoot!.querySelector('a[href]')!.dispatchEvent(click());
      $<HTMLInputElement>('#embed-kind-full').click();
      preview.dispatchEvent(click());
    } finally {
      document.removeEventListener('click', record);
    }
    expect(seen, 'teaser: prevented; full map: left alone').to.deep.equal([true, false]);
  });

  it('flags a teaser address the map would refuse, and passes axe with the teaser chosen', async () => {
    $<HTMLInputElement>('#embed-kind-teaser').click();
    change('#embed-href', 'javascript:alert(1)', 'input');
    expect($('#embed-href').getAttribute('aria-invalid')).to.equal('true');
    expect($('#embed-href-error').hidden).to.equal(false);
    expect($('#embed-href-error').textContent).to.contain('/mitglieder/karte/');
    expect(code()).to.contain('<member-map teaser src=');
    change('#embed-href', 'https://www.example.org/karte/', 'input');
    expect(code()).to.contain('<member-map teaser href="https://www.example.org/karte/" src=');
    expect($('#embed-href').hasAttribute('aria-invalid')).to.equal(false);
    expect($('#embed-href-error').hidden).to.equal(true);
    change('#embed-href', 'javascript:alert(1)', 'input');
    for (const control of container.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
      expect(control.labels?.length, `label for ${control.id || control.name}`).to.be.greaterThan(0);
    }
    await expect($('#embed-form')).to.be.accessible();
    await expect($('.embed-code')).to.be.accessible();
  });

  it('offers the script, the WordPress shortcode and the iframe, each with its own steps', async () => {
    // With the page's own styles: a `hidden` choice must not be shown by its grid layout.
    // (demo.css first, as the page links them: it styles the buttons that embed.css builds on.)
    for (const sheet of ['../demo/demo.css', '../demo/embed.css']) {
      const styles = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL(sheet, import.meta.url).href });
      const styled = new Promise((resolve) => styles.addEventListener('load', resolve, { once: true }));
      container.append(styles);
      await styled;
    }
    // The buttons' colour fades in (a transition from the browser's grey): axe must see where it ends.
    await waitUntil(() => getComputedStyle($('#embed-copy')).backgroundColor === 'rgb(32, 48, 64)', 'the page styles applied');
    expect($('#embed-resizer-field').checkVisibility(), 'the resizer choice is for the iframe only').to.equal(false);
    expect($('#embed-steps-script').hidden).to.equal(false);
    expect($('#embed-steps-script').textContent).not.to.contain('Individuelles HTML');
    change('#embed-region', 'DE-HE');
    $<HTMLInputElement>('#embed-way-wordpress').click();
    expect(code()).to.equal('[member-map src="../data/members.geojson" region="DE-HE" lang="de"]');
    expect($('#embed-steps-wordpress').hidden).to.equal(false);
    expect($('#embed-steps-script').hidden).to.equal(true);
    expect($('#embed-steps-wordpress').textContent).to.match(/Block „Shortcode“[\s\S]*Block „Mitgliederkarte“/);
    expect($('#embed-resizer-field').hidden).to.equal(true);
    $<HTMLInputElement>('#embed-tiles-on').click();
    expect($('#embed-way-note').hidden).to.equal(false);
    expect($('#embed-way-note').textContent).to.contain('Einstellungen → Mitgliederkarte');
    expect(code()).not.to.contain('tiles=');

    $<HTMLInputElement>('#embed-way-iframe').click();
    expect(code()).to.match(/^<iframe src="\/fileadmin\/member-map\/frame\.html\?src=[^"]*region=DE-HE/);
    expect($('#embed-steps-iframe').hidden).to.equal(false);
    // Typed into a CMS's own iframe fields instead of pasted, the snippet loses its sandbox and fullscreen: the step says so.
    const fields = $('#embed-iframe-fields');
    expect(fields.checkVisibility()).to.equal(true);
    expect(fields.textContent!.replace(/\s+/g, ' ')).to.match(/Ohne sandbox hat die Karte .* Ohne allow="fullscreen" füllt die Vollbild-Taste nur den Rahmen/);
    expect($('#embed-resizer-field').hidden).to.equal(false);
    expect($('#embed-resizer-field').checkVisibility()).to.equal(true);
    expect($('#embed-way-note').textContent).to.contain('erst nach Zustimmung');
    $<HTMLInputElement>('#embed-resizer').click();
    expect(code().split('\n')[1]).to.equal('<script src="/fileadmin/member-map/member-map-frame.js" defer></script>');
    await expect($('.embed-code')).to.be.accessible();

    $<HTMLInputElement>('#embed-way-script').click();
    expect(code()).to.equal(buildSnippet({ region: 'DE-HE', tiles: 'on' }));
  });

  it('offers municipalities from the gazetteer as the editor types `near`, and says what the map will show', async () => {
    const field = $<HTMLInputElement>('#embed-near');
    expect(field.getAttribute('list')).to.equal('embed-near-options');
    field.focus();
    await sendKeys({ type: 'Heidelb' });
    const options = () => [...container.querySelectorAll<HTMLOptionElement>('#embed-near-options option')];
    await waitUntil(() => options().length > 0, 'suggestions from the gazetteer', { timeout: 5000 });
    expect(options()[0]!.value).to.equal('Heidelberg');
    expect(options()[0]!.label).to.equal('Heidelberg (Baden-Württemberg, AGS 08221000)');
    await sendKeys({ type: 'erg' });
    const status = $('#embed-near-status');
    await waitUntil(() => status.textContent!.includes('Heidelberg'), 'the verdict');
    expect(status.textContent).to.equal('Die Karte öffnet bei Heidelberg (Baden-Württemberg, AGS 08221000) mit den nächsten Mitgliedern.');
    expect(field.hasAttribute('aria-invalid')).to.equal(false);
    expect(code()).to.contain(' near="Heidelberg" ');
    await waitUntil(() => $('#embed-preview').getAttribute('near') === 'Heidelberg', 'the preview opens on it');

    field.select();
    await sendKeys({ type: 'Neustadt' });
    await waitUntil(() => field.getAttribute('aria-invalid') === 'true', 'a name of several municipalities is flagged');
    expect(status.textContent).to.match(/^\d+ Gemeinden heißen „Neustadt“: bitte eine aus der Liste wählen, z\. B\. „Neustadt/);
    expect(options().length).to.be.at.most(8);
    expect(options().every((option) => /^Neustadt/.test(option.value))).to.equal(true);
    await expect($('#embed-form')).to.be.accessible();
  });

  it('labels every control and passes axe (form and code)', async () => {
    for (const control of container.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
      expect(control.labels?.length, `label for ${control.id || control.name}`).to.be.greaterThan(0);
    }
    await expect($('#embed-form')).to.be.accessible();
    await expect($('.embed-code')).to.be.accessible();
  });
});
