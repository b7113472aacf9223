import { type CSSResult, unsafeCSS } from 'lit';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import markerClusterCss from 'leaflet.markercluster/dist/MarkerCluster.css?inline';
import { consentPromptStyles } from '../templates/consent-prompt.styles.js';
import { memberCardStyles } from '../templates/member-card.styles.js';
import { toolbarStyles } from '../templates/toolbar.styles.js';
import { elementStyles } from './element.styles.js';
import { mapStyles } from './map.styles.js';

/** Leaflet's and markercluster's own CSS, adopted into the shadow root (page CSS cannot reach it). */
export const vendorStyles = [unsafeCSS(leafletCss), unsafeCSS(markerClusterCss)];

/**
 * The element's own styles for its first paint, after the vendor styles, in the order the rules had in
 * the single stylesheet before. Each part keeps its own overrides (narrow container, touch, forced
 * colours) after its base rules, so none of them depends on another part's order. The parts that the
 * first paint does not show bring their styles along and adopt them when they first appear
 * (src/styles/adopt.ts): the list, the search's bars, the contact panel (src/features/) and the teaser.
 */
export const memberMapStyles: CSSResult[] = [elementStyles, toolbarStyles, mapStyles, consentPromptStyles, memberCardStyles];
