import { expect, waitUntil } from '@open-wc/testing';

// The classic script's parts that load on first use (src/features/load.ts, scripts/classic-chunks.js):
// nothing of them at first paint, each found next to the script when first needed, the visitor's
// click or typing kept while it loads, and a part that cannot be loaded answered with a retry.

interface Page {
  frame: HTMLIFrameElement;
  el: HTMLElement & { view: string };
  root: ShadowRoot;
  /** The paths the page requested, in order. */
  requests(): string[];
  status(): string;
}

/** A page that loads the classic script from `script` and shows the 12 fixture members. */
async function page(script: string): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.width = '900';
  frame.height = '700';
  frame.srcdoc = `<!doctype html><html lang="de"><meta name="viewport" content="width=device-width">
    <body><member-map src="/test/fixtures/members.geojson" style="width: 800px"></member-map><script src="${script}"></script></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const el = frame.contentDocument!.querySelector('member-map') as Page['el'];
  const status = () => el.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim() ?? '';
  await waitUntil(() => status() === '12 Mitglieder auf der Karte', 'the members on the map', { timeout: 15_000 });
  return {
    frame,
    el,
    root: el.shadowRoot!,
    requests: () => frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    status,
  };
}

const parts = (paths: string[]) => paths.filter((path) => /member-map-(search|list|contact|fullscreen)\.js$/.test(path));

/**
 * axe-core's violations inside `element`, run in the frame's own window (axe checks the document it was
 * loaded into, shadow roots included), as test/frame.test.ts does for frame.html: one line per rule.
 */
async function axeViolations(frame: HTMLIFrameElement, element: Element): Promise<string[]> {
  const view = frame.contentWindow as Window & { axe?: { run(context: Element): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } };
  if (!view.axe) {
    await new Promise((resolve, reject) => {
      const script = frame.contentDocument!.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = resolve;
      script.onerror = () => reject(new Error('axe did not load'));
      frame.contentDocument!.head.append(script);
    });
  }
  const { violations } = await view.axe!.run(element);
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`);
}

describe('the classic script loads its parts on first use', function () {
  this.timeout(30_000);
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('loads none of them for the first paint, and the list from beside the script on the first click, which is kept', async () => {
    const { root, requests } = await page('/slow/600/dist/member-map.iife.js');
    expect(parts(requests()), 'no part before it is used').to.deep.equal([]);
    const [, listButton] = root.querySelectorAll<HTMLButtonElement>('.view-toggle button');
    listButton!.click();
    await waitUntil(() => root.querySelector('.list'), 'the list view');
    // The click took effect at once; the list's part is on its way (0.6 s here).
    expect(listButton!.getAttribute('aria-pressed')).to.equal('true');
    expect(root.querySelector('.list')!.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => root.querySelectorAll('.list-member').length === 12, 'the members listed', { timeout: 10_000 });
    expect(parts(requests())).to.deep.equal(['/slow/600/dist/member-map-list.js']);
  });

  it('answers a search typed while the search part loads', async () => {
    const { root, requests, status } = await page('/slow/600/dist/member-map.iife.js');
    const field = root.querySelector<HTMLInputElement>('[part="search"]')!;
    field.value = 'Heidelberg';
    field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => /in der Nähe von Heidelberg/.test(status()), 'the nearest members of Heidelberg', { timeout: 10_000 });
    expect(parts(requests())).to.deep.equal(['/slow/600/dist/member-map-search.js']);
  });

  it('opens the contact panel with the focus in it once its part has loaded', async () => {
    const { root, requests } = await page('/slow/600/dist/member-map.iife.js');
    root.querySelector<HTMLButtonElement>('[part="contact-button"]')!.click();
    await waitUntil(() => root.activeElement?.matches('[part="contact-panel"]'), 'the panel, focused', { timeout: 10_000 });
    expect(root.querySelector('[part="contact-panel"] a[href^="mailto:"]')).to.exist;
    expect(parts(requests())).to.deep.equal(['/slow/600/dist/member-map-contact.js']);
  });

  it('goes fullscreen on the first press, its part loaded meanwhile', async () => {
    const { root, requests } = await page('/slow/600/dist/member-map.iife.js');
    const button = root.querySelector<HTMLButtonElement>('.fullscreen-button')!;
    button.click();
    // In a frame without allowfullscreen: the element fills the viewport instead (the fallback).
    await waitUntil(() => button.getAttribute('aria-pressed') === 'true', 'fullscreen on', { timeout: 10_000 });
    button.click();
    await waitUntil(() => button.getAttribute('aria-pressed') === 'false', 'fullscreen off');
    expect(parts(requests())).to.deep.equal(['/slow/600/dist/member-map-fullscreen.js']);
  });

  it('says so when a part cannot be loaded, and loads it on retry; the other controls keep working', async () => {
    const key = `parts-${Date.now()}`;
    const { root, el, requests } = await page(`/broken-parts/${key}/dist/member-map.iife.js`);
    const [mapButton, listButton] = root.querySelectorAll<HTMLButtonElement>('.view-toggle button');
    listButton!.click();
    const alert = () => root.querySelector<HTMLElement>('.list [role="alert"]');
    await waitUntil(alert, 'the message', { timeout: 10_000 });
    expect(alert()!.querySelector('p')!.textContent).to.equal('Dieser Teil der Karte konnte nicht geladen werden. Bitte prüfen Sie die Internetverbindung.');
    // Back to the map and to the list again: neither control is dead.
    mapButton!.click();
    await waitUntil(() => el.view === 'map' && !root.querySelector('.list'), 'the map again');
    listButton!.click();
    await waitUntil(alert, 'the message again');
    await fetch(`/repair/${key}`);
    alert()!.querySelector<HTMLButtonElement>('button.retry')!.click();
    await waitUntil(() => root.querySelectorAll('.list-member').length === 12, 'the members listed after the retry', { timeout: 10_000 });
    expect(alert()).to.equal(null);
    // Asked for again under a new address: the browser would answer the failed one from its memory.
    expect(parts(requests())).to.deep.equal([`/broken-parts/${key}/dist/member-map-list.js`, `/broken-parts/${key}/dist/member-map-list.js`]);
  });

  it('the message of a part that cannot be loaded is an alert whose retry takes the focus, and axe finds no violation', async () => {
    const { frame, root, el } = await page(`/broken-parts/parts-axe-${Date.now()}/dist/member-map.iife.js`);
    expect(await axeViolations(frame, el), 'axe on the map, before the failure').to.deep.equal([]);
    root.querySelectorAll<HTMLButtonElement>('.view-toggle button')[1]!.click();
    const alert = () => root.querySelector<HTMLElement>('.list [role="alert"]');
    await waitUntil(alert, 'the message', { timeout: 10_000 });
    expect(alert()!.textContent).to.contain('Dieser Teil der Karte konnte nicht geladen werden.');
    const retry = alert()!.querySelector<HTMLButtonElement>('button.retry')!;
    expect(retry.localName).to.equal('button');
    expect(retry.textContent!.trim()).to.equal('Erneut versuchen');
    expect(retry.tabIndex, 'in the tab order').to.equal(0);
    retry.focus();
    expect(root.activeElement, 'the retry takes the focus').to.equal(retry);
    expect(await axeViolations(frame, el), 'axe with the message').to.deep.equal([]);
  });
});
