import { html, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/index.js';

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
 */
export function teaser({ strings, href, caption }: TeaserOptions): TemplateResult {
  return html`
    <a class="teaser" href=${href}>
      <div class="map" part="map" inert></div>
      <span class="teaser-caption">
        <span class="teaser-count"
          ><span class="visually-hidden">${strings.teaserBefore}</span>${caption ?? strings.loading}<span class="visually-hidden">${strings.teaserAfter}</span></span
        >
        <span class="teaser-attribution" aria-hidden="true">${strings.basemapCredit}</span>
      </span>
    </a>
  `;
}
