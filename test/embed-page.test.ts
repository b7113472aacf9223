import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { MemberMap } from '../src/member-map.js';
import {
  applyOptions,
  buildSnippet,
  contrastWithWhite,
  DEFAULT_OPTIONS,
  escapeAttribute,
  initEmbedPage,
  normalizeHeight,
  normalizeHexColor,
  REGIONS,
} from '../demo/embed.js';

const SCRIPT_LINE = '<script src="/fileadmin/member-map/member-map.iife.js" defer></script>';

/** Reads a snippet back the way a browser would when a CMS page contains it. */
function parseSnippet(snippet: string): { scripts: HTMLScriptElement[]; maps: HTMLElement[] } {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${snippet}</body>`, 'text/html');
  return { scripts: [...doc.querySelectorAll('script')], maps: [...doc.querySelectorAll<HTMLElement>('member-map')] };
}

describe('embed generator: the snippet', () => {
  it('for the defaults has the script and the element with only src and lang', () => {
    expect(buildSnippet(DEFAULT_OPTIONS)).to.equal(
      `${SCRIPT_LINE}\n<member-map src="../data/members.geojson" lang="de"></member-map>`,
    );
    expect(buildSnippet()).to.equal(buildSnippet(DEFAULT_OPTIONS));
  });

  it('adds region, height and accent colour in the documented form', () => {
    const snippet = buildSnippet({ src: '/fileadmin/members.geojson', region: 'DE-BW', height: '560px', accent: '#6B2D5C' });
    expect(snippet).to.equal(
      `${SCRIPT_LINE}\n<member-map src="/fileadmin/members.geojson" region="DE-BW" lang="de" ` +
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
    const { scripts, maps } = parseSnippet(snippet);
    expect(scripts).to.have.length(1);
    expect(scripts[0]!.getAttribute('src')).to.equal(scriptUrl);
    expect(maps).to.have.length(1);
    expect(maps[0]!.getAttribute('src')).to.equal(src);
    expect(maps[0]!.getAttribute('contact-email')).to.equal(contactEmail);
    expect(escapeAttribute('a\nb')).to.equal('a b');
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
    $<HTMLFormElement>('#embed-form').reset();
    await waitUntil(() => code() === buildSnippet(DEFAULT_OPTIONS), 'snippet back to the defaults');
    expect($<HTMLInputElement>('#embed-accent').value).to.equal('#00567f');
    expect($('#embed-preview').getAttribute('region')).to.equal('');
  });

  it('labels every control and passes axe (form and code)', async () => {
    for (const control of container.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
      expect(control.labels?.length, `label for ${control.id || control.name}`).to.be.greaterThan(0);
    }
    await expect($('#embed-form')).to.be.accessible();
    await expect($('.embed-code')).to.be.accessible();
  });
});
