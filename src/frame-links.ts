// Links that must leave a frame. Inside an <iframe> (frame.html, or any page that frames the map), a
// link without a target opens in the frame itself: the full map would open in the teaser's small box,
// and a mail client registered as a web page (webmail) refuses to be shown in a frame. Such links open
// in the top window instead, as they would on the page around the frame. Website links open in a new
// tab everywhere. The sandbox the README recommends allows both, on the visitor's click.

/** Whether this page is shown inside a frame. */
export function inFrame(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a browser that will not even compare tells us we are framed
  }
}

/** The `target` of a link to the full map, a mail or a phone link: `_top` inside a frame, none outside. */
export function topTarget(): '_top' | undefined {
  return inFrame() ? '_top' : undefined;
}
