// The height frame.html needs, told to the page around the frame, whose resizer script
// (member-map-frame.js) sets the iframe to it. The two messages, the whole of that conversation:
//   frame → parent   { type: 'member-map:height', height }   on start and whenever the height changes
//   parent → frame   { type: 'member-map:height-request' }    answered with the height message (a
//                                                              resizer that starts after the frame did)
//
// What the frame needs:
// - the map (and the teaser): the height the page gave the frame, the iframe's `height` (at least
//   240 px; a frame given less, such as an iframe without `height`, asks for the element's own default,
//   480 px, or 240 px for the teaser). The map has no height of its own: it fills what it is given.
// - the list: as high as its content, so that a short list (a Land, a search, `near`) shows whole,
//   but never lower than the map (the page below does not jump up) and at most one screen high (the
//   visitor's screen, `screen.availHeight`): a longer list scrolls inside the frame, under the
//   toolbar with the search and the switch back to the map, which stay in view.

export const HEIGHT_MESSAGE = 'member-map:height';
export const HEIGHT_REQUEST = 'member-map:height-request';

/** The smallest frame the map is made for (240 × 240 px). */
export const MIN_HEIGHT = 240;
/** The element's own default heights (`--member-map-height`). */
export const DEFAULT_HEIGHT = 480;
export const DEFAULT_TEASER_HEIGHT = 240;
/** The tallest a frame grows for its list where the screen's height is not known. */
export const LIST_MAX_HEIGHT = 1000;

/** The tallest a frame grows for its list: one screen. */
export const listMaxHeight = (): number => window.screen?.availHeight || LIST_MAX_HEIGHT;

/**
 * The height `map` needs: `mapHeight` in the map view, the list's full height in the list view.
 * `map` is the <member-map>, filling the frame.
 */
export function neededHeight(map: HTMLElement, mapHeight: number): number {
  const list = map.shadowRoot?.querySelector<HTMLElement>('[part~="list"]');
  if (!list || !list.isConnected || list.getClientRects().length === 0) return mapHeight;
  // Everything around the list (toolbar, status) keeps its height; the list's box grows to its content.
  const around = map.getBoundingClientRect().height - list.clientHeight;
  const full = Math.ceil(around + list.scrollHeight);
  return Math.max(mapHeight, Math.min(full, listMaxHeight()));
}

/**
 * Tells the parent window the height `map` needs, on start and whenever it changes, and answers a
 * resizer's request. Does nothing when the page is not in a frame.
 */
export function reportHeights(map: HTMLElement, teaser: boolean): void {
  if (window.parent === window) return;
  let mapHeight = 0;
  let told = 0;
  const tell = (height: number) => {
    told = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  const measure = () => {
    if (!mapHeight) {
      // The frame's height before anyone changed it; a hidden frame (0) waits until it is shown.
      const given = window.innerHeight;
      if (!given) return;
      mapHeight = given >= MIN_HEIGHT ? given : teaser ? DEFAULT_TEASER_HEIGHT : DEFAULT_HEIGHT;
    }
    const height = neededHeight(map, mapHeight);
    if (height !== told) tell(height);
  };
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      measure();
    });
  };

  // Sizes: the frame's (the map fills it) and the list's box. Content: the list and its members
  // appearing, a search narrowing them, a font arriving.
  const sizes = new ResizeObserver(schedule);
  sizes.observe(map);
  const observeList = () => {
    const list = map.shadowRoot?.querySelector('[part~="list"]');
    if (list) sizes.observe(list);
  };
  if (map.shadowRoot) {
    new MutationObserver(() => {
      observeList();
      schedule();
    }).observe(map.shadowRoot, { childList: true, subtree: true, characterData: true });
  }
  document.fonts?.addEventListener('loadingdone', schedule);
  window.addEventListener('message', (event) => {
    const data: unknown = event.data;
    if (event.source !== window.parent || typeof data !== 'object' || data === null) return;
    if ((data as { type?: unknown }).type !== HEIGHT_REQUEST) return;
    if (mapHeight) tell(neededHeight(map, mapHeight));
  });
  observeList();
  schedule();
}
