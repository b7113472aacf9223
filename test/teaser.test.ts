import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/define.js';
import type { MemberMap } from '../src/member-map.js';
import { shadow } from './helpers.js';

// The sidebar teaser: a small overview that is one link to the full map.

const SAMPLE = new URL('/data/members.geojson', location.href).href;

async function teaser(attributes: Record<string, string>, size = { width: 260, height: 240 }): Promise<MemberMap> {
  const el = document.createElement('member-map') as MemberMap;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.style.setProperty('--member-map-height', `${size.height}px`);
  const loaded = oneEvent(el, 'member-map-load');
  el.src = SAMPLE;
  await fixture(html`<div>
    <button id="before">before</button>
    <div id="column">${el}</div>
    <button id="after">after</button>
  </div>`);
  (el.parentElement as HTMLElement).style.width = `${size.width}px`;
  el.scrollIntoView();
  await loaded;
  await waitUntil(() => shadow(el).querySelector('.leaflet-member-map-basemap-pane path'), 'the basemap', { timeout: 5000 });
  return el;
}

/** The text a screen reader reads from a subtree: all of it but what is aria-hidden or inert. */
function spokenText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && (node.getAttribute('aria-hidden') === 'true' || node.hasAttribute('inert'))) return '';
  return [...node.childNodes].map(spokenText).join('');
}

/** "63 Mitglieder in 16 Ländern", counted here from the sample file itself. */
async function expectedCaption(): Promise<string> {
  const features = (await (await fetch(SAMPLE)).json()).features as { properties: { state?: string } }[];
  const laender = new Set(features.map((feature) => feature.properties.state).filter(Boolean));
  return `${features.length} Mitglieder in ${laender.size} Ländern`;
}

describe('teaser for a sidebar', () => {
  afterEach(() => {
    if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  });

  it('shows the members as clusters on the basemap with a caption, and nothing to operate', async () => {
    const el = await teaser({ teaser: '', href: '#karte' });
    const root = shadow(el);
    expect(root.querySelector('.toolbar'), 'toolbar').to.equal(null);
    expect(root.querySelector('.leaflet-control-zoom'), 'zoom control').to.equal(null);
    expect(root.querySelector('.consent-prompt'), 'consent prompt').to.equal(null);
    expect(root.querySelector('[part="contact-button"]'), 'contact button').to.equal(null);
    expect(root.querySelectorAll('.member-cluster, .member-marker').length).to.be.greaterThan(0);
    const caption = await expectedCaption();
    expect(root.querySelector('.teaser-count')!.textContent).to.contain(caption);
    expect(root.querySelector('.teaser-attribution')!.textContent).to.contain('GeoBasis-DE / BKG');
    await expect(el).to.be.accessible();
  });

  it('is one link: one tab stop, named with the count, with a visible focus', async () => {
    const el = await teaser({ teaser: '', href: '/netzwerk/karte/' });
    const link = shadow(el).querySelector<HTMLAnchorElement>('a.teaser')!;
    expect(link.href).to.equal(new URL('/netzwerk/karte/', location.href).href);
    // Its name: the text a screen reader reads (everything but the aria-hidden parts).
    const name = spokenText(link);
    expect(name.replace(/\s+/g, ' ').trim()).to.equal(`Mitgliederkarte: ${await expectedCaption()}. Zur vollständigen Karte`);
    document.getElementById('before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(link);
    expect(getComputedStyle(link).outlineStyle).to.equal('solid');
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.id, 'the next tab stop is after the element').to.equal('after');
    // Nothing inside the map takes the focus.
    const focusable = [...shadow(el).querySelectorAll('[tabindex], a, button, input')].filter(
      (node) => node !== link && !node.closest('[inert]'),
    );
    expect(focusable).to.deep.equal([]);
  });

  it('goes to href from a click anywhere on it: the map, a cluster, the caption', async () => {
    const el = await teaser({ teaser: '', href: '#volle-karte' });
    const root = shadow(el);
    const targets = [root.querySelector('.leaflet-container')!, root.querySelector('.member-cluster')!, root.querySelector('.teaser-caption')!];
    for (const target of targets) {
      history.replaceState(null, '', location.pathname + location.search);
      const rect = target.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
      await waitUntil(() => location.hash === '#volle-karte', `a click on ${target.className} follows the link`);
    }
  });

  it('never loads tiles nor the places file, even with tiles="on"', async () => {
    await fetch('/__tiles/reset');
    const { origin } = await (await fetch('/__tiles/origin')).json();
    const el = await teaser({ teaser: '', href: '#karte', tiles: 'on', 'tile-url': `${origin}/teaser/{z}/{x}/{y}.png`, 'places-url': '/teaser-places/member-map-places.json' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await (await fetch('/__tiles/log')).json()).to.deep.equal([]);
    expect(performance.getEntriesByName(new URL('/teaser-places/member-map-places.json', location.href).href)).to.have.length(0);
    expect(shadow(el).querySelector('.leaflet-tile')).to.equal(null);
  });

  for (const size of [
    { width: 200, height: 160 },
    { width: 200, height: 320 },
    { width: 400, height: 160 },
    { width: 400, height: 320 },
  ]) {
    it(`fits all of Germany in ${size.width} × ${size.height} px, above its caption`, async () => {
      const el = await teaser({ teaser: '', href: '#karte' }, size);
      expect(el.getBoundingClientRect().height).to.equal(size.height);
      const root = shadow(el);
      const germanyPath = () => [...root.querySelectorAll('.leaflet-member-map-basemap-pane path')].find((path) => path.getAttribute('fill') === '#fcfbf7');
      await waitUntil(germanyPath, 'Germany drawn (the basemap comes in slices)', { timeout: 5000 });
      const germany = germanyPath()!;
      const map = root.querySelector('.leaflet-container')!.getBoundingClientRect();
      const caption = root.querySelector('.teaser-caption')!.getBoundingClientRect();
      const land = germany.getBoundingClientRect();
      // Within the border's own width (1.6 px) of the box.
      expect(land.left).to.be.at.least(map.left - 2);
      expect(land.right).to.be.at.most(map.right + 2);
      expect(land.top).to.be.at.least(map.top - 2);
      expect(land.bottom).to.be.at.most(caption.top + 2);
    });
  }

  it('with region, shows that Land outlined, and counts its members', async () => {
    const el = await teaser({ teaser: '', href: '#karte', region: 'DE-BW' });
    await waitUntil(() => shadow(el).querySelector('path[stroke="#4f5863"]'), 'the outline of Baden-Württemberg');
    const features = (await (await fetch(SAMPLE)).json()).features as { properties: { state?: string } }[];
    const inLand = features.filter((feature) => feature.properties.state === 'Baden-Württemberg').length;
    expect(shadow(el).querySelector('.teaser-count')!.textContent).to.contain(`${inLand} Mitglieder in 1 Land`);
  });

  it('without href warns once and shows the full map', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (message: unknown) => warnings.push(message);
    try {
      const el = await teaser({ teaser: '' });
      expect(shadow(el).querySelector('.toolbar')).to.exist;
      expect(shadow(el).querySelector('a.teaser')).to.equal(null);
      expect(warnings.filter((message) => String(message).includes('`teaser` needs `href`'))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('still leads to the full map when the member file is missing, and says nothing wrong about it', async () => {
    const el = document.createElement('member-map') as MemberMap;
    el.setAttribute('teaser', '');
    el.setAttribute('href', '#karte');
    const failed = new Promise((resolve) => el.addEventListener('member-map-error', resolve, { once: true }));
    el.src = '/nowhere/members.geojson';
    // A page whose own type is a serif: the note must keep the element's type, like the caption.
    await fixture(html`<div style="width: 260px; font: 20px/2 serif; color: #c00">${el}</div>`);
    el.scrollIntoView();
    await failed;
    await el.updateComplete;
    const link = shadow(el).querySelector('a.teaser')!;
    expect(spokenText(link).replace(/\s+/g, ' ').trim()).to.equal('Mitgliederkarte: Zur Mitgliederkarte. Zur vollständigen Karte');
    const note = shadow(el).querySelector('[part="error"]')!;
    expect(note.getAttribute('role')).to.equal('alert');
    const noteStyle = getComputedStyle(note.querySelector('strong')!);
    const linkStyle = getComputedStyle(link);
    expect(noteStyle.fontFamily, 'the note in the element’s type, not the page’s').to.equal(linkStyle.fontFamily);
    expect(noteStyle.fontFamily).not.to.contain('serif,').and.not.to.equal('serif');
    expect(noteStyle.color).to.equal(linkStyle.color);
    expect(parseFloat(noteStyle.fontSize)).to.be.below(20);
  });

  it('takes only http(s) addresses: href="javascript:…" is no teaser', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const el = await teaser({ teaser: '', href: 'javascript:alert(1)' });
      expect(shadow(el).querySelector('a.teaser')).to.equal(null);
      expect(shadow(el).querySelector('a[href^="javascript"]')).to.equal(null);
    } finally {
      console.warn = warn;
    }
  });
});
