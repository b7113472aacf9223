// How much of the map the controls on top of it cover, for fitting members clear of them. Pure.

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * The insets that keep fitted members clear of `overlays` (boxes in the same coordinates as `map`).
 * Each overlay takes a band along one edge of the map: across the top or bottom (as deep as it
 * reaches in), or down the left or right side (as wide as it reaches in), whichever costs the map the
 * smaller share of its height or width. The consent bar of a wide map takes a band at the bottom; the
 * zoom control of a wide, short map a band on the left.
 */
export function overlayInsets(map: Box, overlays: readonly Box[]): Insets {
  const insets = { ...NO_INSETS };
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  if (width <= 0 || height <= 0) return insets;
  for (const box of overlays) {
    if (box.right <= map.left || box.left >= map.right || box.bottom <= map.top || box.top >= map.bottom) continue;
    const fromTop = box.bottom - map.top;
    const fromBottom = map.bottom - box.top;
    const fromLeft = box.right - map.left;
    const fromRight = map.right - box.left;
    const [vertical, verticalDepth] = fromTop <= fromBottom ? (['top', fromTop] as const) : (['bottom', fromBottom] as const);
    const [horizontal, horizontalDepth] = fromLeft <= fromRight ? (['left', fromLeft] as const) : (['right', fromRight] as const);
    if (verticalDepth / height <= horizontalDepth / width) insets[vertical] = Math.max(insets[vertical], verticalDepth);
    else insets[horizontal] = Math.max(insets[horizontal], horizontalDepth);
  }
  return insets;
}
