import type { CSSResult } from 'lit';

/**
 * Adds a part's styles to the element's shadow root when the part first appears (a part loaded on
 * first use, the teaser), after the styles it has: a page that never shows the part never parses them,
 * and every style recalculation of the element has fewer rules to match.
 */
export function adoptPartStyles(host: HTMLElement, styles: CSSResult): void {
  const root = host.shadowRoot;
  const sheet = styles.styleSheet;
  if (!root || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
