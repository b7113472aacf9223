import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../src/define.js';
import type { MemberMap } from '../src/member-map.js';
import { shadow } from './helpers.js';

// Screen sizes for the layout and touch tests, and the element mounted at one of them: the sample
// data, with the Heidelberg member's popup open.

const SAMPLE = new URL('/data/members.geojson', location.href).href;

export interface Screen {
  name: string;
  width: number;
  height: number;
  touch?: boolean;
  /** The element in a column of this width instead of the page's full width. */
  column?: number;
}

export const SCREENS: Screen[] = [
  { name: 'phone 320 × 640, touch', width: 320, height: 640, touch: true },
  { name: 'phone 375 × 812, touch', width: 375, height: 812, touch: true },
  { name: 'tablet 768 × 1024', width: 768, height: 1024 },
  { name: 'desktop 1280 × 800', width: 1280, height: 800 },
  { name: 'sidebar column 260 px', width: 1280, height: 800, column: 260 },
];

export const box = (element: Element) => element.getBoundingClientRect();
export const visible = (element: Element) => {
  const rect = box(element);
  return rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden';
};

/**
 * Mounts the element at `screen`. A touch screen gets Chromium's touch emulation where there is one
 * (setting the viewport switches it off, so it comes after).
 */
export async function mount(screen: Screen): Promise<MemberMap> {
  await setViewport({ width: screen.width, height: screen.height });
  await executeServerCommand('emulate-touch', { enabled: Boolean(screen.touch) });
  const el = document.createElement('member-map') as MemberMap;
  el.setAttribute('selected', 'heidelberg');
  const loaded = oneEvent(el, 'member-map-load');
  el.src = SAMPLE;
  const wrapper = await fixture(html`<div>${el}</div>`);
  if (screen.column) (wrapper as HTMLElement).style.width = `${screen.column}px`;
  el.scrollIntoView();
  await loaded;
  await waitUntil(() => shadow(el).querySelector('.leaflet-popup .member-card__title'), 'the selected member\'s popup', { timeout: 5000 });
  await new Promise((resolve) => setTimeout(resolve, 400)); // the popup's auto-pan
  return el;
}

