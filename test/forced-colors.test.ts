import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { MemberMap } from '../src/member-map.js';
import { loadedMap, shadow } from './helpers.js';

// Windows high contrast, as Chromium emulates it: the browser replaces the author's colours with the
// user's few system colours and drops every box-shadow. Whatever told states and edges apart only by
// a background or a shadow is then gone. Chromium only (the emulation needs CDP).

async function forcedColors(active: boolean): Promise<void> {
  const done = await executeServerCommand('emulate-forced-colors', { active });
  if (!done) throw new Error('forced-colour emulation needs Chromium (CDP)');
}

/** Visible on screen: not hidden, and more than the 1 px box of a visually hidden element. */
function shown(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return box.width > 4 && box.height > 4 && getComputedStyle(element).visibility !== 'hidden';
}

const transparent = (colour: string) => colour === 'transparent' || /rgba\(.*,\s*0\)$/.test(colour);

/**
 * Why `element` has no visible edge in its computed style, or '' when it has one: an outline, or a
 * border on all four sides, in a colour that is neither transparent nor the element's own background.
 */
function missingEdge(element: Element): string {
  const style = getComputedStyle(element);
  const background = style.backgroundColor;
  const line = (width: string, lineStyle: string, colour: string) =>
    parseFloat(width) >= 1 && lineStyle !== 'none' && lineStyle !== 'hidden' && !transparent(colour) && colour !== background;
  if (line(style.outlineWidth, style.outlineStyle, style.outlineColor)) return '';
  const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
  const bare = sides.filter((side) => {
    const property = (part: string) => style.getPropertyValue(`border-${side.toLowerCase()}-${part}`);
    return !line(property('width'), property('style'), property('color'));
  });
  if (bare.length === 0) return '';
  return `no outline, no border ${bare.join('/').toLowerCase()} (border ${style.border}, background ${background})`;
}

/** [r, g, b, a] of a computed colour (`rgb(…)` or `rgba(…)`). */
function channels(colour: string): number[] {
  const [r, g, b, a = 1] = colour.match(/[\d.]+/g)!.map(Number);
  return [r, g, b, a];
}

function luminance([r, g, b]: number[]): number {
  const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** The user's Canvas colour, as the browser resolves it now. */
function canvasColour(): number[] {
  const probe = document.body.appendChild(document.createElement('div'));
  probe.style.backgroundColor = 'Canvas';
  const colour = channels(getComputedStyle(probe).backgroundColor);
  probe.remove();
  return colour;
}

/**
 * The contrast of an element's text with what is behind it. In forced colours the browser paints a
 * backplate of Canvas right behind the text, unless the element opts out (forced-color-adjust: none),
 * when its own background shows (composited over Canvas where it is translucent).
 */
function textContrast(element: Element): number {
  const style = getComputedStyle(element);
  const canvas = canvasColour();
  let behind = canvas;
  if (style.getPropertyValue('forced-color-adjust') === 'none') {
    const [r, g, b, a] = channels(style.backgroundColor);
    behind = [r, g, b].map((c, i) => c * a + canvas[i] * (1 - a));
  }
  const [text, back] = [luminance(channels(style.color)), luminance(behind)];
  return (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05);
}

/** Everything a visitor can press: buttons, and what Leaflet makes a button (zoom, close, markers, clusters). */
function buttons(el: HTMLElement): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('button, [role="button"]')].filter(shown);
}

/** `button.close "Schließen"`: enough to find the element in a failure message. */
function nameOf(element: Element): string {
  const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
  return `${element.localName}${[...element.classList].map((name) => `.${name}`).join('')} "${text.slice(0, 40)}"`;
}

/** Elements of `list` without a visible edge, each with the reason. */
const edgeless = (list: Element[]) => list.map((element) => [nameOf(element), missingEdge(element)]).filter(([, why]) => why);

/** The buttons under `selector` that are on screen, after checking that there are `count` of them. */
function onScreen(el: HTMLElement, selector: string, count: number): HTMLElement[] {
  const found = [...shadow(el).querySelectorAll<HTMLElement>(selector)].filter(shown);
  expect(found.length, `${selector} on screen`).to.equal(count);
  return found;
}

/** Takes the focus away, so that a focus ring does not count as an edge. */
const blur = (el: HTMLElement) => (shadow(el).activeElement as HTMLElement | null)?.blur();

let run = 0;
/** Each test its own address for the places file (served wherever the element looks for it). */
const placesUrl = () => `/forced-colors-${Date.now()}-${run++}/member-map-places.json`;

describe('forced colours (Windows high contrast)', () => {
  before(async () => {
    await forcedColors(true);
    expect(matchMedia('(forced-colors: active)').matches, 'the emulation is on').to.be.true;
  });
  after(() => forcedColors(false));

  it('tells the pressed view button from the other by more than its background, both readable', async () => {
    const el = await loadedMap('members.geojson');
    const [mapButton, listButton] = shadow(el).querySelectorAll<HTMLButtonElement>('.view-toggle button');
    const check = (view: string) => {
      const [pressed, other] = mapButton.getAttribute('aria-pressed') === 'true' ? [mapButton, listButton] : [listButton, mapButton];
      expect(pressed.getAttribute('aria-pressed'), view).to.equal('true');
      const [mine, theirs] = [getComputedStyle(pressed), getComputedStyle(other)];
      const properties = ['color', 'outline-style', 'outline-width', 'outline-color'];
      for (const side of ['top', 'right', 'bottom', 'left']) properties.push(`border-${side}-width`, `border-${side}-style`, `border-${side}-color`);
      const differences = properties.filter((name) => mine.getPropertyValue(name) !== theirs.getPropertyValue(name));
      expect(differences, `what differs besides the background, ${view}`).not.to.be.empty;
      expect(textContrast(pressed), `contrast of the pressed button's text, ${view}`).to.be.at.least(4.5);
      expect(textContrast(other), `contrast of the other button's text, ${view}`).to.be.at.least(4.5);
    };
    check('map view');
    listButton.click();
    await el.updateComplete;
    check('list view');
  });

  it('outlines the consent bar, the popup, the contact panel and every button', async () => {
    const el = await loadedMap('members.geojson');
    const consentBar = shadow(el).querySelector('.consent-prompt')!;
    expect(consentBar, 'the consent bar').to.exist;
    const selected = oneEvent(el, 'member-map-select');
    el.selected = 'hd';
    await selected;
    const popup = shadow(el).querySelector('.leaflet-popup-content-wrapper')!;
    expect(popup, 'the popup').to.exist;
    shadow(el).querySelector<HTMLButtonElement>('[part="contact-button"]')!.click();
    await el.updateComplete;
    const panel = shadow(el).querySelector('[part="contact-panel"]')!;
    expect(panel, 'the contact panel').to.exist;
    // A focus ring is an outline too: measure the edges as they are when nothing has the focus.
    (shadow(el).activeElement as HTMLElement | null)?.blur();
    const tip = shadow(el).querySelector('.leaflet-popup-tip')!;
    const pressable = buttons(el);
    // At least: full screen, map, list, contact, consent, zoom in/out, popup close and join, panel close.
    expect(pressable.length, 'buttons on screen').to.be.greaterThan(9);
    expect(edgeless([consentBar, popup, tip, panel, ...pressable])).to.deep.equal([]);
  });

  it('outlines the narrow consent bar with its info button, and the button that hides the tiles again', async () => {
    const narrow = await loadedMap('members.geojson');
    narrow.style.width = '375px';
    await narrow.updateComplete;
    const info = shadow(narrow).querySelector('.consent-info')!;
    expect(shown(info), 'the info button of a narrow element').to.be.true;
    expect(edgeless([shadow(narrow).querySelector('.consent-prompt')!, ...buttons(narrow)])).to.deep.equal([]);

    // Consent given: the tiles come from the local test tile server.
    const { origin } = (await (await fetch('/__tiles/origin')).json()) as { origin: string };
    const granted = await loadedMap('members.geojson', { consent: 'granted', 'tile-url': `${origin}/forced-colors/{z}/{x}/{y}.png` });
    const withdraw = shadow(granted).querySelector('.consent-withdraw')!;
    expect(withdraw, 'the button that hides the tiles').to.exist;
    expect(edgeless(buttons(granted))).to.deep.equal([]);
  });

  it('outlines the skip link when it has the focus, and every "Auf der Karte zeigen" in the list', async () => {
    const el = await loadedMap('members.geojson');
    const skip = shadow(el).querySelector<HTMLButtonElement>('.skip-link')!;
    expect(shown(skip), 'the skip link without the focus: visually hidden').to.be.false;
    skip.focus();
    expect(shadow(el).activeElement, 'the skip link has the focus').to.equal(skip);
    expect(shown(skip), 'the skip link with the focus').to.be.true;
    expect(edgeless([skip])).to.deep.equal([]);

    el.view = 'list';
    await waitUntil(() => shadow(el).querySelectorAll('.list-member .link-button').length === 12, 'the 12 members listed', { timeout: 5000 });
    blur(el);
    const showOnMap = onScreen(el, '.list-member .link-button', 12);
    for (const button of showOnMap) expect(button.textContent!.trim()).to.match(/^Auf der Karte zeigen: /);
    expect(edgeless(showOnMap)).to.deep.equal([]);
  });

  it('outlines the near bar\'s "Alle Mitglieder zeigen" and the buttons that choose between places of one name', async () => {
    const el = await loadedMap('members.geojson', { near: 'Heidelberg', 'places-url': placesUrl() });
    await waitUntil(() => shadow(el).querySelector('.near-bar button'), 'the near bar', { timeout: 5000 });
    const [showAll] = onScreen(el, '.near-bar button', 1);
    expect(showAll!.textContent!.trim()).to.equal('Alle Mitglieder zeigen');
    expect(edgeless([showAll!])).to.deep.equal([]);

    const field = shadow(el).querySelector<HTMLInputElement>('[part="search"]')!;
    field.value = 'Frankfurt';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => shadow(el).querySelector('.place-choices[role="group"] button'), 'the choice between the Frankfurts', { timeout: 5000 });
    blur(el);
    const choices = onScreen(el, '.place-choices[role="group"] button', 2);
    expect(choices.map((button) => button.textContent!.trim())).to.deep.equal(['Frankfurt am Main (Hessen)', 'Frankfurt (Oder) (Brandenburg)']);
    expect(edgeless(choices)).to.deep.equal([]);
  });

  it('outlines the message and its retry when the member file cannot be reached', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = document.createElement('member-map') as MemberMap;
      el.src = 'http://127.0.0.1:9/members.geojson'; // nothing listens there: a network failure, which offers a retry
      const failed = oneEvent(el, 'member-map-error');
      await fixture(html`<div style="width:800px">${el}</div>`);
      await failed;
      await el.updateComplete;
      const message = shadow(el).querySelector<HTMLElement>('[part="error"]')!;
      expect(message.textContent, 'the message of a network failure').to.match(/nicht erreichbar/);
      const [retry] = onScreen(el, '[part="error"] button.retry', 1);
      expect(retry!.textContent!.trim()).to.equal('Erneut versuchen');
      expect(edgeless([message, retry!])).to.deep.equal([]);
    } finally {
      console.warn = warn;
    }
  });

  it('outlines the message and its retry when a part of the map cannot be loaded', async function () {
    this.timeout(30_000);
    // The classic script in a frame of this page (the emulation covers it), its list part answered
    // with 503 by the test server (scripts/test-servers.js, brokenParts), as test/chunks.test.ts does.
    const frame = document.createElement('iframe');
    frame.width = '900';
    frame.height = '700';
    frame.srcdoc = `<!doctype html><html lang="de"><body><member-map src="/test/fixtures/members.geojson" style="width: 800px"></member-map>
      <script src="/broken-parts/forced-colors-${Date.now()}/dist/member-map.iife.js"></script></body></html>`;
    const framed = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    try {
      await framed;
      const view = frame.contentWindow!;
      expect(view.matchMedia('(forced-colors: active)').matches, 'the emulation is on in the frame').to.be.true;
      const el = frame.contentDocument!.querySelector<HTMLElement>('member-map')!;
      const root = () => el.shadowRoot;
      await waitUntil(() => root()?.querySelector('[part="status"]')?.textContent?.trim() === '12 Mitglieder auf der Karte', 'the members on the map', { timeout: 15_000 });
      root()!.querySelectorAll<HTMLButtonElement>('.view-toggle button')[1]!.click();
      await waitUntil(() => root()!.querySelector('.list [role="alert"] button.retry'), 'the message with its retry', { timeout: 10_000 });
      (root()!.activeElement as HTMLElement | null)?.blur();
      const message = root()!.querySelector<HTMLElement>('.list [role="alert"]')!;
      const retry = message.querySelector<HTMLButtonElement>('button.retry')!;
      expect(message.querySelector('p')!.textContent).to.equal('Dieser Teil der Karte konnte nicht geladen werden. Bitte prüfen Sie die Internetverbindung.');
      expect(shown(message) && shown(retry), 'message and retry on screen').to.be.true;
      expect(edgeless([message, retry])).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
