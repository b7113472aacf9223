import { html, nothing, type TemplateResult } from 'lit';
import { topTarget } from '../frame-links.js';
import type { Member } from '../data/members.js';
import type { Strings } from '../i18n/index.js';
import { landOf } from '../regions.js';

export interface TeaserOptions {
  strings: Strings;
  /** A checked http(s) address of the full map's page. */
  href: string;
  /** "63 Mitglieder in 16 Ländern", or undefined while the members load. */
  caption?: string;
}

/**
 * The sidebar teaser: one link over a still map (the members as clusters on the offline basemap) with
 * a caption that counts them. The map is inert and lets clicks through to the link. The link's name is
 * its visible caption, framed for screen readers ("Mitgliederkarte: … Zur vollständigen Karte").
 * Inside a frame it opens the full map in the top window, not in the teaser's box.
 */
export function teaser({ strings, href, caption }: TeaserOptions): TemplateResult {
  return html`
    <a class="teaser" href=${href} target=${topTarget() ?? nothing}>
      <div class="map" part="map" inert></div>
      <span class="teaser-caption">
        <span class="teaser-count"
          ><span class="visually-hidden">${strings.teaserBefore}</span>${caption ?? strings.loading}<span class="visually-hidden">${strings.teaserAfter}</span
          ><span class="teaser-arrow" aria-hidden="true">&rarr;</span></span
        >
        <span class="teaser-attribution" aria-hidden="true">${strings.basemapCredit}</span>
      </span>
    </a>
  `;
}

/** `href` as a checked http(s) address (relative ones resolved), or undefined: then there is no teaser. */
export function teaserHref(href: string): string | undefined {
  if (!href.trim()) return undefined;
  try {
    const url = new URL(href.trim(), document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** "63 Mitglieder in 16 Ländern": the members shown and the Länder they work in. */
export function teaserCaption(strings: Strings, members: readonly Member[]): string {
  const laender = new Set(members.map((member) => landOf(member.state ?? '')?.iso).filter(Boolean));
  return strings.teaserCaption(members.length, laender.size);
}
