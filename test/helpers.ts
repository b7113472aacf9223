import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { MemberMap } from '../src/member-map.js';

export const FIXTURES = new URL('./fixtures/', import.meta.url).href;

/** A sized `<member-map>` that has finished loading `file` (a fixture name or URL). */
export async function loadedMap(file: string, attributes: Record<string, string> = {}): Promise<MemberMap> {
  const el = document.createElement('member-map');
  el.style.setProperty('--member-map-height', '500px');
  el.style.width = '800px';
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const loaded = oneEvent(el, 'member-map-load');
  el.src = new URL(file, FIXTURES).href;
  await fixture(html`<div>${el}</div>`);
  el.scrollIntoView(); // it starts only near the viewport
  await loaded;
  return el;
}

export function shadow(el: HTMLElement): ShadowRoot {
  return el.shadowRoot!;
}

/** Single markers and cluster icons currently in the map, with the member count they stand for. */
export function visibleCounts(el: HTMLElement): { markers: number; clusters: number; total: number } {
  const root = shadow(el);
  const markers = root.querySelectorAll('.member-marker').length;
  const clusterIcons = [...root.querySelectorAll('.member-cluster')];
  const inClusters = clusterIcons.reduce((sum, icon) => sum + Number(icon.querySelector('[aria-hidden]')!.textContent), 0);
  return { markers, clusters: clusterIcons.length, total: markers + inClusters };
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** Uncaught errors, unhandled rejections and console.error calls while a test runs; `stop()` ends it. */
export function watchFailures() {
  const failures: string[] = [];
  const onError = (event: ErrorEvent) => failures.push(`uncaught: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => failures.push(`unhandled rejection: ${String(event.reason)}`);
  const consoleError = console.error;
  console.error = (...args: unknown[]) => {
    failures.push(`console.error: ${args.map(String).join(' ')}`);
    consoleError.apply(console, args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    failures,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = consoleError;
    },
  };
}

/** True in Firefox, the second engine of `npm test` (see web-test-runner.config.js). */
export const firefox = navigator.userAgent.includes('Firefox');

/**
 * Skips the running test in Firefox only, where it cannot run (the test runner lacks what it needs)
 * or not reliably (a race in the test itself); never for a fault of the element, which must fail.
 * Call it first in `it(…, function () {…})`; the reason is printed with the browser logs.
 */
export function skipInFirefox(test: Mocha.Context, reason: string): void {
  if (!firefox) return;
  console.log(`[info] skipped in Firefox: ${reason}`); // shown with the file's browser logs
  test.skip();
}

/**
 * Waits until the newest popup has finished fading in: axe measures colours through the popup's
 * opacity, so text caught mid-fade reads as contrast 1.1 : 1 (seen in Firefox on a busy machine).
 */
export async function popupFadedIn(el: HTMLElement): Promise<void> {
  await waitUntil(() => {
    const popup = [...shadow(el).querySelectorAll<HTMLElement>('.leaflet-popup')].at(-1);
    return popup !== undefined && getComputedStyle(popup).opacity === '1';
  }, 'the popup fades in', { timeout: 5000 });
}
