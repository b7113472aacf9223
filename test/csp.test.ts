import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

// A page with a strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval') loading the
// classic script from a nested folder: a whole visitor session must not violate the policy.
//
// Every violation on the page counts, whoever caused it: nothing is filtered. The test's own code
// therefore never uses inline styles or scripts (sizes are set through the CSSOM), and two
// deliberate violations, one before and one after the session, prove that the policy is in force and
// that violations inside a shadow root reach the recorder — so a silent recorder cannot pass for a
// clean session. Each violation is recorded with the step it happened in and whether it came from
// inside a <member-map>.

interface Violation {
  step: string;
  directive: string;
  blocked: string;
  source: string;
  sample: string;
  /** Reported on a node inside a <member-map>, or by a script of the bundle. */
  fromElement: boolean;
  fromBundle: boolean;
}
const violations: Violation[] = [];
let step = 'page setup';
document.addEventListener(
  'securitypolicyviolation',
  (event) =>
    violations.push({
      step,
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      source: `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      sample: event.sample,
      fromElement: event.composedPath().some((node) => node instanceof Element && node.localName === 'member-map'),
      fromBundle: event.sourceFile.includes('/dist/member-map'),
    }),
  true,
);

const shadow = (el: Element) => el.shadowRoot!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Violation events are queued as tasks: give them time to arrive. */
const settle = () => sleep(150);

interface MemberMapElement extends HTMLElement {
  selected: string;
  view: string;
}

/** A violation the test causes on purpose, inside a shadow root of its own; resolves when it was reported. */
async function provokeViolation(kind: 'style' | 'script'): Promise<Violation> {
  const host = document.body.appendChild(document.createElement('div'));
  const root = host.attachShadow({ mode: 'open' });
  const count = violations.length;
  step = `control: inline ${kind}`;
  if (kind === 'style') {
    const probe = root.appendChild(document.createElement('p'));
    probe.setAttribute('style', 'color: rgb(1, 2, 3)');
    await waitUntil(() => violations.length > count, 'the inline style attribute was reported', { timeout: 2000 });
    expect(getComputedStyle(probe).color, 'and blocked').to.not.equal('rgb(1, 2, 3)');
  } else {
    const script = document.createElement('script');
    script.textContent = 'window.__cspControl = 1';
    root.appendChild(script);
    await waitUntil(() => violations.length > count, 'the inline script was reported', { timeout: 2000 });
    expect((window as unknown as { __cspControl?: number }).__cspControl, 'and blocked').to.equal(undefined);
  }
  host.remove();
  expect(violations.length, 'exactly one violation from the control').to.equal(count + 1);
  return violations.pop()!;
}

describe('strict Content-Security-Policy', () => {
  let tileOrigin = '';

  before(async () => {
    tileOrigin = (await (await fetch('/__tiles/origin')).json()).origin;
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = `default-src 'self'; img-src 'self' data: ${tileOrigin}; style-src 'self'; script-src 'self'`;
    document.head.append(meta);
    step = 'loading the classic bundle';
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/dist/member-map.iife.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('the bundle did not load: run `npm run build` first'));
      document.head.append(script);
    });
  });

  it('reports no violation through a whole visitor session', async function () {
    this.timeout(30000);
    expect((await provokeViolation('style')).directive).to.equal('style-src-attr');
    expect(violations, 'nothing before the session').to.deep.equal([]);

    const start = performance.now();
    step = 'load';
    const el = document.createElement('member-map') as MemberMapElement;
    el.setAttribute('src', '/test/fixtures/members.geojson');
    el.setAttribute('tile-url', `${tileOrigin}/csp/{z}/{x}/{y}.png`);
    const loaded = oneEvent(el, 'member-map-load');
    const wrapper = await fixture<HTMLDivElement>(html`<div>${el}</div>`);
    wrapper.style.width = '800px'; // through the CSSOM: a style="" attribute would break this page's own policy
    await loaded;
    await waitUntil(() => shadow(el).querySelector('.leaflet-member-map-basemap-pane path'), 'basemap', { timeout: 5000 });
    const root = shadow(el);
    const button = (selector: string) => {
      const found = root.querySelector<HTMLElement>(selector);
      expect(found, selector).to.exist;
      return found!;
    };

    step = 'zoom buttons and keyboard panning';
    button('.leaflet-control-zoom-in').click();
    await sleep(400);
    button('.leaflet-control-zoom-out').click();
    await sleep(400);
    button('.leaflet-container').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowDown' });
    await sleep(300);

    step = 'wheel without Ctrl (gesture hint)';
    button('.leaflet-map-pane').dispatchEvent(new WheelEvent('wheel', { deltaY: 100, bubbles: true, cancelable: true, composed: true }));
    await waitUntil(() => root.querySelector('.gesture-hint.visible'), 'gesture hint');

    step = 'cluster expand (click and Enter)';
    button('.member-cluster').click();
    await sleep(700);
    const cluster = root.querySelector<HTMLElement>('.member-cluster');
    if (cluster) {
      cluster.focus();
      await sendKeys({ press: 'Enter' });
      await sleep(700);
    }

    step = 'popup from a marker click, closed with Escape';
    const opened = oneEvent(el, 'member-map-select');
    button('.member-marker').click();
    await opened;
    await sleep(300);
    expect(root.querySelector('.leaflet-popup .member-card')).to.exist;
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root.querySelector('.leaflet-popup'), 'popup closed');

    step = 'popup from `selected` and the contact panel from it';
    const selected = oneEvent(el, 'member-map-select');
    el.selected = 'hd';
    await selected;
    button('.member-card__join').click();
    await waitUntil(() => root.querySelector('[part="contact-panel"]'), 'contact panel');
    button('[part="contact-panel"] .close').click();
    await waitUntil(() => !root.querySelector('[part="contact-panel"]'), 'contact panel closed');

    step = 'contact panel from its button, closed with Escape';
    button('[part="contact-button"]').click();
    await waitUntil(() => root.querySelector('[part="contact-panel"]'), 'contact panel');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root.querySelector('[part="contact-panel"]'), 'contact panel closed');

    step = 'list view, search, show on map';
    [...root.querySelectorAll<HTMLButtonElement>('.view-toggle button')][1].click();
    await waitUntil(() => root.querySelector('[part="list"]'), 'list');
    button('[part="search"]').focus();
    await sendKeys({ type: 'kinder jugend' });
    await sleep(300);
    expect(root.querySelectorAll('.list-member')).to.have.length(1);
    const shown = oneEvent(el, 'member-map-select');
    button('.list-member .link-button').click();
    await shown;
    await sleep(300);

    step = 'search by place: the gazetteer, the nearest members, the marked place';
    const field = button('[part="search"]') as HTMLInputElement;
    field.select();
    await sendKeys({ type: 'Heidelberg' });
    await waitUntil(() => /in der Nähe von Heidelberg/.test(root.querySelector('[part="status"]')!.textContent!), 'the nearest members', { timeout: 5000 });
    await waitUntil(() => root.querySelector('.place-marker'), 'the place marked on the map');
    field.select();
    await sendKeys({ type: 'Frankfurt' });
    await waitUntil(() => root.querySelector('.place-choices button'), 'the choice of places');
    root.querySelector<HTMLButtonElement>('.place-choices button')!.click();
    await waitUntil(() => /in der Nähe von Frankfurt am Main/.test(root.querySelector('[part="status"]')!.textContent!), 'the chosen place');

    step = 'search without results on the map';
    const input = button('[part="search"]') as HTMLInputElement;
    input.select();
    await sendKeys({ type: 'xyzzy' });
    await waitUntil(() => root.querySelector('.map-empty'), 'no results');
    input.select();
    await sendKeys({ press: 'Backspace' });
    await sleep(300);

    step = 'skip link';
    button('.skip-link').click();
    await waitUntil(() => root.querySelector('[part="list"]'), 'list after the skip link');
    el.view = 'map';
    await sleep(200);

    step = 'fullscreen (fallback) on and off';
    button('.fullscreen-button').click();
    await waitUntil(() => button('.fullscreen-button').getAttribute('aria-pressed') === 'true', 'fullscreen');
    await sleep(200);
    button('.fullscreen-button').click();
    await waitUntil(() => button('.fullscreen-button').getAttribute('aria-pressed') === 'false', 'fullscreen off');

    step = 'language switch';
    el.setAttribute('lang', 'en');
    await sleep(200);

    step = 'consent: tiles';
    const granted = oneEvent(el, 'member-map-consent');
    button('[part="consent"]').click();
    await granted;
    await waitUntil(() => root.querySelector('img.leaflet-tile'), 'tiles after consent', { timeout: 3000 });
    await waitUntil(() => root.querySelector('.leaflet-control-attribution')?.textContent?.includes('OpenStreetMap'), 'attribution');
    await sleep(300);

    step = 'withdraw: back to the offline basemap';
    const withdrawn = oneEvent(el, 'member-map-consent');
    button('.consent-withdraw').click();
    expect((await withdrawn).detail.granted).to.equal(false);
    await waitUntil(() => !root.querySelector('img.leaflet-tile'), 'tiles removed');
    await waitUntil(() => root.querySelector('.leaflet-member-map-basemap-pane path'), 'basemap back', { timeout: 5000 });

    step = 'an error: a member file that is not JSON';
    const broken = document.createElement('member-map') as MemberMapElement;
    broken.setAttribute('src', '/test/fixtures/invalid.geojson');
    const failed = oneEvent(broken, 'member-map-error');
    wrapper.append(broken);
    broken.scrollIntoView();
    await failed;
    await waitUntil(() => shadow(broken).querySelector('[part="error"]'), 'error shown');

    // The parts loaded on first use came as scripts of their own, under the same policy.
    const parts = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => /member-map-(search|list|contact|fullscreen)\.js$/.test(path));
    expect(parts.sort()).to.deep.equal(['/dist/member-map-contact.js', '/dist/member-map-fullscreen.js', '/dist/member-map-list.js', '/dist/member-map-search.js']);

    step = 'removal';
    el.remove();
    broken.remove();
    await settle();

    expect(violations, 'violations during the session').to.deep.equal([]);
    const failedRequests = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (entry) => entry.startTime >= start && entry.responseStatus >= 400,
    );
    expect(failedRequests.map((entry) => entry.name), 'no 404 from the nested folder').to.deep.equal([]);

    // The recorder still works at the end.
    expect((await provokeViolation('script')).directive).to.equal('script-src-elem');
  });
});
